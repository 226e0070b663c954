// What is promised: "double it for yourself, triple it for the client", on the work still ahead;
// and the baseline a first --write stores.
import type { Baseline } from "../../model/files.js";
import { dateInZone } from "../zone.js";
import { formatZoned } from "../zoned-timestamp.js";
import type { ChangeSchedule, Promised } from "./schedule-types.js";
import type { WorkClock } from "../work-clock.js";
import { formatWork } from "./work-text.js";

export function promise(clock: WorkClock, zone: string, start: number | null, finish: number | null, now: number, factors: { internal: number; client: number }): Promised {
  if (start === null || finish === null) {
    const today = dateInZone(now, zone);
    return { internalFactor: factors.internal, clientFactor: factors.client, internalDays: 0, clientDays: 0, internalWork: "0h", clientWork: "0h", internalDate: today, clientDate: today };
  }
  const basis = clock.next(Math.max(start, now));
  const span = Math.max(0, clock.between(basis, finish));
  const days = (factor: number) => Math.ceil(Math.round((span / clock.dayMs) * factor * 1000) / 1000);
  const date = (factor: number) => {
    if (span === 0) return dateInZone(Math.max(finish, basis) - 1, zone);
    return dateInZone(clock.add(basis, span * factor) - 1, zone);
  };
  return {
    internalFactor: factors.internal,
    clientFactor: factors.client,
    internalDays: days(factors.internal),
    clientDays: days(factors.client),
    internalWork: formatWork(span * factors.internal, clock.dayMs),
    clientWork: formatWork(span * factors.client, clock.dayMs),
    internalDate: date(factors.internal),
    clientDate: date(factors.client),
  };
}

/** The baseline a first `--write` stores: today's forecast dates and the dates promised from them. */
export function baselineOf(schedule: ChangeSchedule, now: number, timezone: string): Baseline | undefined {
  if (schedule.start === null || schedule.finish === null) return undefined;
  const tasks: NonNullable<Baseline["tasks"]> = {};
  for (const task of schedule.tasks) if (task.start !== null && task.finish !== null) tasks[task.id] = { start: formatZoned(task.start, task.zone), finish: formatZoned(task.finish, task.zone) };
  return {
    recorded_at: formatZoned(now, timezone),
    start: formatZoned(schedule.start, timezone),
    finish: formatZoned(schedule.finish, timezone),
    internal: schedule.forecastPromise.internalDate,
    client: schedule.forecastPromise.clientDate,
    tasks,
  };
}
