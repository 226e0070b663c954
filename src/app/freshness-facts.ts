// Gathers what the freshness assessment needs from disk and git (doc locations; one rev-parse,
// one log, one cat-file) and runs it. Shared by docs check, arch risks and report.
import { assessFreshness, type FreshnessReport } from "../domain/freshness/index.js";
import type { Clock } from "../domain/clock.js";
import { addDays } from "../domain/dates.js";
import type { LocationFact } from "../domain/freshness/types.js";
import type { DateText, DocEntry } from "../model/files.js";
import { inspectLocations } from "../project/doc-locations.js";
import { type History, readHistory } from "../project/history.js";
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

/** The git reads of an assessment, started: git works while tam checks the project. */
export interface StartedFreshness {
  locations: Map<string, LocationFact>;
  history: Promise<History>;
}

function startReads(project: Project): StartedFreshness {
  const locations = inspectLocations(
    project.root,
    project.docs.map((doc) => doc.location),
  );
  const docPaths = [...locations.values()].flatMap((fact) => (fact.kind === "file" && fact.exists ? [fact.path] : []));
  const architecture = project.files.find((file) => file.kind === "architecture");
  const history = readHistory(project.root, { architecture, docPaths, since: historySince(project), baseline: project.manifest?.docs?.baseline?.commit });
  return { locations, history };
}

/**
 * Starts the git processes of the assessment on a project read but not checked yet, so that they
 * run while it is checked. Its data are not known to be valid: whatever does not have the shape
 * validation would accept starts nothing here (undefined), and assessProjectFreshness starts the
 * reads after the checks, as it would have anyway. A project the checks refuse leaves the
 * processes' answer unread.
 */
export function startFreshness(project: Project): StartedFreshness | undefined {
  const baseline = project.manifest?.docs?.baseline?.commit;
  // A value the schema refuses is never handed to git (it would be read as an option, say).
  if (baseline !== undefined && !(typeof baseline === "string" && /^[0-9a-f]{7,64}$/.test(baseline))) return undefined;
  try {
    const started = startReads(project);
    started.history.catch(() => undefined);
    return started;
  } catch {
    return undefined;
  }
}

export async function assessProjectFreshness(project: Project, clock: Clock, { owner, sources = true }: FreshnessOptions = {}, started?: StartedFreshness): Promise<FreshnessFacts> {
  const { locations, history: reading } = started ?? startReads(project);
  const history = await reading;
  const sourceOf = sources ? { sourceOf: (doc: DocEntry) => project.where(doc) } : {};
  const report = assessFreshness({ ...project, today: clock.today, timezone: clock.timezone, locations, git: history, ...sourceOf }, { owner });
  const warnings = history.available ? [...history.notes] : [`no git history (${history.unavailableReason}): staleness comes from review intervals and change records only`];
  return { report, warnings, repoPrefix: history.prefix, gitProcesses: history.gitProcesses };
}
