// The rules of the trade that validate enforces, and settings that must make sense.
import type { Issue } from "../../model/issues.js";
import { OPEN_CHANGE_STATUSES } from "../../model/files.js";
import { isValidTimeZone } from "../dates.js";
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
