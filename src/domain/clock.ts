// "Now", injected: every command resolves it once, from --as-of or the system clock.
import { addDays, dateProblem, parseTimestamp, timestampProblem } from "./dates.js";
import { dateInZone, zonedToEpoch } from "./zone.js";

export interface Clock {
  /** The instant, epoch milliseconds. */
  now: number;
  /** Today's date in the project's time zone. */
  today: string;
  timezone: string;
}

/**
 * `--as-of 2026-11-20` means the end of that day (23:59:59) in the project's zone;
 * a timestamp with an offset means that instant. Returns an error message for bad input.
 */
export function resolveClock(asOf: string | undefined, timezone: string, systemNow: number): Clock | string {
  if (asOf === undefined) return { now: systemNow, today: dateInZone(systemNow, timezone), timezone };
  if (/^\d{4}-\d{2}-\d{2}$/.test(asOf)) {
    const problem = dateProblem(asOf);
    if (problem) return `--as-of: ${problem}`;
    return { now: zonedToEpoch(addDays(asOf, 1), 0, timezone) - 1000, today: asOf, timezone };
  }
  const problem = timestampProblem(asOf);
  if (problem) return `--as-of: ${problem.message}`;
  const now = parseTimestamp(asOf);
  return { now, today: dateInZone(now, timezone), timezone };
}
