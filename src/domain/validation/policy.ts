// The rules of the trade that validate enforces, and settings that must make sense.
import type { Issue } from "../../model/issues.js";
import { OPEN_CHANGE_STATUSES } from "../../model/files.js";
import type { Calendar, Manifest } from "../../model/files.js";
import { isValidTimeZone, zoneOrUtc } from "../zone.js";
import { durationMinutes, parseDuration } from "../duration.js";
import { ALWAYS_CALENDAR, durationMs, makeWorkClock } from "../work-clock.js";
import { issueAt, list, record, type ProjectView } from "./view.js";

export function checkPolicy(view: ProjectView): Issue[] {
  const issues: Issue[] = [];
  const manifest = view.manifest;
  if (manifest) {
    if (typeof manifest.timezone === "string" && !isValidTimeZone(manifest.timezone)) {
      issues.push(issueAt(view, "error", "unknown-timezone", `"${manifest.timezone}" is not an IANA time zone (e.g. Europe/Moscow, America/New_York)`, manifest, "timezone"));
    }
    for (const [name, calendar] of Object.entries(record(manifest.calendars))) {
      if (typeof calendar?.timezone === "string" && !isValidTimeZone(calendar.timezone)) {
        issues.push(issueAt(view, "error", "unknown-timezone", `"${calendar.timezone}" is not an IANA time zone`, manifest, "calendars", name, "timezone"));
      }
      for (const [day, ranges] of Object.entries(record(calendar?.hours))) {
        list(ranges).forEach((range, i) => {
          const [from, to] = String(range).split("-");
          if (from !== undefined && to !== undefined && from >= to)
            issues.push(issueAt(view, "error", "invalid-hours", `working hours "${range}" end before they start`, manifest, "calendars", name, "hours", day, i));
        });
      }
    }
    issues.push(...slaWorkingDays(view, manifest));
  }
  for (const change of view.changes) {
    const open = OPEN_CHANGE_STATUSES.includes(change.status);
    if (open && (change.type === "normal" || change.type === "emergency") && !(typeof change.rollback === "string" && change.rollback.trim())) {
      issues.push(
        issueAt(view, "warning", "missing-rollback", `${change.type} change ${change.id} has no rollback plan: never work without insurance, write how to undo it before it starts`, change, "type"),
      );
    }
    const file = view.fileOf?.(change);
    if (file && typeof change.id === "string" && !file.endsWith(`/${change.id}.yaml`) && !file.endsWith(`/${change.id}.yml`)) {
      issues.push(issueAt(view, "warning", "file-name", `change ${change.id} is in ${file}; name the file ${change.id}.yaml so tools and people find it`, change, "id"));
    }
  }
  return issues;
}

/** Working time as a duration in hours and minutes ("27h", "22h30m"). */
function hoursText(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  return `${Math.floor(minutes / 60)}h${minutes % 60 ? `${minutes % 60}m` : ""}`;
}

/**
 * `d` and `w` in an SLA target are the calendar's working day and week (as in estimates); they
 * used to be 24 and 168 hours of working time. Say so where that changes a target's length.
 */
function slaWorkingDays(view: ProjectView, manifest: Manifest): Issue[] {
  const issues: Issue[] = [];
  const calendars = record(manifest.calendars);
  for (const [priority, target] of Object.entries(record(manifest.sla))) {
    const name = target?.calendar;
    const calendar = typeof name === "string" && name !== ALWAYS_CALENDAR ? (calendars[name] as Calendar | undefined) : undefined;
    // Only hours the schema accepts (lists per weekday); a zone that does not exist is its own finding.
    if (!calendar?.hours || !Object.values(record(calendar.hours)).every(Array.isArray)) continue;
    if (typeof calendar.timezone === "string" && !isValidTimeZone(calendar.timezone)) continue;
    const clock = makeWorkClock({ name: String(name), calendar, zone: zoneOrUtc(manifest.timezone) });
    for (const field of ["response", "resolution"] as const) {
      const text = target?.[field];
      const parts = typeof text === "string" ? parseDuration(text) : null;
      if (!parts || (!parts.days && !parts.weeks)) continue;
      const now = durationMs(text!, clock)!;
      const before = durationMinutes(text!)! * 60_000;
      if (now === before) continue;
      const units = parts.weeks && parts.days ? "weeks and days" : parts.weeks ? "weeks" : "days";
      const was = parts.weeks && parts.days ? "a week and a day" : parts.weeks ? "a week" : "a day";
      const wasHours = parts.weeks && parts.days ? "168 and 24" : parts.weeks ? "168" : "24";
      issues.push(
        issueAt(
          view,
          "info",
          "sla-working-days",
          `${priority} ${field} "${text}" counts working ${units} of calendar "${name}": ${hoursText(now)} of working time (a working day there is ${hoursText(clock.dayMs)}, a week ${hoursText(clock.weekMs)}); before, ${was} of a target ${parts.weeks && parts.days ? "were" : "was"} ${wasHours} working hours (${hoursText(before)}); write ${hoursText(before)} to keep that`,
          manifest,
          "sla",
          priority,
          field,
        ),
      );
    }
  }
  return issues;
}
