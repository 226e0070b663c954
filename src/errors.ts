// The error taxonomy. Everything the top-level catch knows how to report
// without a stack trace. Exit codes: 0 ok, 1 findings, 2 usage or internal error.

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

/** A mistake in how tam was called: bad option, unknown id, missing project. Exit 2. */
export class UsageError extends Error {
  override name = "UsageError";
}

/** The project's content prevents the command from running (reported as findings). Exit 1. */
export class ProjectError extends Error {
  override name = "ProjectError";
  constructor(
    message: string,
    readonly issues: import("./model/issues.js").Issue[] = [],
  ) {
    super(message);
  }
}

/** A git operation failed or the repository is in a state tam will not commit in. Exit 2. */
export class GitError extends Error {
  override name = "GitError";
}

/** A commit hook of the repository refused tam's commit, or changed what tam wrote. `output` is what the hook printed. Exit 2. */
export class HookError extends GitError {
  override name = "HookError";
  constructor(
    message: string,
    readonly hook: string,
    readonly output: string,
  ) {
    super(message);
  }
}

/** A file cannot be edited without touching more than intended (or would no longer parse). Nothing is written. Exit 1. */
export class EditError extends Error {
  override name = "EditError";
}

// Errors the operating system raises (permissions, a folder where a file belongs, a full disk):
// they say what to fix at a path, so they are reported as usage errors naming that path, never
// as "internal error". Everything else that escapes a command is a bug.
const REASONS: Record<string, string> = {
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  EISDIR: "is a folder, not a file",
  ENOTDIR: "a part of the path is not a folder",
  ENOENT: "no such file or folder",
  ELOOP: "a symbolic link that loops (it leads back to itself)",
  ENAMETOOLONG: "the name is too long",
  ENOSPC: "no space left on the device",
  EDQUOT: "the disk quota is exhausted",
  EROFS: "the file system is read-only",
  EMFILE: "too many open files",
  ENFILE: "too many open files",
  EBUSY: "the file is busy",
  EEXIST: "already exists",
  EINVAL: "not a valid path or file here",
  EFBIG: "the file is too large",
  ENXIO: "no such device (a socket or a FIFO without a writer?)",
  ETXTBSY: "the file is busy",
};

/** "permission denied (EACCES)", or undefined when the error is not a system error with a known code. */
export function systemErrorReason(error: unknown): string | undefined {
  if (!(error instanceof Error)) return undefined;
  const { code } = error as NodeJS.ErrnoException;
  if (typeof code !== "string" || !Object.hasOwn(REASONS, code)) return undefined;
  return `${REASONS[code]} (${code})`;
}

/** "path: permission denied (EACCES)", or undefined when the error is not a system error with a known code. */
export function systemErrorMessage(error: unknown): string | undefined {
  const reason = systemErrorReason(error);
  if (!reason) return undefined;
  const { path, dest } = error as NodeJS.ErrnoException & { dest?: string };
  const where = dest ?? path;
  return `${where ? `${where}: ` : ""}${reason}`;
}
