// "Now", injected: every command resolves it once, from --as-of or the system clock.
import { addDays, dateProblem, parseTimestamp, timestampProblem } from "./dates.js";
import { dateInZone, zonedToEpoch } from "./zone.js";

export interface Clock {
  /** The instant, epoch milliseconds. */
  now: number;
  /** Today's date in the project's time zone. */
  today: string;
  timezone: string;
  /**
   * Set when --as-of was a date: the start of that day in the project's zone. A read takes the
   * end of the day (`now`); a write stamps the earliest time that day that keeps the history in
   * time order (tracking/history-time.ts).
   */
  dayStart?: number;
}

/**
 * `--as-of 2026-11-20` means the end of that day (23:59:59) in the project's zone (for a read;
 * a write places its entry in that day's history, see `dayStart`);
 * a timestamp with an offset means that instant. Returns an error message for bad input.
 */
export function resolveClock(asOf: string | undefined, timezone: string, systemNow: number): Clock | string {
  if (asOf === undefined) return { now: systemNow, today: dateInZone(systemNow, timezone), timezone };
  if (/^\d{4}-\d{2}-\d{2}$/.test(asOf)) {
    const problem = dateProblem(asOf);
    if (problem) return `--as-of: ${problem}`;
    return { now: zonedToEpoch(addDays(asOf, 1), 0, timezone) - 1000, today: asOf, timezone, dayStart: zonedToEpoch(asOf, 0, timezone) };
  }
  const problem = timestampProblem(asOf);
  if (problem) return `--as-of: ${problem.message}`;
  const now = parseTimestamp(asOf);
  return { now, today: dateInZone(now, timezone), timezone };
}
