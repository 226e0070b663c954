// Tables that fit the terminal, for every table tam prints. Off a terminal (pipes, files, CI logs;
// FormatOptions.width unknown) tables keep their natural width, one line per row: a log has no
// width, and one line per row keeps the output greppable and diffable. On a terminal too narrow
// for the natural table:
// - no word is ever cut: a column is never narrower than its longest word (ids, dates, times and
//   numbers are single words), so only prose wraps, at word boundaries;
// - when even that does not fit, prose columns are dropped, widest first (a note says which);
// - below STACKED_BELOW columns, or when nothing else fits, the table becomes a list of blocks,
//   one record per block with a "label: value" line per column, as `gh` and `kubectl describe` do.
import Table from "cli-table3";
import cliTable3Utils from "cli-table3/src/utils.js";
import { linearTruncate } from "./table-truncate.js";
import { fastWordWrap } from "./table-wrap.js";

/** A column is never narrowed below this (padding included), unless its content is narrower. */
const MIN_COLUMN = 8;
/** Terminals narrower than this get the stacked layout when the table does not fit naturally. */
export const STACKED_BELOW = 90;
const ANSI = /\u001b\[[0-9;]*m/g;

const visible = (text: string) => text.replace(ANSI, "");
const length = (text: string) => [...visible(text)].length;

/** The widest line of a cell, without colour codes. */
function cellWidth(cell: unknown): number {
  let widest = 0;
  for (const line of String(cell ?? "").split("\n")) widest = Math.max(widest, length(line));
  return widest;
}

/** The longest word of a cell, without colour codes. */
function longestWord(cell: unknown): number {
  let longest = 0;
  for (const word of visible(String(cell ?? "")).split(/\s+/)) longest = Math.max(longest, [...word].length);
  return longest;
}

/**
 * Column widths (padding included) whose sum is at most `available`, each at least its floor,
 * narrowing only the widest columns; null when even the floors do not fit.
 */
function narrow(natural: number[], floors: number[], available: number): number[] | null {
  const widthAt = (cap: number) => natural.map((w, i) => Math.min(w, Math.max(cap, floors[i]!)));
  const sum = (widths: number[]) => widths.reduce((a, b) => a + b, 0);
  if (sum(widthAt(0)) > available) return null;
  let cap = 0;
  const widest = Math.max(...natural);
  while (cap < widest && sum(widthAt(cap + 1)) <= available) cap++;
  const widths = widthAt(cap);
  // Hand what is left (less than one per capped column) to the capped columns, left first.
  let spare = available - sum(widths);
  for (let i = 0; i < widths.length && spare > 0; i++) {
    if (widths[i]! < natural[i]!) {
      widths[i]!++;
      spare--;
    }
  }
  return widths;
}

/**
 * Column widths (padding included) whose table is at most `width` wide, narrowing only the
 * widest columns; undefined when the natural widths already fit or the width is unknown.
 */
export function fitColumns(natural: number[], width: number | undefined): number[] | undefined {
  if (width === undefined) return undefined;
  const available = width - (natural.length + 1); // one border character around each column
  if (natural.reduce((a, b) => a + b, 0) <= available) return undefined;
  const floors = natural.map((w) => Math.min(w, MIN_COLUMN));
  return narrow(natural, floors, available) ?? floors;
}

/**
 * cli-table3 lays out a table in time quadratic in its rows (each cell is checked against every
 * row above for spans) and in the length of multi-line cells: 5,000 rows took minutes. Past this
 * many rows tam wraps and draws the table itself, in the same layout, in linear time.
 */
const ROWS_PER_BLOCK = 100;

/** cli-table3's own width measure (string-width, colour codes ignored), so the widths we give it agree with its own. */
const tableUtils = cliTable3Utils;
const strlen = tableUtils.strlen;
// cli-table3's cells call utils.truncate and utils.wordWrap through this object: the same results,
// without their quadratic or per-word costs (see table-truncate.ts and table-wrap.ts).
tableUtils.truncate = linearTruncate(tableUtils.truncate, strlen);
tableUtils.wordWrap = fastWordWrap(tableUtils.wordWrap, strlen);

/** The table drawn here in cli-table3's layout, in time linear in its rows (see ROWS_PER_BLOCK). */
function drawLinear(head: string[], rows: unknown[][], colWidths: number[] | undefined, options: Omit<Table.TableConstructorOptions, "head" | "colWidths">): string {
  // The natural widths measured as cli-table3 measures them, or the fitted ones.
  const widths =
    colWidths ??
    head.map((title, column) => {
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
  const cellsLine = (cells: string[]) =>
    chars.left + cells.map((cell, i) => ` ${cell}${" ".repeat(Math.max(0, widths[i]! - 2 - displayWidth(cell.replace(ANSI, ""))))} `).join(chars.middle) + chars.right;
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
  top: "─",
  "top-mid": "┬",
  "top-left": "┌",
  "top-right": "┐",
  mid: "─",
  "left-mid": "├",
  "mid-mid": "┼",
  "right-mid": "┤",
  bottom: "─",
  "bottom-mid": "┴",
  "bottom-left": "└",
  "bottom-right": "┘",
  left: "│",
  middle: "│",
  right: "│",
};

export interface FitOptions extends Omit<Table.TableConstructorOptions, "head" | "colWidths"> {
  /** Columns (by heading) whose values title a record in the stacked layout; default the first. */
  stackTitle?: string[];
  /**
   * Columns (by heading) a narrow terminal gives up first, in this order, before any prose column:
   * what a reader needs least (a plan's wave, slack and critical mark) goes before its titles.
   */
  dropFirst?: string[];
}

/** Prose narrower than this (or than its own width) reads badly: `dropFirst` columns go first. */
const COMFORTABLE_PROSE = 30;

/** A cli-table3 table of these rows that fits `width` (see above). */
export function fittedTable(head: string[], rows: unknown[][], width: number | undefined, options: FitOptions = {}): string {
  const { stackTitle, dropFirst = [], ...tableOptions } = options;
  // Linear in rows and cells: no spread over the rows (a long chain's risk table has thousands).
  const natural = head.map((title, column) => {
    let widest = cellWidth(title);
    for (const row of rows) widest = Math.max(widest, cellWidth(row[column]));
    return widest + 2;
  });
  const render = (columns: number[], colWidths?: number[]) => {
    const shownHead = columns.map((c) => head[c]!);
    const shownRows = rows.map((row) => columns.map((c) => row[c] ?? ""));
    if (rows.length > ROWS_PER_BLOCK) return drawLinear(shownHead, shownRows, colWidths, tableOptions);
    const table = new Table({ ...tableOptions, head: shownHead, ...(colWidths ? { colWidths, wordWrap: true, wrapOnWordBoundary: true } : {}) });
    table.push(...(shownRows as Table.HorizontalTableRow[]));
    return table.toString();
  };
  const all = head.map((_, i) => i);
  if (width === undefined || natural.reduce((a, b) => a + b, 0) + head.length + 1 <= width) return render(all);
  if (width < STACKED_BELOW) return stacked(head, rows, width, stackTitle);

  const floors = head.map((title, column) => {
    let floor = Math.max(MIN_COLUMN, longestWord(title) + 2);
    for (const row of rows) floor = Math.max(floor, longestWord(row[column]) + 2);
    return Math.min(natural[column]!, floor);
  });
  const prose = all.filter((c) => rows.some((row) => /\S\s+\S/.test(visible(String(row[c] ?? "")))));
  const shown = [...all];
  for (;;) {
    const widths = narrow(
      shown.map((c) => natural[c]!),
      shown.map((c) => floors[c]!),
      width - (shown.length + 1),
    );
    // A column the caller ranks low goes before prose is squeezed below a comfortable width.
    const squeezed = widths && shown.some((c, i) => prose.includes(c) && !dropFirst.includes(head[c]!) && widths[i]! < Math.min(natural[c]!, COMFORTABLE_PROSE));
    const lowRanked = dropFirst.map((title) => head.indexOf(title)).find((c) => c > 0 && shown.includes(c));
    if (squeezed && lowRanked !== undefined) {
      shown.splice(shown.indexOf(lowRanked), 1);
      continue;
    }
    if (widths) {
      const dropped = all.filter((c) => !shown.includes(c)).map((c) => head[c]);
      return render(shown, widths) + (dropped.length ? `\n(not shown at this width: ${dropped.join(", ")}; a wider terminal or --format json shows them)` : "");
    }
    // Drop what the caller ranks lowest first; then the widest prose column, never the first (it names the record).
    const ranked = dropFirst.map((title) => head.indexOf(title)).find((c) => c > 0 && shown.includes(c));
    if (ranked !== undefined) {
      shown.splice(shown.indexOf(ranked), 1);
      continue;
    }
    const candidates = prose.filter((c) => c !== 0 && shown.includes(c));
    if (!candidates.length) return stacked(head, rows, width, stackTitle);
    const widest = candidates.reduce((a, b) => (natural[b]! > natural[a]! ? b : a));
    shown.splice(shown.indexOf(widest), 1);
  }
}

/** Words of `text` in lines of at most `width` visible characters (a longer word stays whole). */
function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split("\n")) {
    let line = "";
    for (const word of paragraph.split(/ +/).filter(Boolean)) {
      if (line && length(line) + 1 + length(word) > width) {
        lines.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    lines.push(line);
  }
  return lines;
}

/** One block per record: its title line, then "label: value" per non-empty column, wrapped. */
function stacked(head: string[], rows: unknown[][], width: number, stackTitle: string[] = [head[0]!]): string {
  const titleColumns = head.map((_, i) => i).filter((i) => stackTitle.includes(head[i]!));
  const rest = head.map((_, i) => i).filter((i) => !titleColumns.includes(i));
  const labelWidth = Math.max(...rest.map((i) => length(head[i]!))) + 1;
  const valueWidth = Math.max(20, width - 2 - labelWidth - 1);
  const blocks = rows.map((row) => {
    const lines = wrapWords(titleColumns.map((i) => String(row[i] ?? "")).join("  "), width);
    for (const i of rest) {
      const value = String(row[i] ?? "");
      if (!visible(value).trim()) continue;
      const [first, ...more] = wrapWords(value, valueWidth);
      lines.push(`  ${`${head[i]}:`.padEnd(labelWidth)} ${first}`, ...more.map((line) => `  ${" ".repeat(labelWidth)} ${line}`));
    }
    return lines.join("\n");
  });
  return blocks.join("\n\n");
}

/**
 * Lines of a terminal report longer than `width` wrapped at word boundaries, continuation lines
 * indented under the first; table lines (drawn with rules) and everything off a terminal stay as
 * they are.
 */
export function fitText(text: string, width: number | undefined): string {
  if (width === undefined) return text;
  return text
    .split("\n")
    .flatMap((line) => {
      if (length(line) <= width || /[┌└├│┐┘┤─]/.test(line)) return [line];
      const indent = /^ */.exec(line)![0];
      const [first, ...more] = wrapWords(line.slice(indent.length), Math.max(20, width - indent.length - 2));
      return [`${indent}${first}`, ...more.map((rest) => `${indent}  ${rest}`)];
    })
    .join("\n");
}
