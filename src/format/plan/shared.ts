// Words and groupings every plan format shares.
import type { Plan, Proposal } from "../../domain/planner/index.js";
import type { TaskSchedule } from "../../domain/planner/schedule-types.js";
import { formatWork } from "../../domain/planner/work-text.js";
import type { PlanReport } from "./types.js";
import { count } from "../../util/plural.js";

/** The critical path in order of start: tasks starting together joined by ", ", the steps by " → ". */
export function criticalPathText(plan: Plan): string {
  const byStart = new Map<number, string[]>();
  for (const id of plan.schedule.criticalPath) {
    const start = plan.schedule.tasks.find((t) => t.id === id)?.start ?? 0;
    byStart.set(start, [...(byStart.get(start) ?? []), id]);
  }
  return (
    [...byStart.keys()]
      .sort((a, b) => a - b)
      .map((s) => byStart.get(s)!.join(", "))
      .join(" → ") || "none"
  );
}

export function dueText(plan: Plan): string | undefined {
  const e = plan.estimates;
  if (!e.due) return undefined;
  // A closed change's record: when it finished against the due date, nothing to promise any more.
  if (plan.record) return `due ${e.due}: ${plan.schedule.finishDate ? `finished ${plan.schedule.finishDate}, ${e.fitsDue ? "on time" : "after the due date"}` : "no recorded finish"}`;
  const plain = e.fitsDue ? `the forecast (${plan.schedule.finishDate}) fits` : `the forecast finishes ${plan.schedule.finishDate ?? "?"}, after the due date`;
  const client = e.clientFitsDue ? `the client promise (${e.clientDate}) fits too` : `the client promise ${e.clientDate} does not fit`;
  return `due ${e.due}: ${plain}; ${client}`;
}

export function diffText(report: PlanReport): string {
  if (report.proposal && !report.stored) return proposalText(report.proposal);
  const { diff } = report.plan;
  const parts: string[] = [];
  if (diff.added.length) parts.push(`added ${diff.added.join(", ")}`);
  if (diff.removed.length) parts.push(`removed ${diff.removed.map((r) => r.id).join(", ")}`);
  if (diff.changed.length) parts.push(`changed ${diff.changed.map((c) => `${c.id} (${c.fields.join(", ")})`).join(", ")}`);
  const what = parts.length ? parts.join("; ") : "no change to the written tasks";
  if (report.stored) return `wrote ${report.file}: ${what}${report.commit ? ` (commit ${report.commit})` : ""}`;
  if (report.plan.record) return `the record of a ${report.plan.status} change, as written in ${report.file}`;
  if (report.plan.written) return `as written in ${report.file}: re-planning changes no task`;
  return `not written (use --write to store it in ${report.file}): ${what}`;
}

/** "re-planning adds T8, T9; changes T5 (after) and moves the forecast from 2026-12-07 to 2026-12-10; `--write` adopts it" */
function proposalText(proposal: Proposal): string {
  const { diff, forecast, estimates } = proposal;
  const parts: string[] = [];
  if (diff.added.length) parts.push(`adds ${diff.added.join(", ")}`);
  if (diff.removed.length) parts.push(`removes ${diff.removed.map((r) => r.id).join(", ")}`);
  if (diff.changed.length) parts.push(`changes ${diff.changed.map((c) => `${c.id} (${c.fields.join(", ")})`).join(", ")}`);
  const dates = forecast.from === forecast.to ? `keeps the forecast ${forecast.to ?? "without dates"}` : `moves the forecast from ${forecast.from ?? "no date"} to ${forecast.to ?? "no date"}`;
  const promise = estimates.fromBaseline && forecast.to !== null && forecast.to > estimates.clientDate ? ` (after the client promise ${estimates.clientDate}, which stays as it is)` : "";
  return `re-planning ${parts.join("; ")} and ${dates}${promise}; \`--write\` adopts it`;
}

/** The tasks re-planning would add (with their forecast) and remove, one line each. */
export function proposalTasks(proposal: Proposal): { sign: "+" | "-"; id: string; title: string; detail: string }[] {
  const timing = new Map(proposal.schedule.tasks.map((t) => [t.id, t]));
  const added = proposal.tasks
    .filter((t) => proposal.diff.added.includes(t.id))
    .map((t) => {
      const at = timing.get(t.id);
      return { sign: "+" as const, id: t.id, title: t.title, detail: `${t.department}, ${at?.estimate ?? t.estimate ?? "?"}, ${at?.startDate ?? "-"} → ${at?.finishDate ?? "-"}` };
    });
  const removed = proposal.diff.removed.map((r) => ({ sign: "-" as const, id: r.id, title: r.title, detail: "no longer follows from the scope" }));
  return [...added, ...removed];
}

/** The schedule row of each task, in plan order (cancelled tasks have none and are left out). */
export function rows(plan: Pick<Plan, "tasks" | "schedule">) {
  const timing = new Map(plan.schedule.tasks.map((t) => [t.id, t]));
  return plan.tasks.filter((task) => timing.has(task.id)).map((task) => ({ task, timing: timing.get(task.id)! }));
}

/** Slack as working time of the task's department ("0h", "1d 2h"). */
export function slackText(timing: TaskSchedule): string {
  return formatWork(timing.slackMs, timing.dayMs);
}

/** The state of a task for people: status, late, waiting for capacity, slip against the baseline. */
export function stateText(timing: TaskSchedule): string {
  const parts: string[] = [timing.status];
  if (timing.late) parts.push(`late ${formatWork(timing.late.byMs, timing.dayMs)}`);
  if (timing.slipMs !== undefined && Math.abs(timing.slipMs) >= 60_000) parts.push(`slip ${timing.slipMs > 0 ? "+" : ""}${formatWork(timing.slipMs, timing.dayMs)}`);
  if (timing.waitedFor) parts.push(`waits for ${timing.waitedFor}`);
  return parts.join(", ");
}

/** How long a padded estimate is: whole working days, or the working time when under a day. */
export function paddedText(days: number, work: string): string {
  return /d/.test(work) ? `${count(days, "working day")}` : `${work} of working time`;
}

/** The plan's dates in one line: forecast, the promise and the baseline with the slip. */
export function planLine(plan: Plan): string {
  const s = plan.schedule;
  const span = s.startDate ? `${s.startDate} → ${s.finishDate}, ${count(s.workingDays, "working day")} on the ${s.calendar} calendar` : "no dates (no tasks, or none that can be scheduled)";
  const baseline = s.baseline ? `; baseline finish ${s.baseline.finish.slice(0, 10)}, slip ${s.slipDays! > 0 ? "+" : ""}${s.slip ?? `${s.slipDays}d`}` : "";
  // A block with no expected date: the finish is only a "not before"; say what it waits for.
  const open = s.dateOpen?.length
    ? `; date open: ${s.dateOpen.map((b) => `${b.task} blocked since ${b.since.slice(0, 10)}${b.note ? ` (${oneLine(b.note)})` : ""}${b.until ? `, expected ${b.until} (passed)` : ""}`).join("; ")}, the finish is only a "not before"; record the expected date with \`tam task block ${s.id}/${s.dateOpen.length === 1 ? s.dateOpen[0]!.task : "<task>"} --until <date>\``
    : "";
  return `${span}${baseline}${open}`;
}

function oneLine(text: string): string {
  return text
    .trim()
    .replace(/\s+/g, " ")
    .replace(/[.;:,]+$/, "");
}
