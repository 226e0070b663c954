// tam task start|done|block|unblock|cancel <CHANGE>/<TASK>: a department engineer's status update,
// appended to the task's history and committed as that one file.
import { updateTask } from "../app/task-update.js";
import { EXIT_OK } from "../errors.js";
import type { TaskAction } from "../app/task-update.js";
import { plainOutput, processOutput, type GlobalOptions, type Output } from "./context.js";
import { committedNote, type WriteFlags } from "./write-flags.js";

export interface TaskOptions extends WriteFlags {
  note?: string;
  /** block: the day the block is expected to clear. */
  until?: string;
  by?: string;
  force?: boolean;
  /** Why --force breaks a rule (the note stands in when absent). */
  reason?: string;
  commit?: boolean;
  asOf?: string;
}

export async function runTask(globals: GlobalOptions, action: TaskAction, ref: string, options: TaskOptions, sink: Output = processOutput): Promise<number> {
  // The line echoes --by, the ids and the forced reason: user text.
  const output = plainOutput(sink);
  const u = await updateTask({ project: globals.project, action, ref, ...options, warn: output.err });
  const lines = [`${u.change}/${u.task} ${u.department}: ${u.from} → ${u.to} by ${u.by} at ${u.at}${committedNote(u.write)}`];
  if (u.forced) lines.push(`forced (recorded in the task's history): ${u.forced}`);
  if (u.accepted) lines.push(`accepted risk (recorded in the history): ${u.accepted.join(", ")} failing`);
  if (u.changeStatus)
    lines.push(
      `${u.change}: ${u.changeStatus.from} → ${u.changeStatus.to}${u.changeStatus.to === "review" ? `; close it with \`tam change close ${u.change} --outcome successful --note '<review>'\`` : ""}`,
    );
  output.out(lines.join("\n"));
  return EXIT_OK;
}
