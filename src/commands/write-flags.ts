// The options every writing command shares (--no-commit, --wait, --include-local-changes, --no-verify)
// and how its output names what the write did.
import { type GlobalOptions, type Output, plainOutput } from "./context.js";

export interface WriteFlags {
  /** --wait SECONDS: how long to wait for another tam write to finish. */
  wait?: number;
  /** --include-local-changes: commit uncommitted changes already in the target files too. */
  includeLocalChanges?: boolean;
  /** --no-verify (false): commit without the repository's git hooks; the commit message records it. */
  verify?: boolean;
}

/** What a write use case takes from every writing command: the project, the clock, the transaction's flags, where its warnings go. */
export function writeRequest(globals: GlobalOptions, options: WriteFlags & { commit?: boolean; asOf?: string }, output: Output) {
  return {
    project: globals.project,
    commit: options.commit,
    asOf: options.asOf,
    wait: options.wait,
    includeLocalChanges: options.includeLocalChanges,
    verify: options.verify,
    warn: plainOutput(output).err,
  };
}

/** The options of a client notice (tam change notify, tam incident notify). */
export interface NoticeOptions extends WriteFlags {
  format: string;
  by?: string;
  /** false: print only, store nothing (a preview). */
  record?: boolean;
  commit?: boolean;
  asOf?: string;
}

// The commands' one-line reports and the rec formatter end alike.
export { committedNote } from "../format/committed-note.js";
