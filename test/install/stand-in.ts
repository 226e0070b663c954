// Local stand-ins for tam's hosted repository: a git repository made from this checkout's files
// (committed or not), with a release commit tagged as scripts/release.mjs makes it. Install
// tests point npm, pre-commit, the GitHub Action and the GitLab template at it instead of the
// network.
import { spawnSync, type SpawnSyncOptions } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { REPO } from "../helpers/run.js";

export const VERSION = (JSON.parse(readFileSync(join(REPO, "package.json"), "utf8")) as { version: string }).version;
export const RELEASE_TAG = `v${VERSION}`;

export interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

const QUIET_NPM = { npm_config_update_notifier: "false", npm_config_audit: "false", npm_config_fund: "false", npm_config_prefer_offline: "true" };
const IDENTITY = {
  GIT_AUTHOR_NAME: "Irina",
  GIT_AUTHOR_EMAIL: "i@example.com",
  GIT_COMMITTER_NAME: "Irina",
  GIT_COMMITTER_EMAIL: "i@example.com",
  GIT_CONFIG_GLOBAL: "/dev/null",
  GIT_CONFIG_NOSYSTEM: "1",
};

export function run(command: string, args: string[], cwd: string, env: Record<string, string | undefined> = {}, options: SpawnSyncOptions = {}): Ran {
  const result = spawnSync(command, args, { cwd, encoding: "utf8", timeout: 300_000, env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: undefined, ...QUIET_NPM, ...IDENTITY, ...env }, ...options });
  return { code: result.status ?? -1, stdout: String(result.stdout ?? ""), stderr: String(result.stderr ?? "") + (result.error ? String(result.error) : "") };
}

export function ok(result: Ran, what: string): Ran {
  if (result.code !== 0) throw new Error(`${what} exited ${result.code}\n${result.stdout}\n${result.stderr}`);
  return result;
}

export function scratch(name: string): string {
  return mkdtempSync(join(tmpdir(), `tam-${name}-`));
}

/**
 * A git repository holding this checkout's files (what `git ls-files` lists, committed or not)
 * on `main`, plus the release commit tagged v<version> and v<major> by scripts/release.mjs from
 * the suite's build. `url` is what npm installs from.
 */
export function standInRepository(): { dir: string; url: string } {
  const dir = join(scratch("repo"), "tam");
  mkdirSync(dir);
  const files = ok(run("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], REPO), "git ls-files")
    .stdout.split("\0")
    .filter(Boolean);
  for (const file of files) {
    try {
      mkdirSync(dirname(join(dir, file)), { recursive: true });
      cpSync(join(REPO, file), join(dir, file));
    } catch {
      // listed but deleted in the work tree
    }
  }
  cpSync(join(REPO, "dist"), join(dir, "dist"), { recursive: true });
  ok(run("git", ["init", "-q", "-b", "main"], dir), "git init");
  ok(run("git", ["add", "-A"], dir), "git add");
  ok(run("git", ["commit", "-q", "-m", "tam at the suite's work tree"], dir), "git commit");
  ok(run(process.execPath, ["scripts/release.mjs", "--no-build"], dir), "release.mjs");
  return { dir, url: `git+file://${dir}` };
}

/** A git repository of a client, holding a copy of the example in `clients/acme` (warnings, no error). */
export function clientRepository(): string {
  const dir = join(scratch("client"), "client");
  cpSync(join(REPO, "examples/northwind"), join(dir, "clients/acme"), { recursive: true });
  ok(run("git", ["init", "-q", "-b", "main"], dir), "git init");
  ok(run("git", ["add", "-A"], dir), "git add");
  ok(run("git", ["commit", "-q", "-m", "client project"], dir), "git commit");
  return dir;
}
