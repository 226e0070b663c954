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

/** A file cannot be edited without touching more than intended (or would no longer parse). Nothing is written. Exit 1. */
export class EditError extends Error {
  override name = "EditError";
}
