// The date format of a whole export, checked before any row is imported (issue 33). Every date cell is
// read with the chosen format; when some fail and another format reads every cell (day and month swapped,
// ISO, a common service-desk form), the file uses that format: the import stops and names it, whatever
// --skip-invalid says (skipping would import exactly the rows whose day and month can be swapped).
// When every cell reads but none has a day above 12, the order is only assumed: the summary says so.
import { dateOrder, readWallTime, swappedPattern, tokenize } from "./date-pattern.js";

export interface DateCell {
  line: number;
  field: string;
  text: string;
}

/** Calls `visit` for every date cell of the export (streamed: a large log is not copied into cells). */
export type EachDateCell = (visit: (line: number, field: string, text: string) => void) => void;

export interface DateCheck {
  /** The file's format is not the chosen one: nothing may be imported. */
  mismatch?: string;
  /** Every date read, but the day/month order is an assumption. */
  assumed?: string;
}

const ISO = "ISO 8601";
const TIMES = ["HH:mm:ss", "HH:mm", "H:mm:ss", "H:mm", "hh:mm:ss A", "h:mm:ss A", "h:mm A"];
const COMMON: string[] = [
  ...["-", "/", "."].flatMap((s) =>
    [`YYYY${s}MM${s}DD`, `DD${s}MM${s}YYYY`, `MM${s}DD${s}YYYY`, `D${s}M${s}YYYY`, `M${s}D${s}YYYY`, `DD${s}MM${s}YY`, `MM${s}DD${s}YY`, `M${s}D${s}YY`].flatMap((date) =>
      TIMES.map((time) => `${date} ${time}`),
    ),
  ),
  "DD/MMM/YY h:mm A",
  "DD/MMM/YYYY h:mm A",
  "DD-MMM-YYYY HH:mm:ss",
  "DD-MMM-YYYY HH:mm",
  "DD MMM YYYY HH:mm",
  "YYYY-MM-DDTHH:mm:ss",
];

const reads = (pattern: string | undefined, text: string) => readWallTime(text, pattern) !== null;
const shown = (pattern: string | undefined) =>
  pattern === undefined
    ? ISO
    : `"${tokenize(pattern)
        .map((p) => p.text)
        .join("")}"`;
const flag = (pattern: string | undefined) =>
  pattern === undefined
    ? "--date-format iso"
    : `--date-format "${tokenize(pattern)
        .map((p) => p.text)
        .join("")}"`;

function describe(pattern: string | undefined): string {
  if (pattern === undefined) return "ISO 8601 (year first)";
  const order = dateOrder(pattern);
  if (order) return `${order} (${shown(pattern)})`;
  if (tokenize(pattern).some((p) => p.token && (p.text === "MMM" || p.text === "MMMM"))) return `written with month names (${shown(pattern)})`;
  return `year first (${shown(pattern)})`;
}

const rows = (cells: DateCell[]) => new Set(cells.map((c) => c.line)).size;
const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? "" : "s"}`;

/** Checks the export's date cells against `pattern` (undefined: ISO 8601). */
export function checkDates(each: EachDateCell, pattern: string | undefined): DateCheck {
  const swapped = pattern === undefined ? null : swappedPattern(pattern);
  const failing: DateCell[] = [];
  let total = 0;
  let swapProven = swapped === null;
  each((line, field, text) => {
    total++;
    if (!reads(pattern, text)) failing.push({ line, field, text });
    else if (!swapProven && !reads(swapped!, text)) swapProven = true;
  });
  if (total === 0) return {};
  if (failing.length === 0) {
    if (swapped === null || swapProven) return {};
    return {
      assumed: `no date has a day above 12: read ${dateOrder(pattern)} (${shown(pattern).slice(1, -1)}) as the date format says; if the export writes the ${dateOrder(swapped)!.split(" ")[0]} first, import it again with ${flag(swapped)}`,
    };
  }
  const own = tokenize(pattern ?? "")
    .map((p) => p.text)
    .join("");
  const candidates: (string | undefined)[] = [];
  const seen = new Set<string>([pattern === undefined ? ISO : own]);
  for (const c of [swapped ?? null, ...COMMON, undefined]) {
    if (c === null) continue;
    const key = c === undefined ? ISO : c;
    if (seen.has(key)) continue;
    seen.add(key);
    candidates.push(c);
  }
  const good = total - failing.length;
  const sample = failing.slice(0, 50);
  let best: { pattern: string | undefined; read: number } | undefined;
  for (const candidate of candidates) {
    // Cheap first: a sample of the cells the chosen format fails; then every cell.
    if (!sample.some((c) => reads(candidate, c.text))) continue;
    let read = 0;
    each((_line, _field, text) => {
      if (reads(candidate, text)) read++;
    });
    if (!best || read > best.read) best = { pattern: candidate, read };
    if (read === total) break;
  }
  if (!best || best.read <= good) return {};
  const example = failing[0]!;
  const proof =
    best.pattern !== undefined && best.pattern === swapped
      ? `${plural(rows(failing), "row")} have a day above 12 where ${shown(pattern)} expects the month (e.g. line ${example.line}: ${example.field} "${example.text}")`
      : `${plural(rows(failing), "row")} cannot be read as ${shown(pattern)} and read as ${shown(best.pattern)} (e.g. line ${example.line}: ${example.field} "${example.text}")`;
  const rest = total - best.read;
  const unread = rest ? `; ${plural(rest, "date")} read in neither format: fix ${rest === 1 ? "it" : "them"} after` : "";
  return {
    mismatch: `the dates are ${describe(best.pattern)}, not ${shown(pattern)}: ${proof}${unread}; give ${flag(best.pattern)} (or date_format: in a copy of the mapping): the format is wrong for the whole file, not for some rows`,
  };
}
