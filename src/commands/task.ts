// tam task start|done|block|unblock|cancel <CHANGE>/<TASK>: a department engineer's status update,
// appended to the task's history and committed as that one file.
import { UsageError, EXIT_OK } from "../errors.js";
import { statusFollowingTasks } from "../domain/tracking/lifecycle.js";
import { formatZoned } from "../domain/zoned-timestamp.js";
import { transition, type TaskAction } from "../domain/tracking/transition.js";
import { requireValid } from "../project/check.js";
import { applyChangeEdit } from "../project/change-steps.js";
import { editChangeFile } from "../project/change-write.js";
import { whoAmI } from "../project/identity.js";
import type { Change } from "../model/files.js";
import { clockFor, openProject, processOutput, type GlobalOptions, type Output } from "./context.js";
import { findChange } from "./lookup.js";

export interface TaskOptions {
  note?: string;
  by?: string;
  force?: boolean;
  /** Why --force breaks a rule (the note stands in when absent). */
  reason?: string;
  commit?: boolean;
  asOf?: string;
}

const PAST: Record<TaskAction, string> = { start: "started", done: "done", block: "blocked", unblock: "unblocked", cancel: "cancelled" };

export async function runTask(globals: GlobalOptions, action: TaskAction, ref: string, options: TaskOptions, output: Output = processOutput): Promise<number> {
  const match = /^([^/\s]+)\/([^/\s]+)$/.exec(ref);
  if (!match) throw new UsageError(`"${ref}" is not CHANGE/TASK, e.g. CHG-0003/T2`);
  const [, changeId, taskId] = match as unknown as [string, string, string];
  const project = openProject(globals);
  requireValid(project);
  const clock = clockFor(project, options.asOf);
  const { file } = findChange(project, changeId);
  const by = options.by ?? (await whoAmI(project.root));
  const at = formatZoned(clock.now, clock.timezone);
  const saved = await editChangeFile(
    project.root,
    file,
    (source) => {
      // Decide on the file as it is now, under the lock: another update may just have landed.
      const change = source.data as Change;
      const tasks = change.tasks ?? [];
      const index = tasks.findIndex((t) => t.id === taskId);
      if (index < 0) throw new UsageError(`${changeId} has no task ${taskId}${tasks.length ? ` (tasks: ${tasks.map((t) => t.id).join(", ")})` : "; plan it first with `tam change plan --write`"}`);
      const task = tasks[index]!;
      const result = transition(tasks, task, { action, force: Boolean(options.force), note: options.note, reason: options.reason }, change);
      if (!result.ok) throw new UsageError(result.reason);
      const note = options.note?.trim() || undefined;
      const event = { at, status: result.status, by, ...(note ? { note } : {}), ...(result.forced ? { forced: result.forced } : {}) };
      // The change follows its tasks, in the same commit: first work started → in-progress; all finished → review.
      const after = tasks.map((t, i) => (i === index ? { ...t, status: result.status, history: [...(t.history ?? []), event] } : t));
      const status = statusFollowingTasks(change.status, after);
      const why = status === "review" ? "every task is done or cancelled" : `${changeId}/${taskId} ${PAST[action]}`;
      const text = applyChangeEdit(source, { task: { index, event }, ...(status ? { status, event: { at, status, by, note: why } } : {}) });
      return { text, result: { department: task.department, from: result.from, to: result.status, change: status ? { from: change.status, to: status } : undefined, forced: result.forced } };
    },
    options.commit === false ? undefined : (r) => `${changeId}/${taskId} ${r.department}: ${PAST[action]}`,
  );
  const { from, to, department, change, forced } = saved.result;
  const lines = [`${changeId}/${taskId} ${department}: ${from} → ${to} by ${by} at ${at}${saved.commit ? ` (commit ${saved.commit})` : ""}`];
  if (forced) lines.push(`forced (recorded in the task's history): ${forced}`);
  if (change) lines.push(`${changeId}: ${change.from} → ${change.to}${change.to === "review" ? `; close it with \`tam change close ${changeId} --outcome successful --note '<review>'\`` : ""}`);
  output.out(lines.join("\n"));
  return EXIT_OK;
}
