// The incident loop, as findings of tam validate ("analyse violations, find the causes, change the
// processes"; "erring is normal, the same mistake twice is not"). They depend on the date, so they are
// not part of validateProject (which every write re-runs): tam validate adds them with its clock.
//   missing-review: a resolved incident that needs a review (tam.yaml `reviews`) has none, past its due date;
//   action-overdue: a review action still open after its due date;
//   recurrence-unreviewed / recurrence-open-action: an incident repeats an earlier one (same component and
//   cause category within the window arch risks uses) whose review is missing or had an action still open.
import type { Incident, ReviewAction } from "../../model/files.js";
import type { Issue } from "../../model/issues.js";
import { RECURRENCE_WINDOW_DAYS } from "../arch/risk-incidents.js";
import { DAY_MS, dayNumber, isDate, parseTimestamp } from "../dates.js";
import { addWorkingDays, reviewReason, reviewRules } from "../incidents/review.js";
import { projectCalendar } from "../planner/calendars.js";
import { incidentSla } from "../sla/measure.js";
import { slaPolicy, type SlaPolicy } from "../sla/policy.js";
import { dateInZone } from "../zone.js";
import { issueAt, items, type ProjectView } from "./view.js";

export interface ReviewClock {
  today: string;
  now: number;
  timezone: string;
}

/** An incident's review state as tam status and tam validate see it. */
export interface ReviewDue {
  incident: Incident;
  /** Why it needs a review: "a P1", "an SLA breach". */
  reason: string;
  resolvedOn: string;
  due: string;
}

const ago = (from: string, to: string) => {
  const days = dayNumber(to) - dayNumber(from);
  return days === 1 ? "1 day ago" : `${days} days ago`;
};

const readable = (incident: Incident) =>
  incident !== null && typeof incident === "object" && typeof incident.id === "string" && typeof incident.opened === "string" && Number.isFinite(parseTimestamp(incident.opened));

/**
 * The earliest instant whose day can be `since` or later on any zone's clock (every offset is less
 * than a day): a time before it is before `since` wherever it is read, without asking the zone.
 * -Infinity when there is no `since` or it is no date, so that nothing is passed over.
 */
function sinceFloor(since: string | undefined): number {
  const floor = since === undefined ? Number.NaN : dayNumber(since) * DAY_MS - 2 * DAY_MS;
  return Number.isFinite(floor) ? floor : Number.NEGATIVE_INFINITY;
}

function policyOf(view: Pick<ProjectView, "manifest">): SlaPolicy {
  try {
    return view.manifest ? slaPolicy(view.manifest) : {};
  } catch {
    // A manifest that failed its schema: validation reports it; breaches are not known meanwhile.
    return {};
  }
}

function breached(incident: Incident, policy: SlaPolicy, now: number): boolean {
  // Own keys only: a priority such as "toString" must not find Object.prototype's members (fuzz run, seed 891).
  const rule = Object.hasOwn(policy, incident.priority) ? policy[incident.priority] : undefined;
  return rule ? incidentSla(incident, rule, now).outcome === "breached" : false;
}

/** Resolved incidents that need a review and have none, with the date it is due. */
export function reviewsDue(view: Pick<ProjectView, "manifest" | "incidents">, clock: ReviewClock): ReviewDue[] {
  const rules = reviewRules(view.manifest);
  const policy = policyOf(view);
  const calendar = projectCalendar(view.manifest).calendar;
  const floor = sinceFloor(rules.since);
  const out: ReviewDue[] = [];
  for (const incident of items(view.incidents)) {
    if (!readable(incident) || incident.review) continue;
    const end = incident.resolved ?? incident.closed;
    if (!end) continue;
    const endMs = parseTimestamp(end);
    if (!Number.isFinite(endMs) || endMs < floor) continue;
    const resolvedOn = dateInZone(endMs, clock.timezone);
    if (rules.since && resolvedOn < rules.since) continue;
    const reason = reviewReason(incident, rules, () => breached(incident, policy, clock.now));
    if (!reason) continue;
    out.push({ incident, reason, resolvedOn, due: addWorkingDays(resolvedOn, rules.withinDays, calendar) });
  }
  return out;
}

/** Open review actions, with the incident they belong to. */
export function openActions(incidents: readonly Incident[]): { incident: Incident; action: ReviewAction; index: number }[] {
  const out: { incident: Incident; action: ReviewAction; index: number }[] = [];
  for (const incident of items(incidents as Incident[])) {
    items(incident.review?.actions).forEach((action, index) => {
      if (action.state === "open" && typeof action.due === "string") out.push({ incident, action, index });
    });
  }
  return out;
}

export function checkReviews(view: ProjectView, clock: ReviewClock): Issue[] {
  const issues: Issue[] = [];
  const rules = reviewRules(view.manifest);
  for (const due of reviewsDue(view, clock)) {
    if (due.due >= clock.today) continue;
    const { incident } = due;
    issues.push(
      issueAt(
        view,
        "warning",
        "missing-review",
        `${incident.id} (${due.reason}) was resolved on ${due.resolvedOn} and has no post-incident review; it was due within ${rules.withinDays} working days, on ${due.due}, ${ago(due.due, clock.today)}: hold it and record it with \`tam incident review ${incident.id}\``,
        incident,
        "id",
      ),
    );
  }
  for (const { incident, action, index } of openActions(view.incidents)) {
    // An impossible due date is its own finding (invalid-date), not a count of days.
    if (action.due >= clock.today || !isDate(action.due)) continue;
    issues.push(
      issueAt(
        view,
        "warning",
        "action-overdue",
        `${incident.id}/${action.id} "${action.text}" (${action.owner}, ${action.side} side) was due on ${action.due}, ${ago(action.due, clock.today)}, and is still open: chase it, or record it with \`tam incident action ${incident.id}/${action.id} done --note '…'\``,
        incident,
        "review",
        "actions",
        index,
        "due",
      ),
    );
  }
  issues.push(...recurrences(view, clock));
  return issues;
}

/**
 * "Never twice": an incident with the same cause category on a component as an earlier one within the
 * window, where the earlier one had no review (and needed one), or an action of its review was still open
 * when this one was opened. Names the nearest such earlier incident. One pass in time order, with the
 * latest incident per component and category at hand: linear in the incidents.
 */
function recurrences(view: ProjectView, clock: ReviewClock): Issue[] {
  const issues: Issue[] = [];
  const rules = reviewRules(view.manifest);
  const policy = policyOf(view);
  const windowMs = RECURRENCE_WINDOW_DAYS * 86_400_000;
  // Only an incident opened from `since` on is a finding, and only one opened within the window
  // before it can be the one it repeats: the others are passed over before the sort. A `since`
  // after every incident (a project adopting the rules) leaves nothing to sort.
  const floor = sinceFloor(rules.since);
  const incidents = items(view.incidents)
    .filter((i) => readable(i) && typeof i.cause?.category === "string" && Array.isArray(i.components))
    .map((incident) => ({ incident, opened: parseTimestamp(incident.opened) }))
    .filter((entry) => entry.opened >= floor - windowMs);
  if (!incidents.some((entry) => entry.opened >= floor)) return issues;
  incidents.sort((a, b) => a.opened - b.opened);
  const latest = new Map<string, { incident: Incident; opened: number }>();
  for (const current of incidents) {
    const { incident, opened } = current;
    const category = incident.cause!.category;
    const components = incident.components!.filter((c) => typeof c === "string");
    let earlier: { incident: Incident; opened: number } | undefined;
    for (const component of components) {
      const candidate = latest.get(`${component}\u0000${category}`);
      if (candidate && opened - candidate.opened <= windowMs && (!earlier || candidate.opened > earlier.opened)) earlier = candidate;
    }
    for (const component of components) latest.set(`${component}\u0000${category}`, current);
    if (!earlier) continue;
    const openedOn = dateInZone(opened, clock.timezone);
    if (rules.since && openedOn < rules.since) continue;
    const shared = components.filter((c) => earlier.incident.components!.includes(c));
    const what = `${incident.id} repeats ${earlier.incident.id} (${shared.join(", ")}, ${category}, ${Math.round((opened - earlier.opened) / 86_400_000)} days earlier)`;
    const review = earlier.incident.review;
    if (!review) {
      // An earlier incident that needed no review (a P3 within its targets) is no finding, nor one
      // resolved before the rules were adopted (\`since\`): no review was asked of it.
      const end = earlier.incident.resolved ?? earlier.incident.closed;
      const before = rules.since !== undefined && (!end || dateInZone(parseTimestamp(end), clock.timezone) < rules.since);
      if (before || !reviewReason(earlier.incident, rules, () => breached(earlier.incident, policy, clock.now))) continue;
      issues.push(
        issueAt(view, "warning", "recurrence-unreviewed", `${what}, which had no post-incident review: the same mistake twice; review ${earlier.incident.id} and this one together`, incident, "id"),
      );
      continue;
    }
    const pending = items(review.actions).filter((a) => a.state !== "done" || (typeof a.done === "string" && a.done > openedOn));
    if (pending.length)
      issues.push(
        issueAt(
          view,
          "warning",
          "recurrence-open-action",
          `${what}, whose review's action ${pending.map((a) => `${a.id} "${a.text}" (${a.owner})`).join(", ")} was still open when it happened: the same mistake twice`,
          incident,
          "id",
        ),
      );
  }
  return issues;
}
