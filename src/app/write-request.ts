// What every writing use case takes besides its own options: the write flags of the command line
// (--no-commit, --wait, --include-local-changes, --no-verify) and where the write's warnings go.
export type { WriteResult } from "../project/transaction.js";

export interface WriteRequest {
  /** false: write the files, do not commit them (--no-commit). */
  commit?: boolean;
  /** Seconds to wait for another tam write to finish (--wait). */
  wait?: number;
  /** Commit uncommitted changes already in the target files too (--include-local-changes). */
  includeLocalChanges?: boolean;
  /** false: commit without the repository's git hooks (--no-verify); the commit message records it. */
  verify?: boolean;
  /** Receives the write's warnings (errors the project already had, waiting for the lock, the hooks' output). */
  warn?: (text: string) => void;
}

/** The write transaction's options that come from the command line's write flags (editFiles' WriteOptions). */
export function transactionFlags(request: WriteRequest) {
  return { commit: request.commit !== false, waitSeconds: request.wait, includeLocalChanges: request.includeLocalChanges, verify: request.verify, warn: request.warn };
}
