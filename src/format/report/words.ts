// The report's small language helpers: dates and periods as a person writes them, markdown with
// code spans kept as code, lists in prose. Counts go through util/plural.
import { markdownEscape } from "../text.js";

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** "October 2026" for a calendar month, "2026-08-01 to 2026-10-31" for a span of dates. */
export function periodName(period: { label: string; fromDate: string; toDate: string }): string {
  const month = /^(\d{4})-(\d{2})$/.exec(period.label);
  return month ? `${MONTHS[Number(month[2]) - 1]} ${month[1]}` : dateSpan(period.fromDate, period.toDate);
}

/** "Aug" (or "Aug 2026" when the months cross a year) for an axis label. */
export function monthShort(month: string, withYear: boolean): string {
  const [year, mm] = month.split("-");
  const name = MONTHS[Number(mm) - 1]!.slice(0, 3);
  return withYear ? `${name} ${year}` : name;
}

/** One date when both ends are the same day, a range otherwise. */
export function dateSpan(from: string, to: string): string {
  return from === to ? from : `${from} to ${to}`;
}

/** "a", "a and b", "a, b and c". */
export function andList(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** Sentence case for a generated phrase. */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Markdown for text in which `backticks` mark code (our own messages naming fields and commands):
 * the code stays a code span, everything else is escaped as user text. In a table cell a "|" in code
 * is written "\|", which GitHub and GitLab render as "|" inside the span.
 */
export function markdownWithCode(text: string): string {
  return text
    .split(/(`[^`]+`)/)
    .map((part) => (/^`[^`]+`$/.test(part) ? `\`${part.slice(1, -1).replace(/\|/g, "\\|").replace(/\r?\n/g, " ")}\`` : markdownEscape(part)))
    .join("");
}
