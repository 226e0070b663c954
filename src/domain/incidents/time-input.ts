// Times typed on the command line: a timestamp with offset, a local date-time or a time of today
// in the project's zone, or nothing for now. The result is written with the zone's offset.
import { dateProblem, timestampProblem } from "../dates.js";
import type { Clock } from "../clock.js";
import { formatZoned } from "../zoned-timestamp.js";
import { zonedToEpoch } from "../zone.js";

/** A timestamp for a file, or an error message. `true` (flag without value) means now. */
export function resolveTimeInput(value: string | true, clock: Clock, flag: string): string | { error: string } {
  if (value === true) return formatZoned(Math.floor(clock.now / 1000) * 1000, clock.timezone);
  const text = value.trim();
  if (!timestampProblem(text)) return text;
  const local = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(text) ?? /^()(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(text);
  if (local) {
    const date = local[1] || clock.today;
    const [h, m, s] = [Number(local[2]), Number(local[3]), Number(local[4] ?? 0)];
    if (!dateProblem(date) && h < 24 && m < 60 && s < 60) return formatZoned(zonedToEpoch(date, h * 60 + m, clock.timezone) + s * 1000, clock.timezone);
  }
  return { error: `${flag}: "${value}" is not a time: write 2026-11-20T10:05:00+03:00, "2026-11-20 10:05" or 10:05 (in ${clock.timezone})` };
}
