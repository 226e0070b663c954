// Estimates and working time as people write them: "2d", "4h", "1w", "1d 4h".
import type { Department } from "../../model/files.js";
import { parseDuration } from "../duration.js";
import { durationMs, type WorkClock } from "../work-clock.js";

/** The estimate in force: the task's own, else the department's lead_time, else one day. */
export function effectiveEstimate(estimate: string | undefined, department: Department | undefined): string {
  for (const candidate of [estimate, department?.lead_time]) if (candidate && parseDuration(candidate)) return candidate;
  return "1d";
}

/** Working milliseconds of an estimate on a clock: a day is that calendar's working day, a week its working week. */
export function workOf(estimate: string, clock: Pick<WorkClock, "dayMs" | "weekMs">): number {
  return durationMs(estimate, clock) ?? clock.dayMs;
}

/** Working time as days of the given length, hours and minutes: "1d 4h", "30m", "0h". */
export function formatWork(ms: number, dayMs: number): string {
  const sign = ms < 0 ? "-" : "";
  let rest = Math.round(Math.abs(ms) / 60_000);
  const dayMinutes = Math.max(1, Math.round(dayMs / 60_000));
  const days = Math.floor(rest / dayMinutes);
  rest -= days * dayMinutes;
  const hours = Math.floor(rest / 60);
  const minutes = rest - hours * 60;
  const parts: string[] = [];
  if (days) parts.push(`${days}d`);
  if (hours) parts.push(`${hours}h`);
  if (minutes) parts.push(`${minutes}m`);
  return parts.length ? sign + parts.join(" ") : "0h";
}

/** Working days, one decimal. */
export function workDays(ms: number, dayMs: number): number {
  return Math.round((ms / dayMs) * 10) / 10;
}
