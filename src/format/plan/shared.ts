// Words and groupings every plan format shares.
import type { Plan } from "../../domain/planner/index.js";
import type { PlanReport } from "./types.js";
import { pushTo } from "../../util/collections.js";

/** The critical path as waves: parallel critical tasks joined by ", ", waves by " → ". */
export function criticalPathText(plan: Plan): string {
  const byWave = new Map<number, string[]>();
  for (const id of plan.schedule.criticalPath) {
    const wave = plan.schedule.tasks.find((t) => t.id === id)!.wave;
    pushTo(byWave, wave, id);
  }
  return [...byWave.keys()].sort((a, b) => a - b).map((w) => byWave.get(w)!.join(", ")).join(" → ") || "none";
}

export function dueText(plan: Plan): string | undefined {
  const e = plan.estimates;
  if (!e.due) return undefined;
  const plain = e.fitsDue ? `the plan (${plan.schedule.finish}) fits` : `the plan finishes ${plan.schedule.finish}, after the due date`;
  const client = e.clientFitsDue ? `the client promise (${e.clientDate}) fits too` : `the client promise ${e.clientDate} does not fit`;
  return `due ${e.due}: ${plain}; ${client}`;
}

export function diffText(report: PlanReport): string {
  const { diff } = report.plan;
  const parts: string[] = [];
  if (diff.added.length) parts.push(`added ${diff.added.join(", ")}`);
  if (diff.removed.length) parts.push(`removed ${diff.removed.map((r) => r.id).join(", ")}`);
  if (diff.changed.length) parts.push(`changed ${diff.changed.map((c) => `${c.id} (${c.fields.join(", ")})`).join(", ")}`);
  const what = parts.length ? parts.join("; ") : "no change to the written tasks";
  if (report.written) return `wrote ${report.file}: ${what}${report.commit ? ` (commit ${report.commit})` : ""}`;
  return `not written (use --write to store it in ${report.file}): ${what}`;
}

/** The schedule row of each task, in plan order. */
export function rows(plan: Plan) {
  const timing = new Map(plan.schedule.tasks.map((t) => [t.id, t]));
  return plan.tasks.map((task) => ({ task, timing: timing.get(task.id)! }));
}
