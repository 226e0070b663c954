// tam task sync <export.csv> --preset jira|servicenow: the departments' ticket statuses brought back
// into the change files, one commit for the whole sync; exit 1 when a row could not be applied.
import { syncTasks } from "../app/task-sync.js";
import { EXIT_FINDINGS, EXIT_OK } from "../errors.js";
import { pickFormatter } from "../format/registry.js";
import { syncFormatters } from "../format/sync/index.js";
import type { InputEncoding } from "../app/task-sync.js";
import { plainOutput, processOutput, type GlobalOptions, type Output } from "./context.js";
import { committedNote, type WriteFlags } from "./write-flags.js";

export interface TaskSyncOptions extends WriteFlags {
  format: string;
  preset?: string;
  mapping?: string;
  encoding?: InputEncoding;
  force?: boolean;
  reason?: string;
  commit?: boolean;
  asOf?: string;
}

export async function runTaskSync(globals: GlobalOptions, file: string, options: TaskSyncOptions, output: Output = processOutput): Promise<number> {
  const format = pickFormatter(syncFormatters, options.format);
  const result = await syncTasks({ project: globals.project, file, ...options, warn: plainOutput(output).err });
  output.out(format(result, { color: false }));
  if (result.write && options.format !== "json") plainOutput(output).err(`synced ${result.write.written.join(", ")}${committedNote(result.write)}`);
  return result.findings.some((f) => f.severity === "error") ? EXIT_FINDINGS : EXIT_OK;
}
