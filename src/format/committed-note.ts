// How a write's one-line report ends: what the write did about the commit.
import type { WriteResult } from "../app/write-request.js";

/**
 * " (commit abc1234)", or what happened instead, to end a write's one-line report. `uncommitted`
 * ends the report of a write left uncommitted (--no-commit): nothing where the report says so itself.
 */
export function committedNote(result: Pick<WriteResult, "written" | "commit" | "nothingToCommit">, uncommitted = ""): string {
  if (result.written.length === 0) return " (nothing to change: the file already says this; no commit)";
  if (result.commit) return ` (commit ${result.commit})`;
  if (result.nothingToCommit) return " (nothing to commit: the committed file already says this)";
  return uncommitted;
}
