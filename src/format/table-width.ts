// Tables that fit the terminal, for every table tam prints. Off a terminal (pipes, files, CI logs;
// FormatOptions.width unknown) tables keep their natural width, one line per row: a log has no
// width, and one line per row keeps the output greppable and diffable. On a terminal too narrow
// for the natural table:
// - no word is ever cut: a column is never narrower than its longest word (ids, dates, times and
//   numbers are single words), so only prose wraps, at word boundaries;
// - when even that does not fit, prose columns are dropped, widest first (a note says which);
// - below STACKED_BELOW columns, or when nothing else fits, the table becomes a list of blocks,
//   one record per block with a "label: value" line per column, as `gh` and `kubectl describe` do.
import { displayWidth, drawTable, naturalWidths, type TableLook } from "./table.js";

/** A column is never narrowed below this (padding included), unless its content is narrower. */
const MIN_COLUMN = 8;
/** Terminals narrower than this get the stacked layout when the table does not fit naturally. */
export const STACKED_BELOW = 90;
const ANSI = /\u001b\[[0-9;]*m/g;

const visible = (text: string) => text.replace(ANSI, "");
const length = displayWidth;

/** The longest word of a cell, without colour codes. */
function longestWord(cell: unknown): number {
  let longest = 0;
  for (const word of visible(String(cell ?? "")).split(/\s+/)) longest = Math.max(longest, displayWidth(word));
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

export interface FitOptions extends TableLook {
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

/** A table of these rows that fits `width` (see above), drawn by table.ts. */
export function fittedTable(head: string[], rows: unknown[][], width: number | undefined, options: FitOptions = {}): string {
  const { stackTitle, dropFirst = [], ...look } = options;
  // Linear in rows and cells: no spread over the rows (a long chain's risk table has thousands).
  const natural = naturalWidths(head, rows);
  const render = (columns: number[], colWidths: number[]) => {
    const shownHead = columns.map((c) => head[c]!);
    const shownRows = rows.map((row) => columns.map((c) => row[c]));
    return drawTable(shownHead, shownRows, { ...look, widths: colWidths, wrap: true });
  };
  const all = head.map((_, i) => i);
  if (width === undefined || natural.reduce((a, b) => a + b, 0) + head.length + 1 <= width) return drawTable(head, rows, { ...look, widths: natural });
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
