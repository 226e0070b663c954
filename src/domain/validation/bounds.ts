// Values that are well-formed but outside what tam can compute with: durations longer than ten
// years, and calendars with no working time at all (SLA clocks and plans on them never advance).
import type { Issue } from "../../model/issues.js";
import { WEEKDAYS } from "../../model/files.js";
import { durationProblem } from "../duration.js";
import { issueAt, items, record, type PathSegment, type ProjectView } from "./view.js";

/** Minutes of "HH:MM", NaN when it is not a time. */
function minutesOf(text: string): number {
  const match = /^\s*(\d{1,2}):(\d{2})\s*$/.exec(text);
  return match ? Number(match[1]) * 60 + Number(match[2]) : Number.NaN;
}

/** Does a weekly-hours mapping hold at least one range that ends after it starts? */
function hasWorkingTime(hours: unknown): boolean {
  return WEEKDAYS.some((day) => {
    const ranges = record(hours as Record<string, unknown>)[day];
    return (
      Array.isArray(ranges) &&
      ranges.some((range) => {
        const [from, to] = String(range).split("-");
        return from !== undefined && to !== undefined && minutesOf(to) > minutesOf(from);
      })
    );
  });
}

export function checkBounds(view: ProjectView): Issue[] {
  const issues: Issue[] = [];
  const duration = (value: unknown, entity: object, ...path: PathSegment[]) => {
    const problem = durationProblem(value);
    if (problem) issues.push(issueAt(view, "error", "duration-out-of-range", problem, entity, ...path));
  };
  const manifest = view.manifest;
  if (manifest) {
    for (const [priority, target] of Object.entries(record(manifest.sla))) {
      duration(target?.response, manifest, "sla", priority, "response");
      duration(target?.resolution, manifest, "sla", priority, "resolution");
    }
    duration(manifest.docs?.review_interval, manifest, "docs", "review_interval");
    duration(manifest.docs?.warn_within, manifest, "docs", "warn_within");
    for (const [kind, rule] of Object.entries(record(manifest.followups))) duration(rule?.estimate, manifest, "followups", kind, "estimate");
    for (const [name, calendar] of Object.entries(record(manifest.calendars))) {
      // A calendar without `hours` is 24x7; one with hours must work at some time of some weekday.
      if (calendar && typeof calendar === "object" && calendar.hours !== undefined && !hasWorkingTime(calendar.hours)) {
        issues.push(
          issueAt(
            view,
            "error",
            "no-working-time",
            `calendar "${name}" has no working time on any day: SLA clocks and plans on it would never advance; give it working hours, or leave out \`hours\` for 24x7`,
            manifest,
            "calendars",
            name,
            "hours",
          ),
        );
      }
    }
  }
  for (const department of view.departments) duration(department.lead_time, department, "lead_time");
  for (const change of view.changes) {
    items(change.scope).forEach((item, i) => duration(item.estimate, change, "scope", i, "estimate"));
    items(change.tasks).forEach((task, i) => duration(task.estimate, change, "tasks", i, "estimate"));
  }
  for (const doc of view.docs) duration(doc.review_interval, doc, "review_interval");
  return issues;
}
