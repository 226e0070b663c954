import type { DocState, FreshnessReport } from "../../domain/freshness/types.js";

export type FailOn = "stale" | "due" | "never";

/** Which states make `tam docs check` exit 1. */
export const FAILING_STATES: Record<FailOn, readonly DocState[]> = {
  stale: ["stale", "broken"],
  due: ["due", "stale", "broken"],
  never: [],
};

export interface DocsCheckResult {
  report: FreshnessReport;
  failOn: FailOn;
  failed: boolean;
  /** Said once: e.g. that git history is missing and only intervals and change records count. */
  warnings: string[];
  /** The project folder inside the git repository ("" at its top), for CI annotations. */
  repoPrefix: string;
  owner: string | null;
  meta: { gitProcesses: number };
}
