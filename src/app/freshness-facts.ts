// Gathers what the freshness assessment needs from disk and git (doc locations; one rev-parse,
// one log, one cat-file) and runs it. Shared by docs check, arch risks and report.
import { assessFreshness, type FreshnessReport } from "../domain/freshness/index.js";
import type { Clock } from "../domain/clock.js";
import { addDays } from "../domain/dates.js";
import type { DateText, DocEntry } from "../model/files.js";
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

/**
 * The oldest day whose commits can matter: the oldest review, less two days for commits dated in
 * another zone. A covers entry naming no current component needs the whole history (the commit
 * that removed or renamed it may be older than any review), and so does a project without reviews.
 */
function historySince(project: Pick<Project, "docs" | "components">): DateText | undefined {
  const known = new Set(project.components.map((component) => component.id));
  if (project.docs.some((doc) => (doc.covers ?? []).some((id) => !known.has(id)))) return undefined;
  const reviews = project.docs.flatMap((doc) => (typeof doc.last_review?.date === "string" ? [doc.last_review.date] : [])).sort();
  return reviews.length ? addDays(reviews[0]!, -2) : undefined;
}

export interface FreshnessOptions {
  /** Only the docs of this owner (docs check --owner). */
  owner?: string;
  /** Where each doc is written in docs.yaml (default true); the client report shows no doc, and skips locating 2,000 of them. */
  sources?: boolean;
}

export async function assessProjectFreshness(project: Project, clock: Clock, { owner, sources = true }: FreshnessOptions = {}): Promise<FreshnessFacts> {
  const locations = inspectLocations(
    project.root,
    project.docs.map((doc) => doc.location),
  );
  const docPaths = [...locations.values()].flatMap((fact) => (fact.kind === "file" && fact.exists ? [fact.path] : []));
  const architecture = project.files.find((file) => file.kind === "architecture");
  const history = await readHistory(project.root, { architecture, docPaths, since: historySince(project), baseline: project.manifest?.docs?.baseline?.commit });
  const sourceOf = sources ? { sourceOf: (doc: DocEntry) => project.where(doc) } : {};
  const report = assessFreshness({ ...project, today: clock.today, timezone: clock.timezone, locations, git: history, ...sourceOf }, { owner });
  const warnings = history.available ? [...history.notes] : [`no git history (${history.unavailableReason}): staleness comes from review intervals and change records only`];
  return { report, warnings, repoPrefix: history.prefix, gitProcesses: history.gitProcesses };
}
