// One client's row of tam portfolio: read the project (cloned or fetched first when the portfolio
// names a git URL), compute its figures, let its data go. Runs in the main thread or in a worker of
// the pool (portfolio-worker.ts): its input and output are plain data.
import { relative } from "node:path";
import { GitError, ProjectError, UsageError } from "../errors.js";
import type { Incident } from "../model/files.js";
import type { Issue } from "../model/issues.js";
import { clientFigures, tamMatches, urgencyOf, type ClientRow, type TamIdentity } from "../domain/portfolio.js";
import { isOpenIncident } from "../domain/incidents/notify.js";
import { projectStatus } from "../domain/tracking/status.js";
import { openActions, reviewsDue } from "../domain/validation/review-rules.js";
import { findProjectRoot } from "../project/discover.js";
import type { Project } from "../project/load.js";
import { syncClone } from "../project/portfolio-cache.js";
import type { PortfolioEntry } from "../project/portfolio-paths.js";
import { clockFor, openProject, projectAsOf } from "./context.js";
import { requireValidForDocs } from "./docs-valid.js";
import { assessProjectFreshness } from "./freshness-facts.js";
import { slaStream } from "./report-sla.js";

export interface RowOptions {
  cwd: string;
  asOf?: string;
  now?: number;
  /** Only the clients of this TAM; the others give no row. */
  who?: TamIdentity;
  /** Where clients named by a git URL are cloned. */
  cache: string;
}

/** Why a project could not be read, in one line: the error and its first located findings. */
export function rowError(error: unknown, root: string | undefined, cwd: string): string {
  if (error instanceof ProjectError) {
    const where = (issue: Issue) => {
      const file = root ? relative(cwd, `${root}/${issue.file}`) : issue.file;
      return `${file}${issue.line ? `:${issue.line}:${issue.col ?? 1}` : ""}: ${issue.message}`;
    };
    const shown = error.issues.slice(0, 3).map(where);
    const more = error.issues.length > 3 ? `; and ${error.issues.length - 3} more` : "";
    return `${error.message.replace(/:$/, "")}${shown.length ? `: ${shown.join("; ")}${more}` : ""}`;
  }
  if (error instanceof UsageError || error instanceof GitError) return error.message;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code) return `${(error as Error).message}`;
  // A bug of tam's, reported on its row rather than ending the run.
  return `internal error: ${error instanceof Error ? error.message : String(error)}`;
}

/** The project folder of an entry: the folder itself, or the clone of its git URL brought up to date. */
export async function entryRoot(entry: PortfolioEntry, cwd: string, cache: string): Promise<string> {
  return findProjectRoot(entry.git === undefined ? entry.path : await syncClone(entry.git, cache), cwd);
}

/**
 * The incidents of one file that tam status needs for its follow-up lists: open ones (escalations),
 * those with open review actions, and those whose review is due. The others are let go with the file
 * (a project's whole incident log is never held).
 */
function followedUp(incidents: Incident[], manifest: Project["manifest"], clock: { today: string; now: number; timezone: string }): Incident[] {
  const reviews = new Set(reviewsDue({ manifest, incidents }, clock).map((due) => due.incident));
  const actions = new Set(openActions(incidents).map((open) => open.incident));
  return incidents.filter((incident) => incident !== null && typeof incident === "object" && (isOpenIncident(incident) || reviews.has(incident) || actions.has(incident)));
}

/** One client's row: status (open changes against the promise, follow-up due), SLA month to date, documents; undefined when filtered out. */
export async function clientRow(entry: PortfolioEntry, options: RowOptions): Promise<ClientRow | undefined> {
  const { cwd } = options;
  const row: ClientRow = { path: entry.path, client: null, project: null, tam: null, urgency: 0, figures: null, error: null, notes: [] };
  let root: string | undefined;
  try {
    root = await entryRoot(entry, cwd, options.cache);
    // One read of the project: the incident files are streamed into the SLA month as they are read, and let go.
    let sla: ReturnType<typeof slaStream> | undefined;
    let readClock: ReturnType<typeof clockFor> | undefined;
    const clockOf = (project: Project) => {
      try {
        return clockFor(project, options.asOf, options.now);
      } catch {
        // A tam.yaml without a readable zone: the project's errors are reported below, before any figure.
        return clockFor(undefined, options.asOf, options.now);
      }
    };
    const slaOf = (project: Project) => {
      readClock ??= clockOf(project);
      const today = readClock.today;
      return slaStream({ asOf: options.asOf, now: options.now, from: `${today.slice(0, 8)}01`, to: today, by: "priority" });
    };
    // The incidents status needs for escalations and reviews, kept as the files stream by; the meetings
    // for their commitments (and the recommendations they refer to, to validate them).
    const kept: Incident[] = [];
    const project = openProject({ project: root }, ["departments", "architecture", "changes", "docs", "incidents", "recommendations", "meetings"], {
      eachIncidentFile(file, project) {
        sla ??= slaOf(project);
        sla.eachIncidentFile(file, project);
        readClock ??= clockOf(project);
        kept.push(...followedUp(file.incidents, project.manifest, readClock));
      },
    });
    sla ??= slaOf(project);
    const manifest = project.manifest;
    if (manifest && typeof manifest === "object") {
      row.client = typeof manifest.client?.name === "string" ? manifest.client.name : null;
      row.project = typeof manifest.project?.id === "string" ? manifest.project.id : null;
      row.tam = typeof manifest.tam?.name === "string" ? { name: manifest.tam.name, email: typeof manifest.tam.email === "string" ? manifest.tam.email : null } : null;
    }
    if (options.who !== undefined && !tamMatches(row.tam ?? undefined, options.who)) return undefined;
    requireValidForDocs(project, sla.incidentErrors());
    const clock = clockFor(project, options.asOf, options.now);
    const view = projectAsOf(project, clock);
    const status = projectStatus({ ...view, incidents: kept, meetings: project.meetings, today: clock.today, timezone: clock.timezone, now: clock.now, where: view.where });
    // The documents' freshness waits on git processes: the SLA month is computed meanwhile.
    const pending = assessProjectFreshness(project, clock, { sources: false });
    pending.catch(() => undefined); // awaited below; this only keeps an early throw from leaving it unhandled
    const month = sla.report(project);
    const freshness = await pending;
    row.notes.push(...freshness.warnings);
    const priorities = new Map(kept.map((incident) => [incident.id, incident.priority]));
    row.figures = clientFigures(status, month, freshness.report, (id) => priorities.get(id));
    row.urgency = urgencyOf(row.figures);
  } catch (error) {
    // A client filtered out is not a row, even when it cannot be read past its tam.yaml.
    if (options.who !== undefined && row.tam !== null && !tamMatches(row.tam, options.who)) return undefined;
    row.error = rowError(error, root, cwd);
    row.figures = null;
  }
  return row;
}
