// Git through simple-git: commits of exactly the files tam wrote, and clear words
// for repository states tam will not commit in. (The history reader, history.ts, runs git itself:
// it streams `git cat-file --batch` through stdin and stdout, which simple-git cannot do; and the steps
// of a write that print nothing run through quietGit.) The write transaction (transaction.ts) is the
// only committer besides init's first commit.
import { execFile, spawn } from "node:child_process";
import { accessSync, constants, existsSync, statSync } from "node:fs";
import { constants as os } from "node:os";
import { join, resolve } from "node:path";
import { simpleGit, type SimpleGit } from "simple-git";
import { GitError } from "../errors.js";

function git(dir: string): SimpleGit {
  // No hooks, pagers or editors run by git itself: the repository's commit hooks are run by tam,
  // explicitly and in git's order, around its commit (runHook), so that it can check what they did.
  // The hooks path is our own setting (it disables hooks), so simple-git's guard against it does not apply.
  return simpleGit({ baseDir: dir, config: ["core.hooksPath=/dev/null"], unsafe: { allowUnsafeHooksPath: true } });
}

/** git on a scratch index (GIT_INDEX_FILE), which simple-git cannot set without replacing the whole environment. */
function onIndex(dir: string, index: string, args: readonly string[]): Promise<string> {
  return new Promise((done, fail) => {
    execFile("git", ["-c", "core.hooksPath=/dev/null", ...args], { cwd: dir, env: { ...process.env, GIT_INDEX_FILE: index }, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) fail(new GitError(`git ${args[0]} failed: ${(stderr || error.message).trim().split("\n")[0]}`));
      else done(stdout);
    });
  });
}

/**
 * git for the steps of a write that print nothing when all goes well (the status of the files to
 * write, add, commit -q): simple-git answers a process that printed nothing only after a fixed wait,
 * paid on every write. Answers as simple-git's raw did: git's stdout, and a failure (what git printed,
 * stdout then stderr) only when git exits non-zero and says something on stderr.
 */
function quietGit(dir: string, args: readonly string[]): Promise<string> {
  return new Promise((done, fail) => {
    execFile("git", ["-c", "core.hooksPath=/dev/null", ...args], { cwd: dir, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error && (typeof error.code !== "number" || stderr)) fail(new Error(`${stdout}${stderr}` || error.message));
      else done(stdout);
    });
  });
}

/**
 * A question to git (no hooks, nothing written), its process started at the call, so that the caller
 * may read the project while git answers; git's output, or undefined when git fails or is missing.
 */
function ask(dir: string, args: readonly string[]): Promise<string | undefined> {
  return new Promise((done) => {
    try {
      execFile("git", args, { cwd: dir }, (error, stdout) => done(error ? undefined : stdout));
    } catch {
      done(undefined);
    }
  });
}

/** git's user.name as configured for the repository at `dir` (or globally); "" when unset or no git. */
export async function configuredUserName(dir: string): Promise<string> {
  return ((await ask(dir, ["config", "--get", "user.name"])) ?? "").trim();
}

export async function isRepository(dir: string): Promise<boolean> {
  try {
    return await git(dir).checkIsRepo();
  } catch {
    return false;
  }
}

export async function initRepository(dir: string): Promise<void> {
  await git(dir).init(["--initial-branch=main"]);
}

/** `written`: whether tam already wrote the file, so the message says what state the tree is in. */
async function assertCommittable(repo: SimpleGit, written = true): Promise<string> {
  const state = written ? "(the file was written; commit it by hand, or pass --no-commit next time)" : "(nothing was written)";
  if (!(await repo.checkIsRepo())) throw new GitError(`not a git repository: run \`git init\`, or pass --no-commit ${state}`);
  const top = (await repo.revparse(["--show-toplevel"])).trim();
  const gitDir = (await repo.revparse(["--absolute-git-dir"])).trim();
  for (const [marker, what] of [
    ["MERGE_HEAD", "a merge"],
    ["rebase-merge", "a rebase"],
    ["rebase-apply", "a rebase"],
    ["CHERRY_PICK_HEAD", "a cherry-pick"],
  ] as const) {
    if (existsSync(join(gitDir, marker))) throw new GitError(`the repository is in the middle of ${what}: finish or abort it first, or pass --no-commit ${state}`);
  }
  const branch = await repo.raw(["symbolic-ref", "-q", "HEAD"]).catch(() => "");
  if (!branch.trim()) {
    const hasHead = await repo.raw(["rev-parse", "--verify", "-q", "HEAD"]).catch(() => "");
    if (hasHead.trim()) throw new GitError(`HEAD is detached: check out a branch first, or pass --no-commit ${state}`);
  }
  return top;
}

/**
 * Before writing: refuses a repository tam will not commit in (none, detached, mid-merge or
 * rebase, no user identity), so that a refused update leaves the tree untouched.
 */
export async function assertCanCommit(dir: string): Promise<void> {
  const repo = git(dir);
  await assertCommittable(repo, false);
  try {
    await repo.raw(["var", "GIT_COMMITTER_IDENT"]);
  } catch (error) {
    throw new GitError(`${explainCommitFailure(String((error as Error).message), false)}`);
  }
}

/** Refuses, before anything is written, when git cannot make a commit for lack of an identity. `dir` must exist. */
export async function assertGitIdentity(dir: string, optOut = "--no-commit"): Promise<void> {
  try {
    await git(dir).raw(["var", "GIT_COMMITTER_IDENT"]);
  } catch (error) {
    throw new GitError(explainCommitFailure(String((error as Error).message), false, optOut));
  }
}

/** Commits exactly `files` (paths relative to `dir`), whatever else is staged or modified. Returns the short hash. */
export async function commitFiles(dir: string, files: string[], message: string): Promise<string> {
  const repo = git(dir);
  await assertCommittable(repo);
  try {
    await repo.raw(["add", "--", ...files]);
    // --only commits these paths alone, leaving the rest of the index and tree as they are.
    await repo.raw(["commit", "--only", "--no-verify", "-m", message, "--", ...files]);
  } catch (error) {
    throw new GitError(explainCommitFailure(String((error as Error).message)));
  }
  return (await repo.revparse(["--short", "HEAD"])).trim();
}

/** Where the project sits in its repository; undefined when it is in none. */
export interface Repository {
  /** The repository's work tree. */
  top: string;
  gitDir: string;
  /** The project root relative to `top`, "" or ending in "/". */
  prefix: string;
  /** The folder git takes the hooks from: core.hooksPath, else the git folder's hooks/. */
  hooks: string;
}

export async function findRepository(dir: string): Promise<Repository | undefined> {
  // Not git(): its own core.hooksPath setting would hide the repository's (rev-parse runs no hook).
  const answer = await ask(dir, ["rev-parse", "--show-toplevel", "--absolute-git-dir", "--show-prefix", "--git-path", "hooks"]);
  const [top, gitDir, prefix, hooks] = (answer ?? "").split("\n");
  if (!top || !gitDir) return undefined;
  return { top, gitDir, prefix: prefix ?? "", hooks: resolve(dir, hooks || join(gitDir, "hooks")) };
}

/** The commit HEAD names, or undefined before the first commit. */
export async function headCommit(dir: string): Promise<string | undefined> {
  const out = await git(dir)
    .raw(["rev-parse", "-q", "--verify", "HEAD^{commit}"])
    .catch(() => "");
  return out.trim() || undefined;
}

/**
 * Which of `files` (relative to `dir`) differ from HEAD in the index or the work tree, or are untracked.
 * `repository`: the one `dir` is in, when the caller found it already (findRepository), not asked of git again.
 */
export async function uncommittedFiles(dir: string, files: readonly string[], repository?: Repository): Promise<Set<string>> {
  const out = await quietGit(dir, ["-c", "core.quotePath=false", "status", "--porcelain=v1", "-z", "--untracked-files=all", "--no-renames", "--", ...files]);
  const repo = repository ?? (await findRepository(dir));
  const found = new Set<string>();
  for (const entry of out.split("\0")) {
    if (entry.length < 4) continue;
    const path = entry.slice(3);
    found.add(repo && path.startsWith(repo.prefix) ? path.slice(repo.prefix.length) : path);
  }
  return new Set(files.filter((f) => found.has(f)));
}

export type CommitOutcome = { hash: string; short: string; files: string[] } | { nothingToCommit: true };

/**
 * Commits exactly `files` (relative to `dir`) on top of `parent` and checks the result: HEAD moved
 * to a new commit whose parent is `parent` and which changes no file but these.
 */
export async function commitExactly(
  dir: string,
  files: readonly string[],
  message: string,
  parent: string | undefined,
  prefix: string,
  checked: { messageFile?: string; tree?: string } = {},
): Promise<CommitOutcome> {
  const repo = git(dir);
  try {
    await quietGit(dir, ["add", "--", ...files]);
    // --only commits these paths alone, leaving the rest of the index and tree as they are.
    // --no-verify: the hooks already ran (runHook), on exactly this content (checked.tree).
    const text = checked.messageFile ? ["-F", checked.messageFile] : ["-m", message];
    await quietGit(dir, ["commit", "--only", "--no-verify", "-q", ...text, "--", ...files]);
  } catch (error) {
    const text = String((error as Error).message);
    if (/nothing to commit|no changes added to commit|nothing added to commit/i.test(text)) return { nothingToCommit: true };
    throw new GitError(explainCommitFailure(text));
  }
  const [hash, parents, short, tree] = (await repo.raw(["log", "-1", "--format=%H%x00%P%x00%h%x00%T", "HEAD"])).trim().split("\0");
  if (!hash || hash === parent) return { nothingToCommit: true };
  if (checked.tree && tree !== checked.tree) {
    throw new GitError(`the commit ${short} does not hold what the hooks checked (a file changed on disk meanwhile?); check \`git log -1 --stat\` before going on`);
  }
  const changed = (await repo.raw(["-c", "core.quotePath=false", "diff-tree", "--no-commit-id", "--name-only", "-r", "-z", "--root", hash])).split("\0").filter(Boolean);
  const wanted = new Set(files.map((f) => prefix + f));
  const stray = changed.filter((f) => !wanted.has(f));
  if ((parents ?? "") !== (parent ?? "") || stray.length > 0 || changed.length === 0) {
    throw new GitError(
      `the commit ${short} is not the one tam meant to make (it ${stray.length ? `also holds ${stray.join(", ")}` : parents !== (parent ?? "") ? "does not follow the commit tam started from" : "holds none of the written files"}); check \`git log -1 --stat\` before going on`,
    );
  }
  return { hash: hash, short: short ?? hash.slice(0, 7), files: changed };
}

/** `optOut`: the flag that skips git for the command at hand (--no-commit; --no-git for init). */
function explainCommitFailure(message: string, written = true, optOut = "--no-commit"): string {
  if (/tell me who you are|empty ident|identity unknown|user\.(name|email)|auto-detect|useConfigOnly/i.test(message)) {
    const then = written ? `then commit the file tam wrote (or pass ${optOut})` : `then run tam again (or pass ${optOut}); nothing was written`;
    return `git does not know who you are: run \`git config user.name "Your Name"\` and \`git config user.email you@example.com\`, ${then}`;
  }
  const first = message.trim().split("\n")[0];
  return written ? `commit failed (the file was written; commit it by hand or pass --no-commit): ${first}` : `git cannot commit here (nothing was written): ${first}`;
}

/** The full hash of the commit `rev` names, or undefined when it names none. */
export async function resolveCommit(dir: string, rev: string): Promise<string | undefined> {
  try {
    const hash = (await git(dir).raw(["rev-parse", "--verify", "-q", "--end-of-options", `${rev}^{commit}`])).trim();
    return /^[0-9a-f]{40,64}$/.test(hash) ? hash : undefined;
  } catch {
    return undefined;
  }
}

/** The newest commit that edited `path` (relative to `dir`): hash, author time (ms), author, subject. */
export async function lastCommitOf(dir: string, path: string): Promise<{ hash: string; time: number; author: string; subject: string } | undefined> {
  try {
    const line = (await git(dir).raw(["log", "-1", "--no-renames", "--diff-filter=AM", "--format=%H%x1f%at%x1f%an%x1f%s", "--", `:(literal)${path}`])).trim();
    if (!line) return undefined;
    const [hash, time, author, subject] = line.split("\x1f");
    return { hash: hash!, time: Number(time) * 1000, author: author ?? "", subject: subject ?? "" };
  } catch {
    return undefined;
  }
}

/** Whether `dir` (inside a repository) has files that are new or modified compared with HEAD. */
export async function hasUncommitted(dir: string): Promise<boolean> {
  return (await git(dir).raw(["status", "--porcelain", "--untracked-files=all", "--", "."])).trim() !== "";
}

/** The commit hooks git runs, in its order, that tam runs around its own commits. */
export const COMMIT_HOOKS = ["pre-commit", "prepare-commit-msg", "commit-msg", "post-commit"] as const;
export type CommitHook = (typeof COMMIT_HOOKS)[number];

/**
 * The commit hooks installed for the repository, as git finds them: executable files in
 * core.hooksPath, else in the git folder's hooks/ (git skips one that is not executable too).
 */
export function installedHooks(repo: Repository): CommitHook[] {
  return COMMIT_HOOKS.filter((name) => {
    const path = join(repo.hooks, name);
    try {
      accessSync(path, constants.X_OK);
      return statSync(path).isFile();
    } catch {
      return false;
    }
  });
}

/**
 * A scratch index (`index`, a path in the git folder) holding `parent`'s tree plus `files` as they
 * are on disk: what \`git commit --only\` shows its hooks. Returns its tree.
 */
export async function stageForHooks(dir: string, index: string, files: readonly string[], parent: string | undefined): Promise<string> {
  await onIndex(dir, index, parent ? ["read-tree", parent] : ["read-tree", "--empty"]);
  await onIndex(dir, index, ["add", "--", ...files]);
  return indexTree(dir, index);
}

/** The tree the index file `index` holds now (written to the object store, as a commit would). */
export async function indexTree(dir: string, index: string): Promise<string> {
  return (await onIndex(dir, index, ["write-tree"])).trim();
}

/** Paths (relative to the work tree) that differ between two trees. */
export async function treeChanges(dir: string, from: string, to: string): Promise<string[]> {
  return (await git(dir).raw(["-c", "core.quotePath=false", "diff-tree", "-r", "--name-only", "-z", from, to])).split("\0").filter(Boolean);
}

export interface HookRun {
  /** The hook's exit code (128 + signal number when killed by a signal). */
  code: number;
  /** What it printed, stdout and stderr as they came (git shows both to the user). */
  output: string;
}

/**
 * Runs one hook through \`git hook run\` (git finds it, in core.hooksPath or .git/hooks, and knows
 * how to start it on every system), at the top of the work tree as git commit does. `env` adds
 * to tam's environment (GIT_INDEX_FILE for the commit hooks).
 */
export function runHook(top: string, name: CommitHook, args: readonly string[], env: Record<string, string>): Promise<HookRun> {
  return new Promise((done) => {
    const child = spawn("git", ["hook", "run", "--ignore-missing", name, "--", ...args], { cwd: top, env: { ...process.env, GIT_EDITOR: ":", ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (data) => (output += data));
    child.stderr.on("data", (data) => (output += data));
    child.on("error", (error) => done({ code: 127, output: `cannot run git hook run: ${error.message}` }));
    child.on("close", (code, signal) => {
      if (/'hook' is not a git command/.test(output)) {
        done({ code: 127, output: "this git is too old to run hooks for tam (git hook run needs git 2.36 or later): upgrade git, or pass --no-verify" });
      } else done({ code: code ?? 128 + (signal ? (os.signals[signal] ?? 0) : 0), output });
    });
  });
}

/** How long one clone or fetch of a portfolio's client may take before its row gives up on it. */
const REMOTE_TIMEOUT_MS = 5 * 60_000;

/**
 * git talking to a remote for the portfolio's cache (clone, fetch, and the reset of the clone's
 * working tree to what was fetched): never prompting for a password, bounded in time. Rejects with
 * the first line git said (fatal: …), for the row of the client.
 */
export function remoteGit(args: readonly ["clone" | "fetch" | "reset", ...string[]], cwd: string): Promise<void> {
  return new Promise((done, fail) => {
    execFile(
      "git",
      ["-c", "core.hooksPath=/dev/null", ...args],
      { cwd, timeout: REMOTE_TIMEOUT_MS, env: { ...process.env, GIT_TERMINAL_PROMPT: "0", GIT_ASKPASS: "", SSH_ASKPASS: "", GCM_INTERACTIVE: "never" } },
      (error, _stdout, stderr) => {
        if (!error) return done();
        const lines = String(stderr)
          .split("\n")
          .map((line) => line.trim())
          .filter(Boolean);
        const said = lines.find((line) => /^(fatal|error):/.test(line)) ?? lines[0];
        fail(new GitError(error.killed ? `git ${args[0]} took longer than ${REMOTE_TIMEOUT_MS / 60_000} minutes` : `git ${args[0]} failed: ${said ?? error.message}`));
      },
    );
  });
}
