// Post-incident reviews (tam incident review, tam incident action): the review's fields decided from
// the flags, an action's completion, and when a review is due (tam.yaml `reviews`).
import type { Calendar, Incident, IncidentReview, Manifest, Priority, ReviewAction } from "../../model/files.js";
import { addDays, dateProblem, parseTimestamp, weekdayIndex } from "../dates.js";
import { parseDuration } from "../duration.js";
import { holidayDates } from "../work-clock.js";
import { dateInZone } from "../zone.js";

const REVIEW_KEYS = ["held", "by", "cause", "factors", "actions", "document"] as const;
export const ACTION_KEYS = ["id", "text", "owner", "side", "due", "state", "done", "note"] as const;
const REVIEWS_FOLDER = "reviews";

export interface ReviewRequest {
  /** YYYY-MM-DD; the caller defaults it to today. */
  held: string;
  by?: string;
  cause?: string;
  factors?: string[];
  /** "text;owner;side;due" each. */
  actions?: string[];
  today: string;
  timezone: string;
}

/** The incident's review after the request (an earlier review keeps its actions; new ones follow them), or why not. */
export function planReview(incident: Incident, request: ReviewRequest): IncidentReview | string {
  if (!incident.resolved && !incident.closed) return `${incident.id} is ${incident.status}, not resolved: review it once service is restored (tam incident update ${incident.id} --resolved)`;
  const opened = dateInZone(parseTimestamp(incident.opened), request.timezone);
  const held = checkDate(request.held, "--held");
  if (held) return held;
  if (request.held < opened) return `--held ${request.held} is before ${incident.id} was opened (${opened})`;
  if (request.held > request.today) return `--held ${request.held} is after today (${request.today}): a review cannot be recorded in advance`;
  const earlier = incident.review;
  const existing = earlier?.actions ?? [];
  const actions: ReviewAction[] = [...existing];
  let next = existing.reduce((max, a) => Math.max(max, /^A(\d+)$/.exec(a.id)?.[1] ? Number(/^A(\d+)$/.exec(a.id)![1]) : 0), 0);
  for (const [i, spec] of (request.actions ?? []).entries()) {
    const parsed = parseActionSpec(spec, opened);
    const where = `--action ${(request.actions ?? []).length > 1 ? `#${i + 1} ` : ""}"${spec}"`;
    if (typeof parsed === "string") return `${where}: ${parsed}`;
    next += 1;
    actions.push({ id: `A${next}`, ...parsed, state: "open" });
  }
  const factors = (request.factors ?? []).map((f) => f.trim()).filter(Boolean);
  const cause = request.cause?.trim() || earlier?.cause;
  const by = request.by?.trim() || earlier?.by;
  return ordered({
    held: request.held,
    ...(by ? { by } : {}),
    ...(cause ? { cause } : {}),
    ...(factors.length ? { factors } : earlier?.factors?.length ? { factors: earlier.factors } : {}),
    ...(actions.length ? { actions } : {}),
    document: reviewDocumentPath(incident.id),
  });
}

function reviewDocumentPath(id: string): string {
  return `${REVIEWS_FOLDER}/${id}.md`;
}

/** "text;owner;side;due" → the action's fields, or what is wrong with it. */
function parseActionSpec(spec: string, opened: string): Omit<ReviewAction, "id" | "state"> | string {
  const parts = spec.split(";").map((p) => p.trim());
  if (parts.length !== 4) return `expected "text;owner;side;due" (4 parts separated by ';', found ${parts.length})`;
  const [text, owner, side, due] = parts as [string, string, string, string];
  if (!text) return "the action has no text";
  if (!owner) return "the action has no owner: who does it (a person or a department)?";
  if (side !== "provider" && side !== "client") return `side "${side}" must be provider or client`;
  const bad = checkDate(due, "due");
  if (bad) return bad;
  if (due < opened) return `due ${due} is before the incident was opened (${opened})`;
  return { text, owner, side, due };
}

function checkDate(text: string, what: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return `${what} "${text}" is not a date YYYY-MM-DD`;
  const problem = dateProblem(text);
  return problem ? `${what}: ${problem}` : null;
}

/** The review after action `actionId` is marked done (or open again), or why not. */
export function setActionState(incident: Incident, actionId: string, state: "open" | "done", date: string, note: string | undefined): { review: IncidentReview; action: ReviewAction } | string {
  const review = incident.review;
  if (!review) return `${incident.id} has no review: record one first with \`tam incident review ${incident.id}\``;
  const actions = review.actions ?? [];
  const index = actions.findIndex((a) => a.id.toLowerCase() === actionId.toLowerCase());
  if (index < 0) return `${incident.id}'s review has no action ${actionId}${actions.length ? ` (actions: ${actions.map((a) => a.id).join(", ")})` : ""}`;
  const before = actions[index]!;
  if (state === "done" && typeof review.held === "string" && date < review.held)
    return `${date} is before ${incident.id}'s review was held (${review.held}): an action is done after the review that set it`;
  const trimmed = note?.trim();
  const action: ReviewAction =
    state === "done" ? { ...before, state: "done", done: date, ...(trimmed ? { note: trimmed } : {}) } : { ...withoutDone(before), state: "open", ...(trimmed ? { note: trimmed } : {}) };
  return { review: { ...review, actions: actions.map((a, i) => (i === index ? action : a)) }, action };
}

function withoutDone(action: ReviewAction): ReviewAction {
  const { done: _done, ...rest } = action;
  return rest;
}

/** The review with its keys (and its actions' keys) in file order. */
function ordered(review: IncidentReview): IncidentReview {
  const out: Record<string, unknown> = {};
  for (const key of REVIEW_KEYS) {
    const value = review[key];
    if (value === undefined) continue;
    out[key] = key === "actions" ? (value as ReviewAction[]).map(orderedAction) : value;
  }
  return out as unknown as IncidentReview;
}

function orderedAction(action: ReviewAction): ReviewAction {
  const out: Record<string, unknown> = {};
  for (const key of ACTION_KEYS) if (action[key] !== undefined) out[key] = action[key];
  return out as unknown as ReviewAction;
}

// --- when a review is due (tam.yaml `reviews`) ---

export interface ReviewRules {
  requiredFor: Priority[];
  breaches: boolean;
  /** Working days after the resolution. */
  withinDays: number;
  /** Incidents resolved (recurrences opened) before this date are not checked. */
  since?: string;
}

const DEFAULT_REVIEW_RULES: ReviewRules = { requiredFor: ["P1", "P2"], breaches: true, withinDays: 5 };

export function reviewRules(manifest: Manifest | undefined): ReviewRules {
  const given = manifest?.reviews;
  const parts = typeof given?.within === "string" ? parseDuration(given.within) : null;
  const withinDays = parts ? parts.weeks * 5 + parts.days + (parts.hours || parts.minutes ? 1 : 0) : DEFAULT_REVIEW_RULES.withinDays;
  return {
    requiredFor: Array.isArray(given?.required_for) ? given.required_for : DEFAULT_REVIEW_RULES.requiredFor,
    breaches: typeof given?.breaches === "boolean" ? given.breaches : DEFAULT_REVIEW_RULES.breaches,
    withinDays,
    ...(typeof given?.since === "string" ? { since: given.since } : {}),
  };
}

/** Why the incident needs a review ("P1", "SLA breach"), or undefined when it needs none. */
export function reviewReason(incident: Incident, rules: ReviewRules, breached: () => boolean): string | undefined {
  const byPriority = rules.requiredFor.includes(incident.priority);
  // The SLA is measured only when the rules ask about breaches.
  const byBreach = rules.breaches && breached();
  if (byPriority && byBreach) return `a ${incident.priority} that breached its SLA`;
  if (byPriority) return `a ${incident.priority}`;
  return byBreach ? `a ${incident.priority} that breached its SLA` : undefined;
}

/** The date `days` working days after `date` on `calendar` (its weekly hours and holidays; without hours every day works). */
export function addWorkingDays(date: string, days: number, calendar: Calendar | undefined): string {
  const holidays = holidayDates(calendar);
  const weekdays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
  const hours = calendar?.hours;
  const works = (d: string) => !holidays.has(d) && (!hours || (hours[weekdays[weekdayIndex(d)]!]?.length ?? 0) > 0);
  let current = date;
  let left = days;
  // A calendar that never works would loop for ever: ten years is the span tam's calendars cover.
  for (let guard = 0; left > 0 && guard < 3660; guard++) {
    current = addDays(current, 1);
    if (works(current)) left -= 1;
  }
  return current;
}
