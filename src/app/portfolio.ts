// Use cases: the portfolio view across client projects (tam portfolio) and the query across their
// components (tam portfolio find). Each project is read, reported and let go: the run holds at most
// two projects' data at a time and the rows. A project that cannot be read is a row with its error.
import { relative } from "node:path";
import { ProjectError, UsageError } from "../errors.js";
import type { Issue } from "../model/issues.js";
import { parseVersionConstraint } from "../domain/arch/version.js";
import { clientFigures, findComponents, portfolioOf, sortFound, urgencyOf, type ClientRow, type FoundComponent, type Portfolio } from "../domain/portfolio.js";
import { projectStatus } from "../domain/tracking/status.js";
import { findProjectRoot } from "../project/discover.js";
import { portfolioPaths } from "../project/portfolio-paths.js";
import { requireValidIn } from "../project/check.js";
import { FILE_NAMES } from "../project/load.js";
import { closest } from "../util/suggest.js";
import { clockFor, openProject, projectAsOf, type ClockOptions } from "./context.js";
import { requireValidForDocs } from "./docs-valid.js";
import { assessProjectFreshness } from "./freshness-facts.js";
import { reportSla } from "./report-sla.js";

/** Projects in hand at once (see portfolio()). */
const LANES = 2;

export interface PortfolioSources {
  /** Project folders or globs. */
  paths: readonly string[];
  /** A portfolio file listing project folders. */
  file?: string;
  /** Where relative paths start (default: the working directory). */
  cwd?: string;
}

export interface PortfolioOptions extends PortfolioSources, ClockOptions {
  /** Only the clients of this TAM (name or e-mail, case-insensitive). */
  tam?: string;
}

function sourcesOf(options: PortfolioSources): { cwd: string; paths: string[] } {
  const cwd = options.cwd ?? process.cwd();
  const paths = portfolioPaths(options.paths, options.file, cwd);
  if (paths.length === 0) throw new UsageError("no client projects: give their folders (or a glob such as clients/*) or --file portfolio.yaml");
  return { cwd, paths };
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
  if (error instanceof UsageError) return error.message;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code) return `${(error as Error).message}`;
  // A bug of tam's, reported on its row rather than ending the run.
  return `internal error: ${error instanceof Error ? error.message : String(error)}`;
}

function tamMatches(tam: { name: string; email?: string } | undefined, wanted: string): boolean {
  const w = wanted.trim().toLowerCase();
  return tam !== undefined && (tam.name.toLowerCase() === w || tam.email?.toLowerCase() === w);
}

/** One client's row: status (open changes against the promise), SLA month to date, documents. */
async function clientRow(path: string, cwd: string, options: PortfolioOptions): Promise<ClientRow | undefined> {
  const row: ClientRow = { path, client: null, project: null, tam: null, urgency: 0, figures: null, error: null, notes: [] };
  let root: string | undefined;
  try {
    root = findProjectRoot(path, cwd);
    // Incidents are streamed by the SLA report below, not loaded here.
    const project = openProject({ project: root }, ["departments", "architecture", "changes", "docs"]);
    const manifest = project.manifest;
    if (manifest && typeof manifest === "object") {
      row.client = typeof manifest.client?.name === "string" ? manifest.client.name : null;
      row.project = typeof manifest.project?.id === "string" ? manifest.project.id : null;
      row.tam = typeof manifest.tam?.name === "string" ? { name: manifest.tam.name, email: manifest.tam.email ?? null } : null;
    }
    if (options.tam !== undefined && !tamMatches(manifest?.tam, options.tam)) return undefined;
    requireValidForDocs(project);
    const clock = clockFor(project, options.asOf, options.now);
    const view = projectAsOf(project, clock);
    const status = projectStatus({ ...view, today: clock.today, timezone: clock.timezone, now: clock.now, where: view.where });
    // The documents' freshness waits on git processes: the SLA month is computed meanwhile.
    const pending = assessProjectFreshness(project, clock, { sources: false });
    pending.catch(() => undefined); // awaited below; this only keeps an early throw from leaving it unhandled
    const { report: sla } = reportSla({ project: root, asOf: options.asOf, now: options.now, from: `${clock.today.slice(0, 8)}01`, to: clock.today, by: "priority" });
    const freshness = await pending;
    row.notes.push(...freshness.warnings);
    row.figures = clientFigures(status, sla, freshness.report);
    row.urgency = urgencyOf(row.figures);
  } catch (error) {
    row.error = rowError(error, root, cwd);
    row.figures = null;
  }
  return row;
}

export async function portfolio(options: PortfolioOptions): Promise<Portfolio> {
  const { cwd, paths } = sourcesOf(options);
  const today = clockFor(undefined, options.asOf, options.now).today;
  const rows: (ClientRow | undefined)[] = new Array(paths.length);
  // Two projects in hand at a time, in one thread: while one waits for its git processes (document
  // freshness), the other is computed. A project's data is let go once its row is computed.
  let next = 0;
  const lane = async () => {
    while (next < paths.length) {
      const index = next++;
      rows[index] = await clientRow(paths[index]!, cwd, options);
    }
  };
  await Promise.all(Array.from({ length: Math.min(LANES, paths.length) }, lane));
  return portfolioOf(
    today,
    rows.filter((row): row is ClientRow => row !== undefined),
  );
}

export interface PortfolioFindOptions extends PortfolioSources {
  product: string;
  /** A constraint: "<2019", ">=8.0.3", ">=8.0,<8.0.35". */
  version?: string;
  internetFacing?: boolean;
}

export interface PortfolioFindResult {
  query: { product: string; version: string | null; internetFacing: boolean };
  /** How many projects were searched (those with errors included). */
  searched: number;
  found: FoundComponent[];
  errors: { path: string; error: string }[];
  /** When no component records the product: the recorded product closest to it, if any (a typo). */
  didYouMean: string | null;
}

export async function portfolioFind(options: PortfolioFindOptions): Promise<PortfolioFindResult> {
  if (options.product.trim() === "") throw new UsageError('--product: give the product\'s name, e.g. "Windows Server"');
  const version = options.version === undefined ? undefined : parseVersionConstraint(options.version);
  if (typeof version === "string") throw new UsageError(`--versions: ${version}`);
  const { cwd, paths } = sourcesOf(options);
  const found: FoundComponent[] = [];
  const errors: PortfolioFindResult["errors"] = [];
  const products = new Set<string>();
  for (const path of paths) {
    let root: string | undefined;
    try {
      root = findProjectRoot(path, cwd);
      const project = openProject({ project: root }, ["departments", "architecture"]);
      requireValidIn(project, [FILE_NAMES.manifest, FILE_NAMES.architecture]);
      const manifest = project.manifest!;
      const client = { path, client: manifest.client.name, tam: { name: manifest.tam.name, email: manifest.tam.email ?? null } };
      for (const component of project.components) if (typeof component.product === "string") products.add(component.product);
      found.push(...findComponents(client, project.components, { product: options.product, ...(version ? { version } : {}), internetFacing: options.internetFacing === true }));
    } catch (error) {
      errors.push({ path, error: rowError(error, root, cwd) });
    }
  }
  return {
    query: { product: options.product, version: options.version ?? null, internetFacing: options.internetFacing === true },
    searched: paths.length,
    found: sortFound(found),
    errors,
    didYouMean: suggestion(options.product, products),
  };
}

/** The recorded product the user probably meant, when none is recorded as typed (case and spaces aside). */
function suggestion(product: string, recorded: ReadonlySet<string>): string | null {
  const normal = (s: string) => s.trim().replace(/\s+/g, " ").toLowerCase();
  const byNormal = new Map([...recorded].map((p) => [normal(p), p]));
  if (byNormal.has(normal(product))) return null;
  const guess = closest(normal(product), byNormal.keys());
  return guess === undefined ? null : byNormal.get(guess)!;
}
