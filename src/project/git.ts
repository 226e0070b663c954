// Git through simple-git: commits of exactly the files tam wrote, and clear words
// for repository states tam will not commit in. (The history reader, history.ts, runs git itself:
// it streams `git cat-file --batch` through stdin and stdout, which simple-git cannot do.) The write transaction (transaction.ts) is the
// only committer besides init's first commit.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { simpleGit, type SimpleGit } from "simple-git";
import { GitError } from "../errors.js";

function git(dir: string): SimpleGit {
  // No hooks, pagers or editors from repository content: tam never runs what it finds there.
  // The hooks path is our own setting (it disables hooks), so simple-git's guard against it does not apply.
  return simpleGit({ baseDir: dir, config: ["core.hooksPath=/dev/null"], unsafe: { allowUnsafeHooksPath: true } });
}

/** git's user.name as configured for the repository at `dir` (or globally); "" when unset or no git. */
export async function configuredUserName(dir: string): Promise<string> {
  try {
    return ((await git(dir).getConfig("user.name")).value ?? "").trim();
  } catch {
    return "";
  }
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
}

export async function findRepository(dir: string): Promise<Repository | undefined> {
  try {
    const [top, gitDir, prefix] = (await git(dir).raw(["rev-parse", "--show-toplevel", "--absolute-git-dir", "--show-prefix"])).split("\n");
    if (!top || !gitDir) return undefined;
    return { top, gitDir, prefix: prefix ?? "" };
  } catch {
    return undefined;
  }
}

/** The commit HEAD names, or undefined before the first commit. */
export async function headCommit(dir: string): Promise<string | undefined> {
  const out = await git(dir)
    .raw(["rev-parse", "-q", "--verify", "HEAD^{commit}"])
    .catch(() => "");
  return out.trim() || undefined;
}

/** Which of `files` (relative to `dir`) differ from HEAD in the index or the work tree, or are untracked. */
export async function uncommittedFiles(dir: string, files: readonly string[]): Promise<Set<string>> {
  const out = await git(dir).raw(["-c", "core.quotePath=false", "status", "--porcelain=v1", "-z", "--untracked-files=all", "--no-renames", "--", ...files]);
  const repo = await findRepository(dir);
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
export async function commitExactly(dir: string, files: readonly string[], message: string, parent: string | undefined, prefix: string): Promise<CommitOutcome> {
  const repo = git(dir);
  try {
    await repo.raw(["add", "--", ...files]);
    // --only commits these paths alone, leaving the rest of the index and tree as they are.
    await repo.raw(["commit", "--only", "--no-verify", "-q", "-m", message, "--", ...files]);
  } catch (error) {
    const text = String((error as Error).message);
    if (/nothing to commit|no changes added to commit|nothing added to commit/i.test(text)) return { nothingToCommit: true };
    throw new GitError(explainCommitFailure(text));
  }
  const [hash, parents, short] = (await repo.raw(["log", "-1", "--format=%H%x00%P%x00%h", "HEAD"])).trim().split("\0");
  if (!hash || hash === parent) return { nothingToCommit: true };
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
