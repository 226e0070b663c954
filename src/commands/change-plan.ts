// tam change plan <ID>: decompose a change into department tasks, schedule them with every other
// open change (the one scheduling engine), check them; with --write, store the tasks in the change
// file, and the first time also the baseline (the dates and promises as agreed).
import { EXIT_FINDINGS, EXIT_OK, UsageError } from "../errors.js";
import { frozenReason } from "../domain/tracking/lifecycle.js";
import { baselineOf, planChange, planToShow, PLAN_REFUSAL_CODES, projectHolidays, SIGNAL_CODES, type Plan } from "../domain/planner/index.js";
import { pickFormatter, useColor } from "../format/registry.js";
import { planFormatters } from "../format/plan/index.js";
import { requireValid } from "../project/check.js";
import { writeTasks, type WrittenTask } from "../project/change-file.js";
import { editFiles } from "../project/transaction.js";
import type { Task } from "../model/files.js";
import { SEVERITY_RANK, type Severity } from "../model/issues.js";
import { plainOutput, clockFor, openProject, processOutput, projectAsOf, type GlobalOptions, type Output } from "./context.js";
import { findChange } from "./lookup.js";
import type { WriteFlags } from "./write-flags.js";
import { inlineSafe } from "../format/text.js";
import { count } from "../util/plural.js";

export interface ChangePlanOptions extends WriteFlags {
  format: string;
  asOf?: string;
  write?: boolean;
  commit?: boolean;
  /** Lowest severity that makes the exit code 1, or "never". */
  failOn?: Severity | "never";
}

export async function runChangePlan(globals: GlobalOptions, id: string, options: ChangePlanOptions, output: Output = processOutput): Promise<number> {
  const format = pickFormatter(planFormatters, options.format);
  // The planner reads no incidents: not loading them keeps planning fast on years of incident files.
  const project = openProject(globals, ["departments", "architecture", "changes", "docs"]);
  // The planner reports these refusals itself, as plan findings (validate reports the same conditions);
  // an unknown reference is refused here, as everywhere.
  requireValid(
    project,
    PLAN_REFUSAL_CODES.filter((code) => code !== "unknown-reference"),
  );
  const clock = clockFor(project, options.asOf);
  // A preview as of a past date does not count work recorded later; a write plans the file as it is.
  const view = options.write ? project : projectAsOf(project, clock);
  const { change, file } = findChange(view, id);
  const plan = planChange({ ...view, change, where: view.where, today: clock.today, timezone: clock.timezone, now: clock.now });
  // Errors in the plan's structure stop a write; findings about dates (late, at risk, overflow) do not.
  const broken = plan.findings.some((f) => f.severity === "error" && !SIGNAL_CODES.includes(f.code));
  let commit: string | undefined;
  // The tasks of a change that is over are its record: re-planning may show them, not rewrite them.
  const frozen = options.write ? frozenReason(change) : undefined;
  if (frozen) throw new UsageError(`${frozen}; nothing was written`);
  const write = Boolean(options.write) && !broken;
  const baseline = write && !change.baseline ? baselineOf(plan.schedule, clock.now, clock.timezone) : undefined;
  if (write) {
    const saved = await editFiles(
      project,
      [{ path: file, edit: (_text, source) => writeTasks(source!, tasksToWrite(plan, source!.data), change.status === "draft" ? "planned" : undefined, baseline) }],
      {
        message: `${change.id}: plan ${count(plan.tasks.length, "task")}${baseline ? `, baseline finish ${plan.schedule.finishDate}` : ""}`,
        commit: options.commit !== false,
        waitSeconds: options.wait,
        includeLocalChanges: options.includeLocalChanges,
        verify: options.verify,
        // The planner reads no incidents, and neither does the check of what it writes.
        validate: ["departments", "architecture", "changes", "docs"],
        warn: plainOutput(output).err,
      },
    );
    commit = saved.commit;
  }
  // The written plan first (the dates every other command gives), the proposal beside it.
  const { shown, proposal } = planToShow(plan, write);
  // Findings quote file content (a blackout's reason, a title): one safe line each.
  if (options.format !== "json") for (const f of shown.findings) output.err(inlineSafe(`${f.file}:${f.line ?? 1}:${f.col ?? 1} ${f.severity} ${f.code} ${f.message}`));
  if (options.write && broken) plainOutput(output).err(`${change.id} was not written: fix the errors above first`);
  const kept = write ? promiseKept(change.status, plan) : undefined;
  if (kept) plainOutput(output).err(kept);
  output.out(
    format(
      { plan: shown, ...(proposal ? { proposal } : {}), file, stored: write, commit, asOf: clock.today, holidays: projectHolidays(project.manifest), baselineWritten: baseline !== undefined },
      { color: useColor(globals.color), width: process.stdout.columns },
    ),
  );
  const failOn = options.failOn ?? "error";
  const failed = broken || (failOn !== "never" && shown.findings.some((f) => SEVERITY_RANK[f.severity] >= SEVERITY_RANK[failOn]));
  return failed ? EXIT_FINDINGS : EXIT_OK;
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
