// How bin/tam.js starts the CLI. A short command on a small project spent most of its time
// resolving, reading and compiling ~100 ES modules and the packages they require (see
// docs/benchmarks.md, "Start-up per command"), so the CLI also ships as one bundled file,
// dist/tam-cli.cjs (scripts/build-bundle.mjs), compiled with vm.Script from a V8 code cache, the
// way v8-compile-cache does. The cache is made after a command's first run, so that it holds every
// function the command compiled, and kept in the user's cache folder, one per command (the one
// that ran: not the help of its group), bundle and V8 version. Node's own compile cache
// (module.enableCompileCache, Node 22.8+) is turned on for what tam loads outside the bundle
// (yaml, markdown-it, ajv's compiler); for the bundle it holds only what is compiled before the
// run, so tam keeps its own (measured in
// docs/benchmarks.md, "Start-up and Node versions"; Node 20 has no compile cache). A cache is only
// ever an optimisation: a missing, foreign, corrupt or unwritable cache costs a normal compile and
// is never reported. Without a bundle, or with one older than dist/cli.js (tsc run alone), the ES
// modules are loaded. bin/tam.js runs this module as dist/launch.cjs, a CommonJS copy the bundle's
// build makes (scripts/build-bundle.mjs), so that node starts no ES module loader for its entry; a
// change here needs that build, not tsc alone.
//
// Knobs for tests and the bench, not for users: TAM_NO_BUNDLE=1 loads the ES modules of dist/;
// TAM_NO_CODE_CACHE=1 compiles the bundle without a cache; TAM_TIMINGS=1 prints a line
// `tam-timings {…}` on stderr at exit (milliseconds since the process started, and how tam was
// loaded).
import type { Script } from "node:vm";
import type * as Cli from "./cli.js";

// Built-in modules through process.getBuiltinModule, not `import`: an ES import of a built-in builds
// a module facade for it, about 2 ms for these six before tam's first line runs.
const { mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } = process.getBuiltinModule("node:fs");
const module = process.getBuiltinModule("node:module");
const { createRequire } = module;
const { homedir } = process.getBuiltinModule("node:os");
const { dirname, join } = process.getBuiltinModule("node:path");
const { fileURLToPath } = process.getBuiltinModule("node:url");
const vm = process.getBuiltinModule("node:vm");

type CliModule = typeof Cli;

/** Node 22.8+ (not in the types of Node 20). */
const enableCompileCache = (module as { enableCompileCache?: () => unknown }).enableCompileCache;
const BUNDLE = fileURLToPath(new URL("./tam-cli.cjs", import.meta.url));

/**
 * The words of argv that may name a command of the table (["change", "plan"]), skipping options
 * and -C's folder before the first: at most three, as the table's paths are; none for `tam`,
 * `tam --version`. A guess, for finding a code cache: the command a run reached says which cache
 * it writes (cacheKeyAfter).
 */
export function commandWordsOf(argv: string[]): string[] {
  const words: string[] = [];
  for (let i = 2; i < argv.length && words.length < 3; i++) {
    const arg = argv[i]!;
    if (arg === "-C" || arg === "--project") i++;
    else if (arg.startsWith("-")) {
      if (words.length > 0) break;
    } else if (/^(__)?[a-z][a-z-]{0,30}$/.test(arg)) words.push(arg);
    else break;
  }
  return words;
}

/** The cache names to look for, most specific first: "change-plan", then "change"; "start" for no command. */
export function cacheKeysOf(argv: string[]): string[] {
  const words = commandWordsOf(argv);
  return words.length === 0 ? ["start"] : words.map((_, i) => words.slice(0, words.length - i).join("-"));
}

/**
 * The cache a run writes: the one of the command it ran, so that a cache holds the functions of
 * that command (`tam change --help` run first must not leave "change" a cache of the help); of
 * "start" for a run with no command word; none for help, a usage error or a failure.
 */
export function cacheKeyAfter(argv: string[], ran: readonly string[] | undefined): string | undefined {
  if (ran !== undefined) return ran.join("-");
  return commandWordsOf(argv).length === 0 ? "start" : undefined;
}

/** How the CLI was loaded this run, for TAM_TIMINGS. */
type LoadedBy = "es-modules" | "bundle" | "bundle+code-cache" | "bundle, cache rejected" | "bundle, no cache";

/** First line of a cache file: what it was made from, so a cache of another bundle or V8 is never handed to V8. */
export const cacheHeader = (bundleId: string) => `tam-code-cache ${bundleId} v8-${process.versions.v8}\n`;

/** The id the build wrote into the bundle's first line (a hash of its content). */
export function bundleIdOf(source: string): string | undefined {
  return /^\/\/ tam-bundle ([0-9a-f]+)\n/.exec(source.slice(0, 100))?.[1];
}

/** tam's folder in the user's cache folder; also where the CLI keeps zone offsets (src/cli.ts). */
function userCacheFolder(): string | undefined {
  let base = process.env.XDG_CACHE_HOME || (process.platform === "win32" && process.env.LOCALAPPDATA) || undefined;
  try {
    base ??= join(homedir(), ".cache");
  } catch {
    return undefined; // no home (a service account without one): no cache of tam's own
  }
  return join(base, "tam");
}

/** The cache file in `folder` for this bundle, this command ("change-plan", "start") and this V8. */
function cacheFile(folder: string, bundleId: string, key: string): string {
  return join(folder, `tam-cli-${bundleId}-${key}-v8-${process.versions.v8}.cache`);
}

/** The cached data in `file` if it was made for this bundle and this V8, else undefined. */
function readCache(file: string, header: string): Buffer | undefined {
  try {
    const data = readFileSync(file);
    return data.subarray(0, header.length).toString("latin1") === header ? data.subarray(header.length) : undefined;
  } catch {
    return undefined;
  }
}

/** Writes a cache file atomically (a concurrent run reads the old file or the new one); never fails. */
function writeCache(file: string, header: string, data: Buffer): void {
  try {
    mkdirSync(dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, Buffer.concat([Buffer.from(header, "latin1"), data]));
    renameSync(temporary, file);
  } catch {
    // A read-only home, a full disk: the next run compiles again.
  }
}

/** Caches of other builds of tam untouched this long are deleted when tam writes one (two installed versions keep theirs). */
const STALE_MS = 7 * 86_400_000;

/** Deletes the caches of other bundles in `folder` not written for STALE_MS; never fails. */
export function pruneCaches(folder: string, bundleId: string, now = Date.now()): void {
  try {
    for (const name of readdirSync(folder)) {
      const id = /^tam-cli-([0-9a-f]+)-/.exec(name)?.[1];
      if (id === undefined || id === bundleId) continue;
      const path = join(folder, name);
      if (now - statSync(path).mtimeMs > STALE_MS) unlinkSync(path);
    }
  } catch {
    // Another tam pruning at the same time, a folder that went away: nothing to do.
  }
}

/** The bundle as a compiled script: `run()` evaluates it, `script` can make cached data after the run. */
function compileBundle(source: string, cachedData?: Buffer): { script: Script; run: () => CliModule } {
  // The wrapper of a CommonJS module: the bundle uses require, module and __dirname. No
  // importModuleDynamically: the build leaves no import() in the bundle (scripts/build-bundle.mjs).
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: BUNDLE,
    cachedData,
  });
  const run = () => {
    const bundleModule = { exports: {} as CliModule };
    (script.runInThisContext() as (...args: unknown[]) => void)(bundleModule.exports, createRequire(BUNDLE), bundleModule, BUNDLE, dirname(BUNDLE));
    return bundleModule.exports;
  };
  return { script, run };
}

/**
 * Whether there is a bundle not clearly older than the tsc output: after `tsc` alone (a developer's
 * build) the bundle would run the code before the change. tsc is incremental (tsconfig.json): it
 * rewrites only the files it changed, and always its record, dist/tsconfig.tsbuildinfo, which an
 * installed package does not have (package.json "files"); there dist/cli.js stands for the build.
 * Not to the millisecond: npm and git write a package's files in any order, within moments.
 */
function bundleIsCurrent(): boolean {
  try {
    const built = statSync(BUNDLE).mtimeMs + SAME_BUILD_MS;
    const record = statSync(fileURLToPath(new URL("./tsconfig.tsbuildinfo", import.meta.url)), { throwIfNoEntry: false });
    return built >= (record?.mtimeMs ?? 0) && built >= statSync(fileURLToPath(new URL("./cli.js", import.meta.url))).mtimeMs;
  } catch {
    return false;
  }
}

/** Files of one build, or of one install, written within this many milliseconds of each other. */
const SAME_BUILD_MS = 2000;

interface Loaded {
  cli: CliModule;
  by: LoadedBy;
  /** The bundle's id, when the bundle was read: main() keeps the findings of an unchanged project under it. */
  buildId?: string;
  /** After the run: writes the cache of the command that ran (cacheKeyAfter) when none fitted. */
  after: (ran: readonly string[] | undefined) => void;
}

/** `cacheFolder`: tam's folder in the user's cache folder (userCacheFolder), undefined for none. */
function load(argv: string[], cacheFolder: string | undefined): Loaded | Promise<Loaded> {
  const debug = argv.includes("--debug");
  const none = () => {};
  // Before anything else is loaded: Node compiles what it loads from here on with its own cache.
  enableCompileCache?.();
  if (process.env.TAM_NO_BUNDLE === "1" || !bundleIsCurrent()) return import("./cli.js").then((cli) => ({ cli, by: "es-modules" as const, after: none }));
  const require = createRequire(import.meta.url);
  if (debug) {
    // Stack traces name the files of dist/ through the bundle's source map.
    process.setSourceMapsEnabled(true);
    return { cli: require(BUNDLE) as CliModule, by: "bundle", after: none };
  }
  // The build keeps the bundle ASCII: latin1 reads it as is, without decoding UTF-8.
  const source = readFileSync(BUNDLE, "latin1");
  const id = bundleIdOf(source);
  if (id === undefined || process.env.TAM_NO_CODE_CACHE === "1" || cacheFolder === undefined) return { cli: compileBundle(source).run(), by: "bundle, no cache", buildId: id, after: none };
  const header = cacheHeader(id);
  let found: { key: string; data: Buffer } | undefined;
  for (const key of cacheKeysOf(argv)) {
    const data = readCache(cacheFile(cacheFolder, id, key), header);
    if (data !== undefined) {
      found = { key, data };
      break;
    }
  }
  const { script, run } = compileBundle(source, found?.data);
  const cli = run();
  const fits = found !== undefined && !script.cachedDataRejected;
  return {
    cli,
    by: fits ? "bundle+code-cache" : found ? "bundle, cache rejected" : "bundle, no cache",
    buildId: id,
    // Made after the run, the cache holds every function the command compiled, not only the top level.
    after: (ran) => {
      const key = cacheKeyAfter(argv, ran);
      if (key === undefined || (fits && key === found?.key)) return;
      const file = cacheFile(cacheFolder, id, key);
      writeCache(file, header, script.createCachedData());
      pruneCaches(cacheFolder, id);
    },
  };
}

/** Milliseconds since the process started. (The global `performance` loads node:perf_hooks on first use, about 1 ms.) */
const sinceStart = () => process.uptime() * 1000;

/** Runs tam on process.argv; resolves to the exit code. */
export async function launch(argv: string[]): Promise<number> {
  const started = sinceStart();
  const cacheFolder = userCacheFolder();
  const loaded = await load(argv, cacheFolder);
  const ready = sinceStart();
  const code = await loaded.cli.main(argv, undefined, cacheFolder, loaded.buildId);
  const done = sinceStart();
  try {
    loaded.after(loaded.cli.commandThatRan());
  } catch {
    // Making the cache failed (V8 out of memory after a large run, …): the command's result stands.
  }
  if (process.env.TAM_TIMINGS === "1") {
    const ms = (value: number) => Math.round(value * 10) / 10;
    process.stderr.write(`tam-timings ${JSON.stringify({ by: loaded.by, nodeStart: ms(started), load: ms(ready - started), run: ms(done - ready), cacheWrite: ms(sinceStart() - done) })}\n`);
  }
  return code;
}
