// Dates and timestamps: real calendar dates, an offset on every timestamp,
// and incidents whose times come in the order they happened.
import type { Issue } from "../../model/issues.js";
import { dateProblem, parseTimestamp, readTimestamp, timestampProblem } from "../dates.js";
import { historyOrderBreaks } from "../tracking/history-time.js";
import { issueAt, items, list, record, type PathSegment, type ProjectView } from "./view.js";

/** Checks of dates (date), timestamps (stamp) and their order (order), pushing findings to `issues`. */
export function timeChecks(view: ProjectView, issues: Issue[]) {
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
  // The same two checks for a caller that compares the instants it has read: `stampMs` reports a bad
  // timestamp as `stamp` does and returns its instant (NaN when there is none), `orderMs` compares two.
  const stampMs = (value: unknown, entity: object, ...path: PathSegment[]): number => {
    if (typeof value !== "string") return Number.NaN;
    const read = readTimestamp(value);
    if (typeof read === "number") return read;
    issues.push(issueAt(view, "error", read.code, read.message, entity, ...path));
    return Number.NaN;
  };
  const orderMs = (a: number, b: number, message: string, entity: object, ...path: PathSegment[]) => {
    if (Number.isFinite(a) && Number.isFinite(b) && b < a) issues.push(issueAt(view, "error", "time-order", message, entity, ...path));
  };
  return { date, stamp, order, stampMs, orderMs };
}

/**
 * The check of one list kept in time order by its entries' `at` (a history, escalations, client updates):
 * one `history-order` warning per list, at the first entry earlier than the one before it (or than
 * `start`, the instant the list cannot precede, such as an incident's opening), naming what it comes after.
 * `what` is the list's subject and verb: "the history of CHG-0003 goes".
 */
export function historyOrder(view: ProjectView, issues: Issue[]) {
  return (list: unknown, what: string, entity: object, path: PathSegment[], start?: { at: unknown; name: string }) => {
    const entries = items(list as object[]) as { at?: unknown }[];
    // An empty list cannot go back; incidents mostly have none of the three, and seeding the start
    // would read the opening again for each.
    if (entries.length === 0) return;
    const seeded = start !== undefined && typeof start.at === "string";
    const breaks = historyOrderBreaks(seeded ? [{ at: start.at }, ...entries] : entries);
    const first = breaks[0];
    if (!first) return;
    const index = seeded ? first.index - 1 : first.index;
    const after = seeded && first.previous === start.at ? `the ${start.name} (${first.previous})` : `the entry before it (${first.previous})`;
    const more = breaks.length > 1 ? ` (${breaks.length - 1} more ${breaks.length === 2 ? "entry" : "entries"} further down ${breaks.length === 2 ? "goes" : "go"} back too)` : "";
    issues.push(
      issueAt(
        view,
        "warning",
        "history-order",
        `${what} back in time: ${first.at} is earlier than ${after}${more}; put the entries in the order they happened, with the times they happened`,
        entity,
        ...path,
        index,
        "at",
      ),
    );
  };
}

/** Dates and timestamps of everything but the incidents (incident-rules.ts checks those). */
export function checkTimes(view: ProjectView): Issue[] {
  const issues: Issue[] = [];
  const { date, stamp, order } = timeChecks(view, issues);

  const manifest = view.manifest;
  if (manifest) {
    for (const [name, calendar] of Object.entries(record(manifest.calendars))) {
      list(calendar?.holidays).forEach((h, i) => date(typeof h === "string" ? h : h?.date, manifest, "calendars", name, "holidays", i, ...(typeof h === "string" ? [] : ["date"])));
    }
    date(manifest.docs?.baseline?.date, manifest, "docs", "baseline", "date");
    date(manifest.reviews?.since, manifest, "reviews", "since");
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
    stamp(change.approval?.at, change, "approval", "at");
    stamp(change.last_notice?.at, change, "last_notice", "at");
    items(change.history).forEach((event, j) => stamp(event?.at, change, "history", j, "at"));
    items(change.blackout_exceptions).forEach((exception, j) => date(exception?.agreed_at, change, "blackout_exceptions", j, "agreed_at"));
    const baseline = change.baseline;
    if (baseline && typeof baseline === "object") {
      for (const key of ["recorded_at", "start", "finish"] as const) stamp(baseline[key], change, "baseline", key);
      for (const key of ["internal", "client", "previous_client"] as const) date(baseline[key], change, "baseline", key);
      for (const [id, task] of Object.entries(record(baseline.tasks))) {
        stamp(task?.start, change, "baseline", "tasks", id, "start");
        stamp(task?.finish, change, "baseline", "tasks", id, "finish");
      }
    }
    items(change.tasks).forEach((task, i) => {
      items(task.history).forEach((event, j) => {
        stamp(event?.at, change, "tasks", i, "history", j, "at");
        date(event?.until, change, "tasks", i, "history", j, "until");
      });
      items(task.escalations).forEach((escalation, j) => stamp(escalation?.at, change, "tasks", i, "escalations", j, "at"));
      if (task.ticket && typeof task.ticket === "object") stamp(task.ticket.synced_at, change, "tasks", i, "ticket", "synced_at");
    });
    // A history is a record in time order: an entry earlier than the one before it (a backdated
    // --as-of, a hand edit) makes "as of" reads and the order of the work ambiguous.
    const backwards = historyOrder(view, issues);
    backwards(change.history, `the history of ${String(change.id)} goes`, change, ["history"]);
    items(change.tasks).forEach((task, i) => {
      backwards(task.history, `the history of ${String(change.id)}/${String(task.id)} goes`, change, ["tasks", i, "history"]);
      backwards(task.escalations, `the escalations of ${String(change.id)}/${String(task.id)} go`, change, ["tasks", i, "escalations"]);
    });
  }
  for (const doc of view.docs) date(doc.last_review?.date, doc, "last_review", "date");
  for (const component of view.components) date(component.decommissioned?.date, component, "decommissioned", "date");
  for (const meeting of items(view.meetings)) {
    date(meeting.date, meeting, "date");
    items(meeting.actions).forEach((action, i) => {
      date(action?.due, meeting, "actions", i, "due");
      date(action?.done, meeting, "actions", i, "done");
    });
  }
  for (const rec of items(view.recommendations)) {
    date(rec.presented?.date, rec, "presented", "date");
    date(rec.accepted?.date, rec, "accepted", "date");
    date(rec.declined?.date, rec, "declined", "date");
    date(rec.declined?.review, rec, "declined", "review");
  }
  return issues;
}
