// Dates and timestamps: real calendar dates, an offset on every timestamp,
// and incidents whose times come in the order they happened.
import type { Issue } from "../../model/issues.js";
import { dateProblem, parseTimestamp, timestampProblem } from "../dates.js";
import { issueAt, items, list, record, type PathSegment, type ProjectView } from "./view.js";

export function checkTimes(view: ProjectView): Issue[] {
  const issues: Issue[] = [];
  const date = (value: unknown, entity: object, ...path: PathSegment[]) => {
    if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return; // shape errors come from the schema
    const problem = dateProblem(value);
    if (problem) issues.push(issueAt(view, "error", "invalid-date", problem, entity, ...path));
  };
  const stamp = (value: unknown, entity: object, ...path: PathSegment[]) => {
    if (typeof value !== "string") return;
    const problem = timestampProblem(value);
    if (problem) issues.push(issueAt(view, "error", problem.code, problem.message, entity, ...path));
  };
  const order = (earlier: unknown, later: unknown, message: string, entity: object, ...path: PathSegment[]) => {
    if (typeof earlier !== "string" || typeof later !== "string") return;
    const a = parseTimestamp(earlier);
    const b = parseTimestamp(later);
    if (Number.isFinite(a) && Number.isFinite(b) && b < a) issues.push(issueAt(view, "error", "time-order", message, entity, ...path));
  };

  const manifest = view.manifest;
  if (manifest) {
    for (const [name, calendar] of Object.entries(record(manifest.calendars))) {
      list(calendar?.holidays).forEach((h, i) => date(typeof h === "string" ? h : h?.date, manifest, "calendars", name, "holidays", i, ...(typeof h === "string" ? [] : ["date"])));
    }
    items(manifest.blackouts).forEach((b, i) => {
      stamp(b?.from, manifest, "blackouts", i, "from");
      stamp(b?.to, manifest, "blackouts", i, "to");
      order(b?.from, b?.to, "blackout window ends before it starts", manifest, "blackouts", i, "to");
    });
  }
  for (const change of view.changes) {
    date(change.requested_at, change, "requested_at");
    date(change.due, change, "due");
    stamp(change.window?.start, change, "window", "start");
    stamp(change.window?.end, change, "window", "end");
    order(change.window?.start, change.window?.end, "the planned window ends before it starts", change, "window", "end");
    items(change.tasks).forEach((task, i) => items(task.history).forEach((event, j) => stamp(event?.at, change, "tasks", i, "history", j, "at")));
  }
  for (const incident of view.incidents) {
    for (const field of ["opened", "responded", "resolved", "closed"] as const) stamp(incident[field], incident, field);
    order(incident.opened, incident.responded, `first response (${incident.responded}) is before the incident was opened (${incident.opened})`, incident, "responded");
    order(incident.opened, incident.resolved, `resolution (${incident.resolved}) is before the incident was opened (${incident.opened})`, incident, "resolved");
    order(incident.responded, incident.resolved, `resolution (${incident.resolved}) is before the first response (${incident.responded})`, incident, "resolved");
    order(incident.resolved, incident.closed, `closing (${incident.closed}) is before the resolution (${incident.resolved})`, incident, "closed");
    const end = incident.resolved ?? incident.closed;
    items(incident.pauses).forEach((pause, i) => {
      stamp(pause?.from, incident, "pauses", i, "from");
      stamp(pause?.to, incident, "pauses", i, "to");
      order(pause?.from, pause?.to, "the pause ends before it starts", incident, "pauses", i, "to");
      order(incident.opened, pause?.from, `the pause starts before the incident was opened (${incident.opened})`, incident, "pauses", i, "from");
      if (end) order(pause?.to ?? pause?.from, end, `the pause runs past the resolution (${end})`, incident, "pauses", i, pause?.to ? "to" : "from");
    });
    const need = { responded: ["responded"], resolved: ["resolved"], closed: ["resolved", "closed"], open: [] } as Record<string, string[]>;
    // Own keys only: a status such as "constructor" must not find Object.prototype's members (fuzz run, seed 891).
    for (const field of Object.hasOwn(need, incident.status) ? need[incident.status]! : []) {
      if (!(incident as unknown as Record<string, unknown>)[field]) {
        issues.push(issueAt(view, "error", "missing-time", `incident is "${incident.status}" but has no "${field}" time`, incident, "status"));
      }
    }
    for (const field of ["resolved", "closed"] as const) {
      if (incident.status === "open" && incident[field]) issues.push(issueAt(view, "warning", "status-mismatch", `incident has a "${field}" time but its status is still "open"`, incident, "status"));
    }
  }
  for (const doc of view.docs) date(doc.last_review?.date, doc, "last_review", "date");
  return issues;
}
