// The reporting period: a calendar month or a span of dates in the project's zone,
// and the previous period of the same length for the trend.
import { addDays, dateProblem, dayNumber, daysInMonth, MAX_YEAR, MIN_YEAR } from "../dates.js";
import { zonedToEpoch } from "../zone.js";

export interface Span {
  label: string;
  /** First and last date, inclusive. */
  fromDate: string;
  toDate: string;
  /** [start, end) instants in the project's zone. */
  start: number;
  end: number;
}

export interface Period extends Span {
  previous: Span;
}

export interface PeriodRequest {
  period?: string;
  from?: string;
  to?: string;
}

export function monthSpan(year: number, month: number, zone: string): Span {
  const mm = String(month).padStart(2, "0");
  const fromDate = `${year}-${mm}-01`;
  const toDate = `${year}-${mm}-${String(daysInMonth(year, month)).padStart(2, "0")}`;
  return dateSpan(fromDate, toDate, zone, `${year}-${mm}`);
}

function dateSpan(fromDate: string, toDate: string, zone: string, label = `${fromDate}..${toDate}`): Span {
  return { label, fromDate, toDate, start: zonedToEpoch(fromDate, 0, zone), end: zonedToEpoch(addDays(toDate, 1), 0, zone) };
}

export function previousMonth(year: number, month: number): [number, number] {
  return month === 1 ? [year - 1, 12] : [year, month - 1];
}

/**
 * --period YYYY-MM: that month, compared with the month before.
 * --from/--to: those dates (inclusive; either defaults to the other end of today), compared with as many days before.
 * Neither: the last full month before `today`. Returns an error message for bad input.
 */
export function resolvePeriod(request: PeriodRequest, today: string, zone: string): Period | string {
  if (request.period !== undefined && (request.from !== undefined || request.to !== undefined)) return "give either --period or --from/--to, not both";
  if (request.period !== undefined) {
    const match = /^(\d{4})-(\d{2})$/.exec(request.period);
    if (!match || Number(match[2]) < 1 || Number(match[2]) > 12) return `--period: "${request.period}" is not a month of the form YYYY-MM`;
    const [year, month] = [Number(match[1]), Number(match[2])];
    // The month and the one before it must lie in the supported range of dates.
    if (year < MIN_YEAR || year > MAX_YEAR || (year === MIN_YEAR && month === 1)) return `--period: "${request.period}" is outside the supported range of months, ${MIN_YEAR}-02 to ${MAX_YEAR}-12`;
    return { ...monthSpan(year, month, zone), previous: monthSpan(...previousMonth(year, month), zone) };
  }
  if (request.from !== undefined || request.to !== undefined) {
    const fromDate = request.from ?? today;
    const toDate = request.to ?? today;
    for (const [flag, value] of [
      ["--from", fromDate],
      ["--to", toDate],
    ] as const) {
      const problem = dateProblem(value);
      if (problem) return `${flag}: ${problem}`;
    }
    if (toDate < fromDate) return `--to ${toDate} is before --from ${fromDate}`;
    const days = dayNumber(toDate) - dayNumber(fromDate) + 1;
    return { ...dateSpan(fromDate, toDate, zone), previous: dateSpan(addDays(fromDate, -days), addDays(fromDate, -1), zone) };
  }
  const [year, month] = today.split("-").map(Number) as [number, number];
  const last = previousMonth(year, month);
  return { ...monthSpan(...last, zone), previous: monthSpan(...previousMonth(...last), zone) };
}
