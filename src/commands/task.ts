// tam task start|done|block|unblock|cancel <CHANGE>/<TASK>: a department engineer's status update,
// appended to the task's history and committed as that one file.
import { UsageError, EXIT_OK } from "../errors.js";
import { formatZoned } from "../domain/zoned-timestamp.js";
import { transition, type TaskAction } from "../domain/tracking/transition.js";
import { requireValidIn } from "../project/check.js";
import { FILE_NAMES } from "../project/load.js";
import { recordTaskEvent } from "../project/change-file.js";
import { editFiles } from "../project/transaction.js";
import { whoAmI } from "../project/identity.js";
import type { Change, Task } from "../model/files.js";
import { committedNote, type WriteFlags } from "./write-flags.js";
import { clockFor, openProject, processOutput, type GlobalOptions, type Output } from "./context.js";
import { canonicalId } from "../util/ids.js";
import { findChange } from "./lookup.js";

export type TaskOptions = {
  note?: string;
  by?: string;
  force?: boolean;
  commit?: boolean;
  asOf?: string;
} & WriteFlags;

const PAST: Record<TaskAction, string> = { start: "started", done: "done", block: "blocked", unblock: "unblocked", cancel: "cancelled" };

export async function runTask(globals: GlobalOptions, action: TaskAction, ref: string, options: TaskOptions, output: Output = processOutput): Promise<number> {
  const match = /^([^/\s]+)\/([^/\s]+)$/.exec(ref);
  if (!match) throw new UsageError(`"${ref}" is not CHANGE/TASK, e.g. CHG-0003/T2`);
  const [, givenChange, givenTask] = match as unknown as [string, string, string];
  const project = openProject(globals);
  const { change, file } = findChange(project, givenChange);
  // Ids as the project spells them (they are typed in any case).
  const changeId = change.id;
  const taskId = canonicalId(givenTask, (Array.isArray(change.tasks) ? change.tasks : []).map((t) => t.id)) ?? givenTask;
  // Errors in other files do not stop an update of this one (the write reports them as a warning);
  // tam.yaml must be valid: its time zone dates the update.
  requireValidIn(project, [file, FILE_NAMES.manifest]);
  const clock = clockFor(project, options.asOf);
  const by = options.by ?? (await whoAmI(project.root));
  const at = formatZoned(clock.now, clock.timezone);
  let outcome: { department: string; from: string; to: string } | undefined;
  const saved = await editFiles(
    project,
    [
      {
        path: file,
        edit: (_text, source) => {
          // Decide on the file as it is now, under the lock: another update may just have landed.
          const tasks = ((source?.data as Change | undefined)?.tasks ?? []) as Task[];
          const index = tasks.findIndex((t) => t.id === taskId);
          if (index < 0) throw new UsageError(`${changeId} has no task ${taskId}${tasks.length ? ` (tasks: ${tasks.map((t) => t.id).join(", ")})` : "; plan it first with `tam change plan --write`"}`);
          const task = tasks[index]!;
          const result = transition(tasks, task, { action, force: Boolean(options.force), note: options.note });
          if (!result.ok) throw new UsageError(result.reason);
          const note = options.force && action === "start" ? `forced: ${options.note}` : options.note;
          outcome = { department: task.department, from: result.from, to: result.status };
          return recordTaskEvent(source!, index, { at, status: result.status, by, ...(note ? { note } : {}) });
        },
      },
    ],
    { message: () => `${changeId}/${taskId} ${outcome!.department}: ${PAST[action]}`, by, commit: options.commit !== false, waitSeconds: options.wait, includeLocalChanges: options.includeLocalChanges, warn: output.err },
  );
  const { from, to, department } = outcome!;
  output.out(`${changeId}/${taskId} ${department}: ${from} → ${to} by ${by} at ${at}${committedNote(saved)}`);
  return EXIT_OK;
}
