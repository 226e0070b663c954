// Reading the mapped fields of one CSV record: trimmed text (empty markers such as "?" become absent),
// value maps, dates in the mapping's pattern and zone. Column lookups go through a Map, never an object.
import type { CsvRecord } from "../csv.js";
import type { Priority } from "../../model/files.js";
import { dayNumber } from "../dates.js";
import { zonedToEpoch } from "../zone.js";
import { readWallTime } from "./date-pattern.js";
import { templateColumns, type ImportField, type ImportMapping, type ValueField } from "./mapping.js";

/** A record that cannot be read (bad date, empty key field): an error at its CSV line. */
export class RowProblem extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

const PRIORITY_WORDS = new Map<string, Priority>([
  ["critical", "P1"],
  ["high", "P2"],
  ["medium", "P3"],
  ["moderate", "P3"],
  ["low", "P4"],
  ["planning", "P4"],
]);

/** P1-P4 from "P2", "2 - High", "High"; undefined when the value is none of these. */
export function priorityOf(value: string): Priority | undefined {
  const digit = /^p?([1-4])\b/i.exec(value.trim());
  if (digit) return `P${digit[1]}` as Priority;
  return PRIORITY_WORDS.get(value.trim().toLowerCase());
}

export class RowReader {
  private readonly index = new Map<string, number>();
  constructor(
    header: string[],
    readonly mapping: ImportMapping,
  ) {
    header.forEach((name, i) => {
      if (!this.index.has(name)) this.index.set(name, i);
    });
  }

  missingColumns(): string[] {
    const missing = Object.entries(this.mapping.columns)
      .filter(([, column]) => column !== undefined && !this.index.has(column))
      .map(([field, column]) => `${field} -> "${column}"`);
    for (const column of templateColumns(this.mapping.titleTemplate ?? "")) if (!this.index.has(column)) missing.push(`title template -> "${column}"`);
    return missing;
  }

  private cell(record: CsvRecord, column: string): string | undefined {
    const at = this.index.get(column);
    const raw = (at === undefined ? "" : (record.cells[at] ?? "")).trim();
    return raw === "" || this.mapping.empty.includes(raw) ? undefined : raw;
  }

  text(record: CsvRecord, field: ImportField): string | undefined {
    const column = this.mapping.columns[field];
    return column === undefined ? undefined : this.cell(record, column);
  }

  mapped(field: ValueField, value: string | undefined): string | undefined {
    if (value === undefined) return undefined;
    return this.mapping.values[field]?.get(value) ?? value;
  }

  /** The title template filled from the record; absent columns give empty text. */
  title(record: CsvRecord, externalId: string): string {
    const template = this.mapping.titleTemplate;
    if (!template) return externalId;
    const filled = template
      .replace(/\{([^{}]+)\}/g, (_, column: string) => this.cell(record, column) ?? "")
      .replace(/\s+/g, " ")
      .trim();
    return filled || externalId;
  }

  epoch(record: CsvRecord, field: ImportField): number | undefined {
    const text = this.text(record, field);
    if (text === undefined) return undefined;
    const wall = readWallTime(text, this.mapping.dateFormat);
    if (!wall) throw new RowProblem(`${field} "${text}" does not match ${this.mapping.dateFormat ? `the date format "${this.mapping.dateFormat}"` : "ISO 8601 (or give --date-format)"}`, record.line);
    if (wall.offsetMinutes !== undefined) {
      // Integer date arithmetic (dates.ts): Date.UTC would read years 0-99 as 19xx.
      return dayNumber(wall.date) * 86_400_000 + wall.minutes * 60_000 + wall.seconds * 1000 - wall.offsetMinutes * 60_000;
    }
    return zonedToEpoch(wall.date, wall.minutes, this.mapping.timezone) + wall.seconds * 1000;
  }
}
