// Tables that fit the terminal. On a terminal (FormatOptions.width known), the widest columns
// are narrowed, and their cells wrapped, until the table is no wider than the terminal. Off a
// terminal (pipes, files, CI logs) tables keep their natural width, unwrapped: a log has no
// width, and one line per row keeps the output greppable and diffable.
import Table from "cli-table3";

/** A column is never narrowed below this (padding included). */
const MIN_COLUMN = 8;
const ANSI = /\u001b\[[0-9;]*m/g;

/** The widest line of a cell, without colour codes. */
function cellWidth(cell: unknown): number {
  return Math.max(...String(cell ?? "").replace(ANSI, "").split("\n").map((line) => [...line].length));
}

/**
 * Column widths (padding included) whose table is at most `width` wide, narrowing only the
 * widest columns; undefined when the natural widths already fit or the width is unknown.
 */
export function fitColumns(natural: number[], width: number | undefined): number[] | undefined {
  if (width === undefined) return undefined;
  const available = width - (natural.length + 1); // one border character around each column
  const total = (cap: number) => natural.reduce((sum, w) => sum + Math.min(w, Math.max(cap, MIN_COLUMN)), 0);
  if (total(Infinity) <= available) return undefined;
  let cap = MIN_COLUMN;
  while (total(cap + 1) <= available) cap++;
  const widths = natural.map((w) => Math.min(w, Math.max(cap, MIN_COLUMN)));
  // Hand what is left (less than one per capped column) to the capped columns, left first.
  let spare = available - widths.reduce((a, b) => a + b, 0);
  for (let i = 0; i < widths.length && spare > 0; i++) {
    if (widths[i]! < natural[i]!) {
      widths[i]!++;
      spare--;
    }
  }
  return widths;
}

/** A cli-table3 table of these rows that fits `width` (see above). */
export function fittedTable(head: string[], rows: unknown[][], width: number | undefined, options: Omit<Table.TableConstructorOptions, "head" | "colWidths"> = {}): string {
  const natural = head.map((title, column) => Math.max(cellWidth(title), ...rows.map((row) => cellWidth(row[column]))) + 2);
  const colWidths = fitColumns(natural, width);
  const table = new Table({ ...options, head, ...(colWidths ? { colWidths, wordWrap: true, wrapOnWordBoundary: true } : {}) });
  table.push(...(rows as Table.HorizontalTableRow[]));
  return table.toString();
}
