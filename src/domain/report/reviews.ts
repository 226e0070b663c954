// The client report's post-incident reviews: the reviews held and the review actions done since the last
// meeting (`--since`, else the period's start), and the actions still open on each side. The client
// edition speaks the client's words: our actions are "we", theirs name their person; no department ids.
import type { Incident, Priority, ReviewAction } from "../../model/files.js";
import { compareText } from "../../model/text-order.js";

export interface ReviewHeld {
  incident: string;
  title: string;
  priority: Priority;
  held: string;
  /** What the review found (else the incident's root cause). */
  cause: string | null;
  /** Actions it agreed, and how many of them are done. */
  actions: number;
  done: number;
}

export interface ReviewActionLine {
  incident: string;
  id: string;
  text: string;
  side: ReviewAction["side"];
  /** The owner: internal edition always; client edition only on the client's side (ours is "we"). */
  owner: string | null;
  due: string;
  done: string | null;
  note: string | null;
}

export interface ReviewsReport {
  since: string;
  held: ReviewHeld[];
  actionsDone: ReviewActionLine[];
  /** Actions still open, ours and theirs, due first. */
  open: ReviewActionLine[];
}

/** `since`: the last meeting's date (what happened after it counts), or the period's first day (`inclusive`). */
export function reviewsReport(incidents: readonly Incident[], since: string, today: string, internal: boolean, inclusive = false): ReviewsReport {
  const after = (day: unknown) => typeof day === "string" && (inclusive ? day >= since : day > since) && day <= today;
  const held: ReviewHeld[] = [];
  const actionsDone: ReviewActionLine[] = [];
  const open: ReviewActionLine[] = [];
  for (const incident of incidents) {
    const review = incident?.review;
    if (!review || typeof review !== "object") continue;
    const actions = (Array.isArray(review.actions) ? review.actions : []).filter((a) => a && typeof a === "object");
    const line = (a: ReviewAction): ReviewActionLine => ({
      incident: incident.id,
      id: a.id,
      text: a.text,
      side: a.side,
      owner: internal || a.side === "client" ? a.owner : null,
      due: a.due,
      done: a.state === "done" && typeof a.done === "string" ? a.done : null,
      note: a.note ?? null,
    });
    if (after(review.held))
      held.push({
        incident: incident.id,
        title: incident.title,
        priority: incident.priority,
        held: review.held,
        cause: review.cause ?? incident.cause?.root_cause ?? null,
        actions: actions.length,
        done: actions.filter((a) => a.state === "done" && (a.done === undefined || a.done <= today)).length,
      });
    if (typeof review.held !== "string" || review.held > today) continue;
    for (const a of actions) {
      if (a.state === "done" && after(a.done)) actionsDone.push(line(a));
      else if (a.state !== "done" || (typeof a.done === "string" && a.done > today)) open.push({ ...line(a), done: null });
    }
  }
  const byDate = (key: "held" | "done" | "due") => (a: Record<string, unknown>, b: Record<string, unknown>) =>
    compareText(String(a[key]), String(b[key])) || compareText(String(a.incident), String(b.incident));
  return {
    since,
    held: held.sort(byDate("held") as never),
    actionsDone: actionsDone.sort(byDate("done") as never),
    open: open.sort(byDate("due") as never),
  };
}
