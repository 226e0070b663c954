// tam change plan <ID>: decompose a change into department tasks, schedule them with every other
// open change (the one scheduling engine), check them; with --write, store the tasks in the change
// file, and the first time also the baseline (the dates and promises as agreed).
import { EXIT_FINDINGS, EXIT_OK, UsageError } from "../errors.js";
import { frozenReason } from "../domain/tracking/lifecycle.js";
import { baselineOf, planChange, PLAN_REFUSAL_CODES, projectHolidays, SIGNAL_CODES, type Plan } from "../domain/planner/index.js";
import { pickFormatter, useColor } from "../format/registry.js";
import { planFormatters } from "../format/plan/index.js";
import { requireValid } from "../project/check.js";
import { writeTasks, type WrittenTask } from "../project/change-file.js";
import { editFiles } from "../project/transaction.js";
import type { Task } from "../model/files.js";
import { SEVERITY_RANK, type Severity } from "../model/issues.js";
import { clockFor, openProject, processOutput, type GlobalOptions, type Output } from "./context.js";
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
  const { change, file } = findChange(project, id);
  const plan = planChange({ ...project, change, where: project.where, today: clock.today, timezone: clock.timezone, now: clock.now });
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
        warn: output.err,
      },
    );
    commit = saved.commit;
  }
  // Findings quote file content (a blackout's reason, a title): one safe line each.
  if (options.format !== "json") for (const f of plan.findings) output.err(inlineSafe(`${f.file}:${f.line ?? 1}:${f.col ?? 1} ${f.severity} ${f.code} ${f.message}`));
  if (options.write && broken) output.err(`${change.id} was not written: fix the errors above first`);
  output.out(
    format(
      { plan, file, written: write, commit, asOf: clock.today, holidays: projectHolidays(project.manifest), baselineWritten: baseline !== undefined },
      { color: useColor(globals.color), width: process.stdout.columns },
    ),
  );
  const failOn = options.failOn ?? "error";
  const failed = broken || (failOn !== "never" && plan.findings.some((f) => SEVERITY_RANK[f.severity] >= SEVERITY_RANK[failOn]));
  return failed ? EXIT_FINDINGS : EXIT_OK;
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
