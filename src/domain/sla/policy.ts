// The SLA policy of a project: per priority the targets in milliseconds and the calendar they count on.
import type { Calendar, Manifest, Priority } from "../../model/files.js";
import { PRIORITIES } from "../../model/files.js";
import { ALWAYS_CALENDAR } from "../calendar-days.js";
import { durationMinutes } from "../duration.js";

export interface SlaTargetRule {
  priority: Priority;
  responseMs: number;
  resolutionMs: number;
  calendarName: string;
  /** Undefined for a 24x7 calendar. */
  calendar: Calendar | undefined;
  /** Zone of the calendar: its own, else the project's. */
  zone: string;
  goal: number;
}

export type SlaPolicy = Partial<Record<Priority, SlaTargetRule>>;

/** Reads `sla` and `calendars` of a valid manifest. The calendar named "24x7", or one without hours, runs around the clock. */
export function slaPolicy(manifest: Manifest): SlaPolicy {
  const policy: SlaPolicy = {};
  for (const priority of PRIORITIES) {
    const target = manifest.sla?.[priority];
    if (!target) continue;
    const named = target.calendar === ALWAYS_CALENDAR ? undefined : manifest.calendars?.[target.calendar];
    const calendar = named?.hours ? named : undefined;
    policy[priority] = {
      priority,
      responseMs: (durationMinutes(target.response) ?? 0) * 60_000,
      resolutionMs: (durationMinutes(target.resolution) ?? 0) * 60_000,
      calendarName: target.calendar,
      calendar,
      zone: named?.timezone ?? manifest.timezone,
      goal: target.goal,
    };
  }
  return policy;
}
