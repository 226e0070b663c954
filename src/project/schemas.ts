// The JSON Schemas shipped in schemas/, one per file kind.
import { readFileSync } from "node:fs";
import type { FileKind } from "../model/files.js";

export const SCHEMA_NAMES: Record<FileKind, string> = {
  manifest: "tam",
  departments: "departments",
  architecture: "architecture",
  change: "change",
  incidents: "incidents",
  docs: "docs",
};

export const SCHEMA_DIR = new URL("../../schemas/", import.meta.url);

export function schemaFileName(kind: FileKind): string {
  return `${SCHEMA_NAMES[kind]}.schema.json`;
}

export function readSchema(kind: FileKind): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(schemaFileName(kind), SCHEMA_DIR), "utf8")) as Record<string, unknown>;
}
