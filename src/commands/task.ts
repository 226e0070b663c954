// tam task start|done|block|unblock|cancel <CHANGE>/<TASK>: a department engineer's status update,
// appended to the task's history and committed as that one file.
import { UsageError, EXIT_OK } from "../errors.js";
import { formatZoned } from "../domain/zoned-timestamp.js";
import { transition, type TaskAction } from "../domain/tracking/transition.js";
import { requireValid } from "../project/check.js";
import { recordTaskEvent } from "../project/change-file.js";
import { editChangeFile } from "../project/change-write.js";
import { whoAmI } from "../project/identity.js";
import type { Change } from "../model/files.js";
import { clockFor, openProject, processOutput, type GlobalOptions, type Output } from "./context.js";
import { canonicalId } from "../util/ids.js";
import { findChange } from "./lookup.js";

export interface TaskOptions {
  note?: string;
  by?: string;
  force?: boolean;
  commit?: boolean;
  asOf?: string;
}

const PAST: Record<TaskAction, string> = { start: "started", done: "done", block: "blocked", unblock: "unblocked", cancel: "cancelled" };

export async function runTask(globals: GlobalOptions, action: TaskAction, ref: string, options: TaskOptions, output: Output = processOutput): Promise<number> {
  const match = /^([^/\s]+)\/([^/\s]+)$/.exec(ref);
  if (!match) throw new UsageError(`"${ref}" is not CHANGE/TASK, e.g. CHG-0003/T2`);
  const [, givenChange, givenTask] = match as unknown as [string, string, string];
  const project = openProject(globals);
  requireValid(project);
  const clock = clockFor(project, options.asOf);
  const { change, file } = findChange(project, givenChange);
  // Ids as the project spells them (they are typed in any case).
  const changeId = change.id;
  const taskId = canonicalId(givenTask, (Array.isArray(change.tasks) ? change.tasks : []).map((t) => t.id)) ?? givenTask;
  const by = options.by ?? (await whoAmI(project.root));
  const at = formatZoned(clock.now, clock.timezone);
  const saved = await editChangeFile(
    project.root,
    file,
    (source) => {
      // Decide on the file as it is now, under the lock: another update may just have landed.
      const tasks = (source.data as Change).tasks ?? [];
      const index = tasks.findIndex((t) => t.id === taskId);
      if (index < 0) throw new UsageError(`${changeId} has no task ${taskId}${tasks.length ? ` (tasks: ${tasks.map((t) => t.id).join(", ")})` : "; plan it first with `tam change plan --write`"}`);
      const task = tasks[index]!;
      const result = transition(tasks, task, { action, force: Boolean(options.force), note: options.note });
      if (!result.ok) throw new UsageError(result.reason);
      const note = options.force && action === "start" ? `forced: ${options.note}` : options.note;
      const text = recordTaskEvent(source, index, { at, status: result.status, by, ...(note ? { note } : {}) });
      return { text, result: { department: task.department, from: result.from, to: result.status } };
    },
    options.commit === false ? undefined : (r) => `${changeId}/${taskId} ${r.department}: ${PAST[action]}`,
  );
  const { from, to, department } = saved.result;
  output.out(`${changeId}/${taskId} ${department}: ${from} → ${to} by ${by} at ${at}${saved.commit ? ` (commit ${saved.commit})` : ""}`);
  return EXIT_OK;
}
