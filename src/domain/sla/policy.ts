// The SLA policy of a project: per priority the targets in milliseconds and the calendar they count on.
import type { Manifest, Priority } from "../../model/files.js";
import { PRIORITIES } from "../../model/files.js";
import { ALWAYS_CALENDAR, durationMs, makeWorkClock, type WorkClock } from "../work-clock.js";
import { isValidTimeZone } from "../zone.js";

export interface SlaTargetRule {
  priority: Priority;
  responseMs: number;
  resolutionMs: number;
  calendarName: string;
  /** The working time the targets count on: the calendar's hours in its zone (its own, else the project's). */
  clock: WorkClock;
  goal: number;
}

export type SlaPolicy = Partial<Record<Priority, SlaTargetRule>>;

/**
 * Reads `sla` and `calendars` of a valid manifest. The calendar named "24x7", or one without hours,
 * runs around the clock. A target is working time on its calendar: `1d` is the calendar's working
 * day and `1w` its working week, as in estimates (24 hours and 7 days on 24x7).
 */
export function slaPolicy(manifest: Manifest): SlaPolicy {
  const policy: SlaPolicy = {};
  for (const priority of PRIORITIES) {
    const target = manifest.sla?.[priority];
    if (!target) continue;
    const named = target.calendar === ALWAYS_CALENDAR ? undefined : manifest.calendars?.[target.calendar];
    const zone = named?.timezone ?? manifest.timezone;
    // Zones are asked lazily, as incidents are measured: an unknown one is refused here, where the policy is read.
    if (!isValidTimeZone(zone)) throw new RangeError(`unknown time zone "${zone}" for the ${priority} target`);
    const clock = makeWorkClock({ name: target.calendar, calendar: named?.hours ? named : undefined, zone });
    policy[priority] = {
      priority,
      responseMs: durationMs(target.response, clock) ?? 0,
      resolutionMs: durationMs(target.resolution, clock) ?? 0,
      calendarName: target.calendar,
      clock,
      goal: target.goal,
    };
  }
  return policy;
}
