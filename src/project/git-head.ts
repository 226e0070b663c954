// Where a project sits in its git repository and which commit HEAD names, read from the files of
// `.git` without starting git: what src/project/history-memo.ts keys its memo on. Only the plain
// layout is understood; anything else (a worktree's or submodule's `.git` file, a shallow clone,
// replace refs or grafts, reftable, an environment that points git elsewhere, a symbolic ref
// chain, an unborn branch) is undefined, and the caller asks git as it always did.
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";

export interface GitHead {
  /** The repository's top folder (real path). */
  top: string;
  /** The project folder inside it as `git rev-parse --show-prefix` prints it ("" at the top, "a/b/" below). */
  prefix: string;
  /** HEAD's commit id (40 or 64 hex digits). */
  commit: string;
}

/** Variables that make git use another repository, index, object store or history than the folders say. */
const REDIRECTING_ENV = [
  "GIT_DIR",
  "GIT_WORK_TREE",
  "GIT_COMMON_DIR",
  "GIT_INDEX_FILE",
  "GIT_OBJECT_DIRECTORY",
  "GIT_ALTERNATE_OBJECT_DIRECTORIES",
  "GIT_CEILING_DIRECTORIES",
  "GIT_DISCOVERY_ACROSS_FILESYSTEM",
  "GIT_NAMESPACE",
  "GIT_REPLACE_REF_BASE",
  "GIT_NO_REPLACE_OBJECTS",
  "GIT_GRAFT_FILE",
  "GIT_SHALLOW_FILE",
  "GIT_CONFIG_PARAMETERS",
  "GIT_CONFIG_COUNT",
];

const COMMIT_ID = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
/** A branch name as a loose ref file may hold it: no `..`, no control characters, nothing git would refuse. */
const REF_NAME = /^refs\/(?:[A-Za-z0-9._+@-]+\/)*[A-Za-z0-9._+@-]+$/;

/** HEAD of the repository holding `root`, or undefined for anything but the plain layout. Never fails. */
export function readGitHead(root: string, env: NodeJS.ProcessEnv = process.env): GitHead | undefined {
  try {
    if (REDIRECTING_ENV.some((name) => env[name] !== undefined)) return undefined;
    const real = realpathSync(root);
    const top = findTop(real);
    if (top === undefined) return undefined;
    const rel = relative(top, real);
    const parts = rel === "" ? [] : rel.split(sep);
    // Inside .git itself git has no work tree.
    if (parts.includes(".git")) return undefined;
    const gitDir = join(top, ".git");
    const commit = headCommit(gitDir);
    if (commit === undefined || unusual(gitDir)) return undefined;
    return { top, prefix: parts.map((part) => `${part}/`).join(""), commit };
  } catch {
    return undefined;
  }
}

/** The nearest folder at or above `real` with a `.git` folder; undefined when the nearest `.git` is a file, or none. */
function findTop(real: string): string | undefined {
  for (let dir = real; ; ) {
    const dotGit = join(dir, ".git");
    const stat = statSync(dotGit, { throwIfNoEntry: false });
    if (stat) return stat.isDirectory() ? dir : undefined;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** The commit HEAD names: detached, or through one branch (loose, else packed). */
function headCommit(gitDir: string): string | undefined {
  const head = readFileSync(join(gitDir, "HEAD"), "latin1").trimEnd();
  if (COMMIT_ID.test(head)) return head;
  if (!head.startsWith("ref: ")) return undefined;
  const ref = head.slice(5);
  // refs/heads/.invalid is what HEAD holds in a reftable repository.
  if (!REF_NAME.test(ref) || ref.split("/").some((part) => part.startsWith(".") || part.endsWith(".lock"))) return undefined;
  const loose = readOptional(join(gitDir, ...ref.split("/")));
  if (loose !== undefined) {
    const id = loose.trimEnd();
    // A symbolic ref (`ref: …`) or anything but one id: not followed.
    return COMMIT_ID.test(id) ? id : undefined;
  }
  const packed = readOptional(join(gitDir, "packed-refs"));
  if (packed === undefined) return undefined;
  for (const line of packed.split("\n")) {
    if (line.endsWith(` ${ref}`)) {
      const id = line.slice(0, -ref.length - 1);
      return COMMIT_ID.test(id) ? id : undefined;
    }
  }
  // An unborn branch: no commit yet.
  return undefined;
}

/** What makes git's history or work tree differ from what the files above say. */
function unusual(gitDir: string): boolean {
  if (existsSync(join(gitDir, "shallow")) || existsSync(join(gitDir, "reftable")) || existsSync(join(gitDir, "commondir"))) return true;
  if (existsSync(join(gitDir, "info", "grafts"))) return true;
  if (existsSync(join(gitDir, "objects", "info", "alternates"))) return true;
  const replace = join(gitDir, "refs", "replace");
  if (existsSync(replace) && readdirSync(replace).length > 0) return true;
  const packed = readOptional(join(gitDir, "packed-refs"));
  if (packed?.includes(" refs/replace/")) return true;
  // A work tree set in the config (core.worktree) or a bare repository: git's top is not .git's folder.
  const config = readOptional(join(gitDir, "config")) ?? "";
  return /^\s*worktree\s*=/im.test(config) || /^\s*bare\s*=\s*true\s*$/im.test(config);
}

function readOptional(path: string): string | undefined {
  try {
    return readFileSync(path, "latin1");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}
