// Gathers what the freshness assessment needs from disk and git (doc locations, one blame,
// one log) and runs it. Shared by docs check, arch risks and report.
import { assessFreshness, type FreshnessReport } from "../domain/freshness/index.js";
import type { Clock } from "../domain/clock.js";
import { inspectLocations } from "../project/doc-locations.js";
import { readHistory } from "../project/history.js";
import type { Project } from "../project/load.js";

export interface FreshnessFacts {
  report: FreshnessReport;
  /** Notes for stderr, e.g. that there is no git history. */
  warnings: string[];
  repoPrefix: string;
  gitProcesses: number;
}

export async function assessProjectFreshness(project: Project, clock: Clock, owner?: string): Promise<FreshnessFacts> {
  const locations = inspectLocations(project.root, project.docs.map((doc) => doc.location));
  const docPaths = [...locations.values()].flatMap((fact) => (fact.kind === "file" && fact.exists ? [fact.path] : []));
  const architecture = project.files.find((file) => file.kind === "architecture");
  const history = await readHistory(project.root, architecture, docPaths);
  const report = assessFreshness(
    { ...project, today: clock.today, timezone: clock.timezone, locations, git: history, sourceOf: (doc) => project.where(doc) },
    { owner },
  );
  const warnings = history.available ? [] : [`no git history (${history.unavailableReason}): staleness comes from review intervals and change records only`];
  return { report, warnings, repoPrefix: history.prefix, gitProcesses: history.gitProcesses };
}
