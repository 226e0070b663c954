// tam change plan <ID>: decompose a change into department tasks, schedule them, check them;
// with --write, store the tasks in the change file.
import { EXIT_FINDINGS, EXIT_OK } from "../errors.js";
import { planChange, type Plan } from "../domain/planner/index.js";
import { pickFormatter, useColor } from "../format/registry.js";
import { planFormatters } from "../format/plan/index.js";
import { requireValid } from "../project/check.js";
import { writeTasks, type WrittenTask } from "../project/change-file.js";
import { editFiles } from "../project/transaction.js";
import type { Task } from "../model/files.js";
import { clockFor, openProject, processOutput, type GlobalOptions, type Output } from "./context.js";
import { findChange } from "./lookup.js";
import type { WriteFlags } from "./write-flags.js";

export interface ChangePlanOptions extends WriteFlags {
  format: string;
  asOf?: string;
  write?: boolean;
  commit?: boolean;
}

export async function runChangePlan(globals: GlobalOptions, id: string, options: ChangePlanOptions, output: Output = processOutput): Promise<number> {
  const format = pickFormatter(planFormatters, options.format);
  // The planner reads no incidents: not loading them keeps planning fast on years of incident files.
  const project = openProject(globals, ["departments", "architecture", "changes", "docs"]);
  requireValid(project, ["dependency-cycle", "task-cycle"]);
  const clock = clockFor(project, options.asOf);
  const { change, file } = findChange(project, id);
  const plan = planChange({ ...project, change, where: project.where, today: clock.today, timezone: clock.timezone });
  const failed = plan.findings.some((f) => f.severity === "error");
  let commit: string | undefined;
  const write = Boolean(options.write) && !failed;
  if (write) {
    const saved = await editFiles(project, [{ path: file, edit: (_text, source) => writeTasks(source!, tasksToWrite(plan, source!.data), change.status === "draft" ? "planned" : undefined) }], {
      message: `${change.id}: plan ${plan.tasks.length} task(s)`,
      commit: options.commit !== false,
      waitSeconds: options.wait,
      includeLocalChanges: options.includeLocalChanges,
      // The planner reads no incidents, and neither does the check of what it writes.
      validate: ["departments", "architecture", "changes", "docs"],
      warn: output.err,
    });
    commit = saved.commit;
  }
  if (options.format !== "json") for (const f of plan.findings) output.err(`${f.file}:${f.line ?? 1}:${f.col ?? 1} ${f.severity} ${f.code} ${f.message}`);
  if (options.write && failed) output.err(`${change.id} was not written: fix the errors above first`);
  output.out(format({ plan, file, written: write, commit }, { color: useColor(globals.color), width: process.stdout.columns }));
  return failed ? EXIT_FINDINGS : EXIT_OK;
}

/** Tasks unchanged since they were written are copied as written; the others are rendered anew. */
function tasksToWrite(plan: Plan, data: unknown): WrittenTask[] {
  const written = ((data as { tasks?: Task[] }).tasks ?? []) as Task[];
  // Written tasks stay where they are in the file; new ones follow in plan order.
  const order = plan.tasks.map((task, planIndex) => ({ task, planIndex })).sort((a, b) => (a.task.existingIndex ?? Infinity) - (b.task.existingIndex ?? Infinity) || a.planIndex - b.planIndex);
  return order.map(({ task }) => {
    if (task.unchanged && task.existingIndex !== undefined && written[task.existingIndex]) return { task: written[task.existingIndex]!, keepIndex: task.existingIndex };
    const out: Task = { id: task.id, title: task.title, department: task.department, kind: task.kind, ...(task.components.length ? { components: task.components } : {}), ...(task.after.length ? { after: task.after } : {}), ...(task.estimate ? { estimate: task.estimate } : {}), origin: task.origin, status: task.status, ...(task.history?.length ? { history: task.history } : {}) };
    return { task: out };
  });
}
