// Tables that fit the terminal. On a terminal (FormatOptions.width known), the widest columns
// are narrowed, and their cells wrapped, until the table is no wider than the terminal. Off a
// terminal (pipes, files, CI logs) tables keep their natural width, unwrapped: a log has no
// width, and one line per row keeps the output greppable and diffable.
import Table from "cli-table3";
import { createRequire } from "node:module";

/** A column is never narrowed below this (padding included). */
const MIN_COLUMN = 8;
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;

/** The widest line of a cell, without colour codes. */
function cellWidth(cell: unknown): number {
  let widest = 0;
  for (const line of String(cell ?? "").replace(ANSI, "").split("\n")) widest = Math.max(widest, [...line].length);
  return widest;
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

/**
 * cli-table3 lays out a table in time quadratic in its rows (each cell is checked against every
 * row above for spans), and measures every cell several times: 5,000 rows took minutes. Past this
 * many rows the table is drawn in blocks of this size, with the same column widths, and stitched.
 */
const ROWS_PER_BLOCK = 100;

/** cli-table3's own width measure (string-width, colour codes ignored), so the widths we give it agree with its own. */
const require = createRequire(import.meta.url);
const strlen = (require("cli-table3/src/utils.js") as { strlen: (text: string) => number }).strlen;

/** A cli-table3 table of these rows that fits `width` (see above). Linear in the rows. */
export function fittedTable(head: string[], rows: unknown[][], width: number | undefined, options: Omit<Table.TableConstructorOptions, "head" | "colWidths"> = {}): string {
  const natural = head.map((title, column) => {
    let widest = cellWidth(title);
    for (const row of rows) widest = Math.max(widest, cellWidth(row[column]));
    return widest + 2;
  });
  const colWidths = fitColumns(natural, width);
  const wrap = colWidths ? { wordWrap: true, wrapOnWordBoundary: true } : {};
  if (rows.length <= ROWS_PER_BLOCK) {
    const table = new Table({ ...options, head, ...(colWidths ? { colWidths, ...wrap } : {}) });
    table.push(...(rows as Table.HorizontalTableRow[]));
    return table.toString();
  }
  // Blocks share explicit widths: the natural ones measured as cli-table3 measures, or the fitted ones.
  const widths = colWidths ?? head.map((title, column) => {
    let widest = strlen(title);
    for (const row of rows) widest = Math.max(widest, strlen(String(row[column] ?? "")));
    return widest + 2;
  });
  const chars = { ...DEFAULT_CHARS, ...(options.chars ?? {}) };
  const blocks: string[][] = [];
  for (let from = 0; from < rows.length; from += ROWS_PER_BLOCK) {
    const table = new Table({ ...options, head: from === 0 ? head : [], colWidths: widths, ...wrap });
    table.push(...(rows.slice(from, from + ROWS_PER_BLOCK) as Table.HorizontalTableRow[]));
    blocks.push(table.toString().split("\n"));
  }
  const out: string[] = [];
  blocks.forEach((lines, index) => {
    const first = index === 0 ? 0 : 1; // a later block's top border
    const last = index === blocks.length - 1 ? lines.length : lines.length - 1; // an earlier block's bottom border
    if (index > 0 && chars.mid) out.push(separator(lines[0]!, chars));
    out.push(...lines.slice(first, last));
  });
  return out.join("\n");
}

const DEFAULT_CHARS = { top: "─", "top-mid": "┬", "top-left": "┌", "top-right": "┐", mid: "─", "left-mid": "├", "mid-mid": "┼", "right-mid": "┤" };

/** The line between two rows, from a block's top border (same widths, the row-separator characters). */
function separator(topBorder: string, chars: typeof DEFAULT_CHARS): string {
  const swap: Record<string, string> = { [chars["top-left"]]: chars["left-mid"], [chars["top-mid"]]: chars["mid-mid"], [chars["top-right"]]: chars["right-mid"], [chars.top]: chars.mid };
  return [...topBorder].map((c) => swap[c] ?? c).join("");
}
