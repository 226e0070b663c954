// The options every writing command shares (--no-commit, --wait, --include-local-changes, --no-verify)
// and how its output names what the write did.
import type { WriteResult } from "../app/write-request.js";

export interface WriteFlags {
  /** --wait SECONDS: how long to wait for another tam write to finish. */
  wait?: number;
  /** --include-local-changes: commit uncommitted changes already in the target files too. */
  includeLocalChanges?: boolean;
  /** --no-verify (false): commit without the repository's git hooks; the commit message records it. */
  verify?: boolean;
}

/** " (commit abc1234)", or what happened instead, to end a command's one-line report. */
export function committedNote(result: WriteResult): string {
  if (result.written.length === 0) return " (nothing to change: the file already says this; no commit)";
  if (result.commit) return ` (commit ${result.commit})`;
  if (result.nothingToCommit) return " (nothing to commit: the committed file already says this)";
  return "";
}
