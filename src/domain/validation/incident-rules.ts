// The rules about incidents: unique ids, references, times. Kept apart from the other rules so
// that a command can check an incident log file by file while it streams it (sla report) and
// hold no more than one file at a time; `validateProject` runs them on every incident at once.
import type { Incident } from "../../model/files.js";
import type { Issue, Location } from "../../model/issues.js";
import { referenceChecks } from "./references.js";
import { isDate, parseTimestamp } from "../dates.js";
import { dateInZone } from "../zone.js";
import { historyOrder, timeChecks } from "./times.js";
import { issueAt, items, type ProjectView } from "./view.js";

/** Where an incident id was first seen: the file and the incident's position among the file's incidents. */
export interface FirstSeen {
  file: string | undefined;
  index: number;
}

/** The ids seen so far, the file of the incidents being checked, and how to locate the "id" of a first occurrence (in this file or an earlier one). */
export interface IncidentIds {
  first: Map<string, FirstSeen>;
  /** The file the incidents being checked come from (for a first occurrence). */
  file: string | undefined;
  locate(first: FirstSeen): Location;
}

/** Findings about `incidents` (all of the project's, or one file's in file order after `ids` saw the earlier files). */
export function checkIncidents(view: ProjectView, incidents: readonly Incident[], ids: IncidentIds): Issue[] {
  const issues: Issue[] = [];
  duplicates(view, incidents, ids, issues);
  references(view, incidents, issues);
  times(view, incidents, issues);
  return issues;
}

/** The ids of one pass over all incidents, located in `view` (incidents[index] of view.incidents). */
export function idsOf(view: ProjectView): IncidentIds {
  // One pass over view.incidents: the index alone finds a first occurrence again.
  return { first: new Map(), file: undefined, locate: (first) => view.where(view.incidents[first.index] as object, "id") };
}

function duplicates(view: ProjectView, incidents: readonly Incident[], ids: IncidentIds, issues: Issue[]): void {
  incidents.forEach((item, index) => {
    // Lists in files that failed the schema may hold null or text items (fuzz run, seed 424747).
    if (item === null || typeof item !== "object" || typeof item.id !== "string") return;
    const earlier = ids.first.get(item.id);
    if (earlier) {
      const at = ids.locate(earlier);
      issues.push(issueAt(view, "error", "duplicate-id", `incident id "${item.id}" is already used at ${at.file}:${at.line}`, item as object, "id"));
    } else ids.first.set(item.id, { file: ids.file, index });
  });
}

function references(view: ProjectView, incidents: readonly Incident[], issues: Issue[]): void {
  const departmentIds = new Set(view.departments.map((d) => d.id));
  const componentIds = new Set(view.components.map((c) => c.id));
  const { ref, refs } = referenceChecks(view, issues);
  for (const incident of incidents) {
    refs(componentIds, "component", incident.components, incident, "components");
    ref(departmentIds, "department", incident.department, incident, "department");
  }
}

function times(view: ProjectView, incidents: readonly Incident[], issues: Issue[]): void {
  const { date, stamp, stampMs, orderMs } = timeChecks(view, issues);
  for (const incident of incidents) {
    // Each time is read once, and the order checks compare the instants read here: the incident log is
    // the bulk of a large project's timestamps.
    const opened = stampMs(incident.opened, incident, "opened");
    const responded = stampMs(incident.responded, incident, "responded");
    const resolved = stampMs(incident.resolved, incident, "resolved");
    const closed = stampMs(incident.closed, incident, "closed");
    orderMs(opened, responded, `first response (${incident.responded}) is before the incident was opened (${incident.opened})`, incident, "responded");
    orderMs(opened, resolved, `resolution (${incident.resolved}) is before the incident was opened (${incident.opened})`, incident, "resolved");
    orderMs(responded, resolved, `resolution (${incident.resolved}) is before the first response (${incident.responded})`, incident, "resolved");
    orderMs(resolved, closed, `closing (${incident.closed}) is before the resolution (${incident.resolved})`, incident, "closed");
    const end = incident.resolved ?? incident.closed;
    const endMs = incident.resolved !== undefined && incident.resolved !== null ? resolved : closed;
    items(incident.pauses).forEach((pause, i) => {
      const from = stampMs(pause?.from, incident, "pauses", i, "from");
      const to = stampMs(pause?.to, incident, "pauses", i, "to");
      orderMs(from, to, "the pause ends before it starts", incident, "pauses", i, "to");
      orderMs(opened, from, `the pause starts before the incident was opened (${incident.opened})`, incident, "pauses", i, "from");
      if (end) orderMs(pause?.to !== undefined && pause?.to !== null ? to : from, endMs, `the pause runs past the resolution (${end})`, incident, "pauses", i, pause?.to ? "to" : "from");
    });
    // The records kept after the incident (most incidents have none of them).
    items(incident.history).forEach((event, i) => stamp(event?.at, incident, "history", i, "at"));
    items(incident.notices).forEach((notice, i) => {
      stamp(notice?.at, incident, "notices", i, "at");
      stamp(notice?.next, incident, "notices", i, "next");
    });
    items(incident.escalations).forEach((escalation, i) => stamp(escalation?.at, incident, "escalations", i, "at"));
    const review = incident.review;
    if (review !== null && typeof review === "object" && !Array.isArray(review)) {
      date(review.held, incident, "review", "held");
      items(review.actions).forEach((action, i) => {
        date(action?.due, incident, "review", "actions", i, "due");
        date(action?.done, incident, "review", "actions", i, "done");
      });
    }
    recordOrder(view, incident, issues);
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
}

/**
 * The lists of an incident kept in time order (status history, client updates, escalations: none before
 * the opening nor earlier than the entry before it), the review held on or after the day the incident was
 * opened, and its actions done on or after the day the review was held: what \`tam incident update|notify|
 * escalate|review|action\` keep, checked again after a hand edit. One finding per list.
 */
function recordOrder(view: ProjectView, incident: Incident, issues: Issue[]): void {
  const backwards = historyOrder(view, issues);
  const id = String(incident.id);
  const opening = { at: incident.opened, name: "incident's opening" };
  backwards(incident.history, `the status history of ${id} goes`, incident, ["history"], opening);
  backwards(incident.notices, `the client updates of ${id} go`, incident, ["notices"], opening);
  backwards(incident.escalations, `the escalations of ${id} go`, incident, ["escalations"], opening);
  const review = incident.review;
  if (review === null || typeof review !== "object" || Array.isArray(review)) return;
  // Only real dates are compared (an impossible one is its own finding, invalid-date).
  const held = isDate(review.held) ? review.held : undefined;
  const opened = openedOn(incident, view.manifest?.timezone);
  if (held && opened && held < opened)
    issues.push(
      issueAt(
        view,
        "warning",
        "history-order",
        `the review of ${id} was held on ${held}, before the incident was opened (${opened}): a review follows the incident; correct the date`,
        incident,
        "review",
        "held",
      ),
    );
  if (!held) return;
  const early = items(review.actions)
    .map((action, index) => ({ action, index }))
    .filter(({ action }) => isDate(action.done) && action.done < held);
  const first = early[0];
  if (!first) return;
  const more = early.length > 1 ? ` (and ${early.length - 1} more action${early.length === 2 ? "" : "s"} too)` : "";
  issues.push(
    issueAt(
      view,
      "warning",
      "history-order",
      `${id}/${String(first.action.id)} was done on ${first.action.done}, before the review that set it was held (${held})${more}: an action is done after its review; correct the dates`,
      incident,
      "review",
      "actions",
      first.index,
      "done",
    ),
  );
}

/** The day the incident was opened, in the project's zone (the timestamp's own day when the zone is unknown). */
function openedOn(incident: Incident, zone: unknown): string | undefined {
  if (typeof incident.opened !== "string") return undefined;
  const ms = parseTimestamp(incident.opened);
  if (!Number.isFinite(ms)) return undefined;
  if (typeof zone === "string")
    try {
      return dateInZone(ms, zone);
    } catch {
      // An unknown zone is reported elsewhere; fall back to the timestamp's own day.
    }
  return incident.opened.slice(0, 10);
}
