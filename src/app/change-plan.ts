// Use case: plan a change (tam change plan <ID>): decompose it into department tasks, schedule them
// with every other open change (the one scheduling engine), check them; with `write`, store the
// tasks in the change file, and the first time also the baseline (the dates and promises as agreed).
import { UsageError } from "../errors.js";
import { baselineOf, planChange, planToShow, PLAN_REFUSAL_CODES, projectHolidays, SIGNAL_CODES, type Plan } from "../domain/planner/index.js";
import { frozenReason } from "../domain/tracking/lifecycle.js";
import type { Task } from "../model/files.js";
import { requireValid } from "../project/check.js";
import { writeTasks, type WrittenTask } from "../project/change-file.js";
import type { LoadPart } from "../project/load.js";
import { editFiles } from "../project/transaction.js";
import { count } from "../util/plural.js";
import { clockFor, openProject, projectAsOf, type ClockOptions, type ProjectOptions } from "./context.js";
import { findChange } from "./lookup.js";
import { type WriteRequest, transactionFlags } from "./write-request.js";

/** What planning reads: no incidents (years of incident files would only slow it), and neither does the check of what it writes. */
const PLAN_PARTS: LoadPart[] = ["departments", "architecture", "changes", "docs"];

export interface ChangePlanRequest extends ProjectOptions, ClockOptions, WriteRequest {
  id: string;
  /** Store the tasks (and the first time the baseline) in the change file. */
  write?: boolean;
}

export interface ChangePlanResult {
  /** The written plan (the dates every other command gives), or the plan when nothing is written yet. */
  plan: ReturnType<typeof planToShow>["shown"];
  /** The new plan beside the written one, when they differ. */
  proposal?: ReturnType<typeof planToShow>["proposal"];
  file: string;
  stored: boolean;
  commit?: string;
  asOf: string;
  holidays: ReturnType<typeof projectHolidays>;
  baselineWritten: boolean;
  /** The plan has errors in its structure (a write asked for was not made). */
  broken: boolean;
  changeId: string;
  /** A re-plan written past the date promised to the client: what the TAM is told (the promise is kept). */
  promiseNote?: string;
}

export async function changePlan(request: ChangePlanRequest): Promise<ChangePlanResult> {
  const project = openProject(request, PLAN_PARTS);
  // The planner reports these refusals itself, as plan findings (validate reports the same conditions);
  // an unknown reference is refused here, as everywhere.
  requireValid(
    project,
    PLAN_REFUSAL_CODES.filter((code) => code !== "unknown-reference"),
  );
  const clock = clockFor(project, request.asOf, request.now);
  // A preview as of a past date does not count work recorded later; a write plans the file as it is.
  const view = request.write ? project : projectAsOf(project, clock);
  const { change, file } = findChange(view, request.id);
  const plan = planChange({ ...view, change, where: view.where, today: clock.today, timezone: clock.timezone, now: clock.now });
  // Errors in the plan's structure stop a write; findings about dates (late, at risk, overflow) do not.
  const broken = plan.findings.some((f) => f.severity === "error" && !SIGNAL_CODES.includes(f.code));
  let commit: string | undefined;
  // The tasks of a change that is over are its record: re-planning may show them, not rewrite them.
  const frozen = request.write ? frozenReason(change) : undefined;
  if (frozen) throw new UsageError(`${frozen}; nothing was written`);
  const write = Boolean(request.write) && !broken;
  const baseline = write && !change.baseline ? baselineOf(plan.schedule, clock.now, clock.timezone) : undefined;
  if (write) {
    const saved = await editFiles(
      project,
      [{ path: file, edit: (_text, source) => writeTasks(source!, tasksToWrite(plan, source!.data), change.status === "draft" ? "planned" : undefined, baseline) }],
      {
        message: `${change.id}: plan ${count(plan.tasks.length, "task")}${baseline ? `, baseline finish ${plan.schedule.finishDate}` : ""}`,
        ...transactionFlags(request),
        validate: PLAN_PARTS,
      },
    );
    commit = saved.commit;
  }
  const { shown, proposal } = planToShow(plan, write);
  const promiseNote = write ? promiseKept(change.status, plan) : undefined;
  return {
    plan: shown,
    ...(proposal ? { proposal } : {}),
    file,
    stored: write,
    commit,
    asOf: clock.today,
    holidays: projectHolidays(project.manifest),
    baselineWritten: baseline !== undefined,
    broken,
    changeId: change.id,
    ...(promiseNote ? { promiseNote } : {}),
  };
}

/**
 * A re-plan written on an approved or running change whose forecast now ends after the date
 * promised to the client: the promise (the stored baseline) stays as it is, and the TAM is told.
 */
function promiseKept(status: string, plan: Plan): string | undefined {
  if (!["approved", "in-progress", "review"].includes(status)) return undefined;
  const finish = plan.schedule.finishDate;
  const promised = plan.estimates.fromBaseline ? plan.estimates.clientDate : undefined;
  if (!finish || !promised || finish <= promised) return undefined;
  const before = plan.written?.schedule.finishDate;
  const moved = before && before !== finish ? `moves the forecast from ${before} to ${finish}` : `forecasts ${finish}`;
  return `${plan.changeId} (${status}): the new plan ${moved}, after the date promised to the client (${promised}); the promise is kept as it was (the baseline is not moved): agree a new date with the client`;
}

/** Tasks unchanged since they were written are copied as written; the others are rendered anew. */
function tasksToWrite(plan: Plan, data: unknown): WrittenTask[] {
  const written = ((data as { tasks?: Task[] }).tasks ?? []) as Task[];
  // Written tasks stay where they are in the file; new ones follow in plan order.
  const order = plan.tasks.map((task, planIndex) => ({ task, planIndex })).sort((a, b) => (a.task.existingIndex ?? Infinity) - (b.task.existingIndex ?? Infinity) || a.planIndex - b.planIndex);
  return order.map(({ task }) => {
    if (task.unchanged && task.existingIndex !== undefined && written[task.existingIndex]) return { task: written[task.existingIndex]!, keepIndex: task.existingIndex };
    const out: Task = {
      id: task.id,
      title: task.title,
      department: task.department,
      kind: task.kind,
      ...(task.components.length ? { components: task.components } : {}),
      ...(task.after.length ? { after: task.after } : {}),
      ...(task.estimate ? { estimate: task.estimate } : {}),
      origin: task.origin,
      status: task.status,
      ...(task.assignee ? { assignee: task.assignee } : {}),
      ...(task.history?.length ? { history: task.history } : {}),
    };
    return { task: out };
  });
}
