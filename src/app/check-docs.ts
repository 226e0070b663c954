// Use case: the freshness of every document of docs.yaml, and coverage of the architecture (tam docs check).
import type { FreshnessReport } from "../domain/freshness/index.js";
import { FAILING_STATES, type FailOn } from "../domain/freshness/fail-on.js";
import type { ClockOptions, ProjectOptions } from "./context.js";
import { openForDocs } from "./docs-valid.js";
import { assessProjectFreshness } from "./freshness-facts.js";

export interface CheckDocsOptions extends ProjectOptions, ClockOptions {
  failOn: FailOn;
  /** Only the docs of this owner (a department id). */
  owner?: string;
}

export interface CheckDocsResult {
  report: FreshnessReport;
  failOn: FailOn;
  /** Whether a doc is in a state that --fail-on names. */
  failed: boolean;
  /** Notes for the user, e.g. that there is no git history. */
  warnings: string[];
  /** The project folder relative to the git top level ("" at the top), for CI annotations. */
  repoPrefix: string;
  owner: string | null;
  meta: { gitProcesses: number };
}

export async function checkDocs(options: CheckDocsOptions): Promise<CheckDocsResult> {
  // Freshness reads no incidents: not loading them keeps the check fast on years of incident files.
  const { project, clock } = openForDocs(options, ["departments", "architecture", "changes", "docs"]);
  const { report, warnings, repoPrefix, gitProcesses } = await assessProjectFreshness(project, clock, { owner: options.owner });
  const failing = new Set(FAILING_STATES[options.failOn]);
  const failed = report.docs.some((doc) => failing.has(doc.state));
  return { report, failOn: options.failOn, failed, warnings, repoPrefix, owner: options.owner ?? null, meta: { gitProcesses } };
}
