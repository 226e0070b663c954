// Use cases: the portfolio view across client projects (tam portfolio) and the query across their
// components (tam portfolio find). Each project is read, reported and let go: a reader (this thread,
// or each worker of the pool from 100 projects on) holds at most two projects' data at a time, and the
// run holds the rows. A project that cannot be read (or cloned, or fetched) is a row with its error.
import { availableParallelism } from "node:os";
import { UsageError } from "../errors.js";
import { parseVersionConstraint } from "../domain/arch/version.js";
import { findComponents, portfolioOf, sortFound, type ClientRow, type FoundComponent, type Portfolio, type TamIdentity } from "../domain/portfolio.js";
import { gitIdentity } from "../project/identity.js";
import { defaultPortfolioCache } from "../project/portfolio-cache.js";
import { portfolioPaths, type PortfolioEntry } from "../project/portfolio-paths.js";
import { requireValidIn } from "../project/check.js";
import { FILE_NAMES } from "../project/load.js";
import { closest } from "../util/suggest.js";
import { clockFor, openProject, type ClockOptions } from "./context.js";
import { poolRows, PER_WORKER, type PoolKind } from "./portfolio-pool.js";
import { clientRow, entryRoot, rowError, type RowOptions } from "./portfolio-row.js";

/**
 * Below this many projects the rows are computed in this thread: starting a worker (loading tam's
 * modules again) costs about 0.6 s of CPU. Measured on 2 busy cores: at 40 projects two worker
 * threads took 1.16x the wall time of one thread; at 300, 0.56x (docs/benchmarks.md).
 */
const POOL_FROM = 100;

export interface PortfolioSources {
  /** Project folders, globs or git URLs. */
  paths: readonly string[];
  /** A portfolio file listing project folders and git URLs. */
  file?: string;
  /** Where relative paths start (default: the working directory). */
  cwd?: string;
  /** Where clients named by a git URL are cloned (default: the user's cache folder, tam/portfolio). */
  cache?: string;
}

export interface PortfolioOptions extends PortfolioSources, ClockOptions {
  /** Only the clients of this TAM (name or e-mail, case-insensitive). */
  tam?: string;
  /** Only my clients: true for git's user.name and user.email (where `cwd` is), or a name or e-mail given. */
  mine?: string | true;
  /** Workers reading projects in parallel (default: one per core from 100 projects on; 1 reads them in this thread). */
  workers?: number;
  /** Worker threads or child processes (default: threads; TAM_PORTFOLIO_POOL=processes for the bench). */
  pool?: PoolKind;
}

function sourcesOf(options: PortfolioSources): { cwd: string; entries: PortfolioEntry[]; cache: string } {
  const cwd = options.cwd ?? process.cwd();
  const entries = portfolioPaths(options.paths, options.file, cwd);
  if (entries.length === 0) throw new UsageError("no client projects: give their folders (or a glob such as clients/*) or --file portfolio.yaml");
  return { cwd, entries, cache: options.cache ?? defaultPortfolioCache() };
}

/** Whose clients to show: --tam, --mine VALUE, or --mine alone (git's identity); undefined for everyone's. */
export async function whoOf(options: Pick<PortfolioOptions, "tam" | "mine" | "cwd">): Promise<TamIdentity | undefined> {
  if (options.tam !== undefined && options.mine !== undefined) throw new UsageError("--tam and --mine: give one of them (--mine NAME|EMAIL is --tam NAME|EMAIL)");
  const given = options.tam ?? (typeof options.mine === "string" ? options.mine : undefined);
  if (given !== undefined) {
    if (given.trim() === "") throw new UsageError(`${options.tam !== undefined ? "--tam" : "--mine"}: give a TAM's name or e-mail`);
    return { name: given, email: given };
  }
  if (options.mine !== true) return undefined;
  const { name, email } = await gitIdentity(options.cwd ?? process.cwd());
  if (!name && !email) throw new UsageError("--mine: git has no user.name or user.email here; give yours: --mine NAME|EMAIL");
  return { ...(name ? { name } : {}), ...(email ? { email } : {}) };
}

/**
 * Workers for `count` projects: as asked, else one per core from POOL_FROM projects on. Measured on
 * 300 projects with the 2 cores busy with other work (load 21): threads 0.21x, child processes 0.22x,
 * one thread 0.37x of the statuses one after another (docs/benchmarks.md).
 */
function workersFor(count: number, asked: number | undefined): number {
  if (asked !== undefined) return Math.max(1, Math.floor(asked));
  return count < POOL_FROM ? 1 : Math.max(1, availableParallelism());
}

export async function portfolio(options: PortfolioOptions): Promise<Portfolio> {
  const { cwd, entries, cache } = sourcesOf(options);
  const who = await whoOf({ ...options, cwd });
  const today = clockFor(undefined, options.asOf, options.now).today;
  const rowOptions: RowOptions = { cwd, cache, ...(options.asOf === undefined ? {} : { asOf: options.asOf }), ...(options.now === undefined ? {} : { now: options.now }), ...(who ? { who } : {}) };
  // TAM_PORTFOLIO_POOL (threads, processes: one worker per core; none: this thread): a knob of the bench, not for users.
  const knob = process.env.TAM_PORTFOLIO_POOL;
  const workers = workersFor(entries.length, options.workers ?? (knob === "none" ? 1 : knob === "threads" || knob === "processes" ? availableParallelism() : undefined));
  const pool = options.pool ?? (knob === "processes" ? "processes" : "threads");
  const rows = workers > 1 ? await poolRows(entries, rowOptions, workers, pool) : await inThisThread(entries, rowOptions);
  return portfolioOf(
    today,
    rows.filter((row): row is ClientRow => row !== undefined),
  );
}

/** The rows in this thread, two projects in hand at a time: while one waits for its git processes (document freshness), the other is computed. */
async function inThisThread(entries: readonly PortfolioEntry[], options: RowOptions): Promise<(ClientRow | undefined)[]> {
  const rows: (ClientRow | undefined)[] = new Array(entries.length);
  let next = 0;
  const lane = async () => {
    while (next < entries.length) {
      const index = next++;
      rows[index] = await clientRow(entries[index]!, options);
    }
  };
  await Promise.all(Array.from({ length: Math.min(PER_WORKER, entries.length) }, lane));
  return rows;
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
  const { cwd, entries, cache } = sourcesOf(options);
  const found: FoundComponent[] = [];
  const errors: PortfolioFindResult["errors"] = [];
  const products = new Set<string>();
  for (const entry of entries) {
    const path = entry.path;
    let root: string | undefined;
    try {
      root = await entryRoot(entry, cwd, cache);
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
    searched: entries.length,
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
