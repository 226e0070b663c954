// When a documentation task is done (issue 28, point 6): the docs index (docs.yaml) covers each of
// its components with a document that lists it in `covers` and was reviewed on or after the task
// started. "The TAM owns the documentation": a doc task marked done while the document still says
// nothing of the change is a promise not kept. Components the change removes need no document.
import type { Change, DocEntry, Task } from "../../model/files.js";
import { parseTimestamp } from "../dates.js";
import { dateInZone } from "../zone.js";
import { compareText } from "../../model/text-order.js";

export interface DocGap {
  component: string;
  /** Documents that list the component but were last reviewed before `since` (empty: no document lists it). */
  stale: { id: string; reviewed?: string }[];
}

export interface DocTaskCoverage {
  /** The day the task started: its first move to in-progress, else the change's, else the day it is done. */
  since: string;
  gaps: DocGap[];
}

function firstInProgress(history: readonly { at: string; status: string }[] | undefined): number | undefined {
  const times = (Array.isArray(history) ? history : [])
    .filter((e) => e && e.status === "in-progress")
    .map((e) => parseTimestamp(e.at))
    .filter((t) => Number.isFinite(t));
  return times.length ? Math.min(...times) : undefined;
}

/**
 * What the docs index lacks for a documentation task done at `doneAt`; undefined when the task is
 * not a documentation task. `docs` is docs.yaml's list (none: no document covers anything).
 */
export function docTaskCoverage(change: Change, task: Task, docs: readonly DocEntry[], doneAt: number, timezone: string): DocTaskCoverage | undefined {
  if (task.kind !== "documentation") return undefined;
  const started = firstInProgress(task.history) ?? firstInProgress(change.history) ?? doneAt;
  const since = dateInZone(Math.min(started, doneAt), timezone);
  const removed = new Set((Array.isArray(change.scope) ? change.scope : []).filter((s) => s && s.action === "remove").map((s) => s.component));
  const gaps: DocGap[] = [];
  for (const component of Array.isArray(task.components) ? task.components : []) {
    if (typeof component !== "string" || removed.has(component)) continue;
    const listing = (Array.isArray(docs) ? docs : []).filter((d) => d && Array.isArray(d.covers) && d.covers.includes(component));
    const reviewedSince = listing.some((d) => typeof d.last_review?.date === "string" && d.last_review.date >= since);
    if (reviewedSince) continue;
    gaps.push({ component, stale: listing.map((d) => ({ id: d.id, ...(typeof d.last_review?.date === "string" ? { reviewed: d.last_review.date } : {}) })) });
  }
  return { since, gaps };
}

/** The gaps as one sentence naming what to do: the document to add, or the documents to review and the command. */
export function docGapText(coverage: DocTaskCoverage): string {
  const missing = coverage.gaps.filter((g) => !g.stale.length).map((g) => g.component);
  // Each listed component is put on the document reviewed last (the one most likely meant).
  const toReview = new Map<string, { reviewed?: string; components: string[] }>();
  for (const gap of coverage.gaps) {
    if (!gap.stale.length) continue;
    const doc = [...gap.stale].sort((a, b) => compareText(b.reviewed ?? "", a.reviewed ?? "") || compareText(a.id, b.id))[0]!;
    const entry = toReview.get(doc.id) ?? { ...(doc.reviewed ? { reviewed: doc.reviewed } : {}), components: [] };
    entry.components.push(gap.component);
    toReview.set(doc.id, entry);
  }
  const parts: string[] = [];
  if (missing.length) parts.push(`no document in docs.yaml covers ${missing.join(", ")} (add one whose covers list ${missing.length === 1 ? "it" : "them"}, then \`tam docs review <doc>\`)`);
  for (const [id, { reviewed, components }] of [...toReview].sort((a, b) => compareText(a[0], b[0])))
    parts.push(
      `${id} covers ${components.join(", ")} but was ${reviewed ? `last reviewed ${reviewed}` : "never reviewed"}, before the task started on ${coverage.since} (review it: \`tam docs review ${id}\`)`,
    );
  return `the docs index does not cover its components yet: ${parts.join("; ")}`;
}
