// CSV output cells: RFC 4180 quoting, and no formula injection when a spreadsheet opens the file.
import { terminalSafe } from "./text.js";

/** A cell starting with = + - @ (or a tab / carriage return) would run as a formula: prefix it with a quote. */
export function csvCell(text: string): string {
  // CSV is read in terminals too: unsafe characters made visible (text.ts), line breaks kept (quoted).
  const value = String(text).split(/\r?\n/).map(terminalSafe).join("\n");
  const safe = /^[=+\-@\t\r]/.test(value) && !/^-?\d+(\.\d+)?$/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvRow(cells: string[]): string {
  return cells.map(csvCell).join(",");
}
