// "Bad news does not improve with age": the late or blocked tasks of a change that the last
// client notice (`tam change notify`) did not tell about.
import type { Change } from "../../model/files.js";
import { parseTimestamp } from "../dates.js";

export interface UntoldProblem {
  id: string;
  why: "late" | "blocked" | "rebaselined";
}

export function untoldProblems(change: Change, late: readonly { id: string }[], blocked: readonly { id: string; since?: string }[]): UntoldProblem[] {
  const notice = change.last_notice;
  const toldAt = notice?.at ? parseTimestamp(notice.at) : Number.NEGATIVE_INFINITY;
  const untold: UntoldProblem[] = [];
  for (const task of blocked) {
    // Blocked again after the notice that told about it: that is news again.
    const since = task.since ? parseTimestamp(task.since) : Number.NEGATIVE_INFINITY;
    if (!(notice?.blocked ?? []).includes(task.id) || since > toldAt) untold.push({ id: task.id, why: "blocked" });
  }
  // A late task the notice told about as blocked was told about.
  const told = new Set([...(notice?.late ?? []), ...(notice?.blocked ?? [])]);
  for (const task of late) if (!told.has(task.id) && !untold.some((u) => u.id === task.id)) untold.push({ id: task.id, why: "late" });
  // A promise moved (tam change rebaseline) after the last notice: the client must be told.
  const moved = change.baseline?.reason ? parseTimestamp(change.baseline.recorded_at) : Number.NaN;
  if (Number.isFinite(moved) && moved >= toldAt) untold.push({ id: "promise", why: "rebaselined" });
  return untold;
}
