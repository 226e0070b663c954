import type { Issue, Severity } from "../../model/issues.js";

export interface ValidateResult {
  /** Absolute project root. */
  root: string;
  filesChecked: number;
  issues: Issue[];
  counts: Record<Severity, number>;
  failOn: Severity;
  /** Whether the exit code is 1. */
  failed: boolean;
}
