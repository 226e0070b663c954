// Tables that fit the terminal. On a terminal (FormatOptions.width known), the widest columns
// are narrowed, and their cells wrapped, until the table is no wider than the terminal. Off a
// terminal (pipes, files, CI logs) tables keep their natural width, unwrapped: a log has no
// width, and one line per row keeps the output greppable and diffable.
import Table from "cli-table3";
import { createRequire } from "node:module";

/** A column is never narrowed below this (padding included). */
const MIN_COLUMN = 8;
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
 * row above for spans) and in the length of multi-line cells: 5,000 rows took minutes. Past this
 * many rows tam wraps and draws the table itself, in the same layout, in linear time.
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
  if (rows.length <= ROWS_PER_BLOCK) {
    const table = new Table({ ...options, head, ...(colWidths ? { colWidths, wordWrap: true, wrapOnWordBoundary: true } : {}) });
    table.push(...(rows as Table.HorizontalTableRow[]));
    return table.toString();
  }
  // The natural widths measured as cli-table3 measures them, or the fitted ones.
  const widths = colWidths ?? head.map((title, column) => {
    let widest = strlen(title);
    for (const row of rows) widest = Math.max(widest, strlen(String(row[column] ?? "")));
    return widest + 2;
  });
  const chars = { ...DEFAULT_CHARS, ...(options.chars ?? {}) };
  // Each row wrapped into lines of cells (cli-table3 also spends time quadratic in the length of
  // every multi-line cell it draws: it truncates the whole content one character at a time).
  const rowLines: number[] = [];
  const physical: string[][] = [];
  for (const row of rows) {
    const cells = row.map((cell, column) => String(colWidths ? wrapCell(cell, widths[column]! - 2) : (cell ?? "")).split("\n"));
    const height = Math.max(1, ...cells.map((lines) => lines.length));
    rowLines.push(height);
    for (let line = 0; line < height; line++) physical.push(cells.map((lines) => lines[line] ?? ""));
  }
  // Drawn here, in cli-table3's layout (its per-cell work costs tens of microseconds, and a long
  // chain's risk table has hundreds of thousands of cells). Colour codes are not measured.
  const line = (left: string, middle: string, right: string, fill: string) => left + widths.map((w) => fill.repeat(w)).join(middle) + right;
  const cellsLine = (cells: string[]) => chars.left + cells.map((cell, i) => ` ${cell}${" ".repeat(Math.max(0, widths[i]! - 2 - displayWidth(cell.replace(ANSI, ""))))} `).join(chars.middle) + chars.right;
  const out = [line(chars["top-left"], chars["top-mid"], chars["top-right"], chars.top)];
  const headCells = head.map((title) => title.split("\n"));
  const headHeight = Math.max(1, ...headCells.map((lines) => lines.length));
  for (let i = 0; i < headHeight; i++) out.push(cellsLine(headCells.map((lines) => lines[i] ?? "")));
  const between = chars.mid ? line(chars["left-mid"], chars["mid-mid"], chars["right-mid"], chars.mid) : undefined;
  let at = 0;
  for (const height of rowLines) {
    if (between) out.push(between);
    for (let i = 0; i < height; i++) out.push(cellsLine(physical[at + i]!));
    at += height;
  }
  out.push(line(chars["bottom-left"], chars["bottom-mid"], chars["bottom-right"], chars.bottom));
  return out.join("\n");
}

/** Display width: the string length for printable ASCII, cli-table3's measure otherwise. */
function displayWidth(text: string): number {
  return /^[\x20-\x7e]*$/.test(text) ? text.length : strlen(text);
}

/** Greedy word wrap of a cell to `width` columns; a word longer than the column is cut. Coloured cells are left to cli-table3. */
function wrapCell(cell: unknown, width: number): unknown {
  if (typeof cell !== "string" || cell.includes("\u001b") || width < 1) return cell;
  const out: string[] = [];
  for (const paragraph of cell.split("\n")) {
    let line = "";
    let used = 0;
    for (const word of paragraph.split(" ")) {
      const size = displayWidth(word);
      if (used > 0 && used + 1 + size <= width) {
        line += ` ${word}`;
        used += 1 + size;
        continue;
      }
      if (used > 0) out.push(line);
      if (size <= width) {
        line = word;
        used = size;
        continue;
      }
      // Too long for any line: cut it into column-wide pieces.
      let piece = "";
      let pieceWidth = 0;
      for (const character of word) {
        const w = displayWidth(character);
        if (pieceWidth + w > width && piece) {
          out.push(piece);
          piece = "";
          pieceWidth = 0;
        }
        piece += character;
        pieceWidth += w;
      }
      line = piece;
      used = pieceWidth;
    }
    out.push(line);
  }
  return out.join("\n");
}

const DEFAULT_CHARS = {
  top: "─", "top-mid": "┬", "top-left": "┌", "top-right": "┐",
  mid: "─", "left-mid": "├", "mid-mid": "┼", "right-mid": "┤",
  bottom: "─", "bottom-mid": "┴", "bottom-left": "└", "bottom-right": "┘",
  left: "│", middle: "│", right: "│",
};


