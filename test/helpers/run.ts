// Spawns the built CLI the way a user or CI would: NO_COLOR, no TTY, a given working directory.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { setPriority, tmpdir } from "node:os";
import { MessageChannel, receiveMessageOnPort, Worker } from "node:worker_threads";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const BIN = join(REPO, "bin/tam.js");
export const FIXTURES = join(REPO, "test/fixtures");
export const EXAMPLE = join(REPO, "examples/northwind");

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `tam <args>` and waits for it. In `npm test` a call with no working directory, environment or
 * input of its own runs in-process (runInProcess: the same main() and output sink, without a Node
 * start-up per call); TAM_TEST_SPAWN=1 spawns every call, as CI's end-to-end tier at each Node
 * version does, and spawnedTam always spawns.
 */
export function runTam(args: string[], options: { cwd?: string; env?: Record<string, string>; input?: string } = {}): RunResult {
  const ownProcess = options.cwd !== undefined || options.input !== undefined || Object.keys(options.env ?? {}).length > 0;
  return ownProcess || process.env.TAM_TEST_SPAWN === "1" ? spawnedTam(args, options) : runInProcess(args);
}

/** runTam as a process of its own, always: for what only a process shows (start-up, streams, signals, the bin shim). */
export function spawnedTam(args: string[], options: { cwd?: string; env?: Record<string, string>; input?: string } = {}): RunResult {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? REPO,
    // FORCE_COLOR is removed, not emptied: Node 24 warns on stderr when it is set beside NO_COLOR.
    env: { ...withoutForceColor(process.env), NO_COLOR: "1", TZ: process.env.TZ ?? "UTC", ...options.env },
    input: options.input ?? "",
    encoding: "utf8",
    timeout: 60_000,
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

let worker: Worker | undefined;
/** The process.env the worker was started with: the test files share it (isolate: false), and some set a git identity. */
let workerEnv = "";

/** main() in a worker thread (tam-sync-worker.mjs); this thread sleeps on a shared flag until it answers. */
function runInProcess(args: string[]): RunResult {
  const env = JSON.stringify(process.env);
  if (worker !== undefined && env !== workerEnv) {
    void worker.terminate();
    worker = undefined;
  }
  workerEnv = env;
  worker ??= new Worker(join(REPO, "test/helpers/tam-sync-worker.mjs"), {
    workerData: { repo: REPO },
    env: { ...withoutForceColor(process.env), NO_COLOR: "1", TZ: process.env.TZ ?? "UTC" },
    // The main thread's stack (V8's default, 984 KB), as for a spawned tam.
    resourceLimits: { stackSizeMb: 984 / 1024 },
  });
  worker.unref();
  const { port1, port2 } = new MessageChannel();
  const flag = new Int32Array(new SharedArrayBuffer(4));
  worker.postMessage({ args, port: port2, flag }, [port2]);
  if (Atomics.wait(flag, 0, 0, 60_000) === "timed-out") {
    void worker.terminate();
    worker = undefined;
    return { code: -1, stdout: "", stderr: `tam ${args.join(" ")} did not answer within 60 s` };
  }
  const answer = receiveMessageOnPort(port1)?.message as RunResult | undefined;
  port1.close();
  return answer ?? { code: -1, stdout: "", stderr: "the in-process tam sent no answer" };
}

function withoutForceColor(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { FORCE_COLOR: _ignored, ...rest } = env;
  return rest;
}

/** A throwaway copy of a fixture or the example, to modify or commit in. */
export function copyProject(from: string): string {
  const dir = mkdtempSync(join(tmpdir(), "tam-test-"));
  cpSync(from, dir, { recursive: true });
  return dir;
}

/** Runs git in a folder with a fixed identity and dates, for reproducible histories. */
export function git(dir: string, args: string[], env: Record<string, string> = {}): string {
  const result = spawnSync("git", args, {
    cwd: dir,
    encoding: "utf8",
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: "Test Author",
      GIT_AUTHOR_EMAIL: "author@example.com",
      GIT_COMMITTER_NAME: "Test Author",
      GIT_COMMITTER_EMAIL: "author@example.com",
      GIT_CONFIG_GLOBAL: "/dev/null",
      GIT_CONFIG_NOSYSTEM: "1",
      ...env,
    },
  });
  if (result.status !== 0) throw new Error(`git ${args.join(" ")} failed: ${result.stderr}`);
  return result.stdout;
}

/** git init with a user configured locally, so tam can commit in it. */
export function initRepo(dir: string): void {
  git(dir, ["init", "-q", "--initial-branch=main"]);
  git(dir, ["config", "user.name", "Test Author"]);
  git(dir, ["config", "user.email", "author@example.com"]);
  git(dir, ["config", "commit.gpgsign", "false"]);
}

/** Committed copies already made in this test process, by source folder and message: see committedCopy. */
const committedTemplates = new Map<string, string>();

/**
 * A copy of a project folder as a git repository with one commit (`message`) of all its files.
 * A folder of this repository (the example, a fixture: never modified by tests) is committed once per
 * test process, and each call copies that repository, .git included, instead of running git six times.
 */
export function committedCopy(from: string, message = "initial"): string {
  const source = resolve(from);
  if (!source.startsWith(`${REPO}/`)) return freshCommittedCopy(source, message);
  const key = `${source}\0${message}`;
  let template = committedTemplates.get(key);
  if (template === undefined) {
    template = freshCommittedCopy(source, message);
    slimForCopies(template);
    committedTemplates.set(key, template);
  }
  const dir = mkdtempSync(join(tmpdir(), "tam-test-"));
  cpSync(template, dir, { recursive: true });
  return dir;
}

/**
 * Making files is most of what a copy costs, and most of a fresh repository's files are git's sample
 * hooks (never run: their names end in .sample) and one loose file per object: without the samples
 * and with the objects in one pack, as after a `git gc`, each copy makes far fewer files, and git and
 * tam read the repository alike. .git/hooks stays, empty, for the tests that install a hook.
 */
function slimForCopies(dir: string): void {
  const hooks = join(dir, ".git/hooks");
  for (const name of readdirSync(hooks)) if (name.endsWith(".sample")) rmSync(join(hooks, name));
  git(dir, ["repack", "-a", "-d", "-q"]);
}

function freshCommittedCopy(from: string, message: string): string {
  const dir = copyProject(from);
  initRepo(dir);
  git(dir, ["add", "-A"]);
  git(dir, ["commit", "-q", "-m", message]);
  return dir;
}

/** The commit HEAD points at. */
export const headOf = (dir: string): string => git(dir, ["rev-parse", "HEAD"]).trim();

/** Temporary files or locks left beside the project's files (outside .git). */
export function leftovers(dir: string): string[] {
  const found: string[] = [];
  const walk = (sub: string) => {
    for (const e of readdirSync(join(dir, sub), { withFileTypes: true })) {
      if (e.name === ".git") continue;
      if (e.isDirectory()) walk(join(sub, e.name));
      else if (/\.tmp$|\.lock$/.test(e.name)) found.push(join(sub, e.name));
    }
  };
  walk("");
  return found;
}

/** runTam without waiting: for concurrent writers, and for killing one mid-write. */
export function spawnTam(args: string[], options: { cwd?: string; env?: Record<string, string>; lowPriority?: boolean } = {}): { child: ChildProcess; done: Promise<RunResult> } {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? REPO,
    // FORCE_COLOR is removed, not emptied: Node 24 warns on stderr when it is set beside NO_COLOR.
    env: { ...withoutForceColor(process.env), NO_COLOR: "1", TZ: process.env.TZ ?? "UTC", ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  // Many writers at once (nice 10) yield the CPU to the other test files' processes (which have short timeouts).
  if (options.lowPriority && child.pid) {
    try {
      setPriority(child.pid, 10);
    } catch {
      // not allowed here: run at normal priority
    }
  }
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (d) => (stdout += d));
  child.stderr!.on("data", (d) => (stderr += d));
  const done = new Promise<RunResult>((resolve) => child.on("close", (code, signal) => resolve({ code: code ?? (signal ? -1 : -2), stdout, stderr })));
  return { child, done };
}
