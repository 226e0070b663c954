import type { ImportResult } from "../../domain/incidents/import.js";

/** What `tam incident import` did with one file, for the formatters. */
export interface ImportReport {
  file: string;
  /** The preset mapping file used, when --preset chose one. */
  preset?: { name: string; file: string };
  /** Anomalies are errors (--strict). */
  strict: boolean;
  result: ImportResult;
  /** Why nothing was written (errors, or anomalies under --strict); absent when the import went through. */
  refused?: string;
  /** Files written (empty when nothing changed or nothing was written). */
  written: string[];
}
