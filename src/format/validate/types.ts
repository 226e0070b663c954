import type { Issue, Severity } from "../../model/issues.js";

export interface ValidateResult {
  /** Absolute project root. */
  root: string;
  /**
   * The project root's path from the repository's top level, with a trailing slash ("" when
   * they are one folder). CI formats (github, sarif, junit, codeclimate) prefix issue files
   * with it: CI systems place findings by repository-relative paths.
   */
  repoPrefix: string;
  /** The running tam's version (SARIF's driver version). */
  toolVersion: string;
  filesChecked: number;
  issues: Issue[];
  counts: Record<Severity, number>;
  failOn: Severity;
  /** Whether the exit code is 1. */
  failed: boolean;
}
