// The end of every incident write: one write transaction (fresh read under the lock, in-memory
// validation, atomic write, exact commit), and the lines that say what it did.
import type { Project } from "../project/load.js";
import { editFiles, type FileEdit } from "../project/transaction.js";
import { plainOutput, type Output } from "./context.js";
import type { WriteFlags } from "./write-flags.js";
import { inlineSafe } from "../format/text.js";

export interface SaveOptions extends WriteFlags {
  commit: boolean;
}

/** Returns the files written (none when every edit left its file as it was). */
export async function saveIncidentFiles(
  project: Project,
  edits: readonly FileEdit[] | (() => readonly FileEdit[]),
  message: string | (() => string),
  options: SaveOptions,
  output: Output,
): Promise<string[]> {
  const saved = await editFiles(project, edits, {
    message,
    commit: options.commit,
    waitSeconds: options.wait,
    includeLocalChanges: options.includeLocalChanges,
    verify: options.verify,
    warn: plainOutput(output).err,
  });
  if (saved.written.length === 0) {
    output.err("nothing to change: the incident files already say this; no commit");
    return [];
  }
  output.err(inlineSafe(`wrote ${saved.written.join(", ")}`));
  const subject = (typeof message === "string" ? message : message()).split("\n")[0];
  if (saved.commit) output.err(inlineSafe(`committed ${saved.commit}: ${subject}`));
  else if (saved.nothingToCommit) output.err("nothing to commit: the committed files already say this");
  return saved.written;
}
