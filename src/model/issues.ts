// Located issues: what validators and planners report instead of throwing.
import { compareText } from "./text-order.js";

export type Severity = "error" | "warning" | "info";

/** One step of a path into a file's data: a mapping key or a list index. */
export type PathSegment = string | number;

export interface Location {
  /** Path relative to the project root, with forward slashes. */
  file: string;
  /** 1-based line and column; absent when the issue is about a whole file. */
  line?: number;
  col?: number;
}

export interface Issue extends Location {
  severity: Severity;
  /** Stable kebab-case code, e.g. "unknown-reference". */
  code: string;
  message: string;
  /** A suggestion, such as a "did you mean" correction. */
  hint?: string;
}

export const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

export function compareIssues(a: Issue, b: Issue): number {
  return compareText(a.file, b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.col ?? 0) - (b.col ?? 0) || compareText(a.code, b.code) || compareText(a.message, b.message);
}

export function countBySeverity(issues: Issue[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const issue of issues) counts[issue.severity]++;
  return counts;
}
