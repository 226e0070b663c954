// What git knows about the architecture and the documents, read with a fixed number of git
// processes whatever the number of docs, components or commits: one rev-parse, one log (the
// commits that touched architecture.yaml or a doc's file, with the blob ids of each version),
// and one cat-file that streams those versions of architecture.yaml (none when no commit in range
// changed it and the working file is HEAD's). Each version is read into
// each component's value and compared by meaning (src/domain/freshness/component-diff.ts).
import { diffComponents } from "../domain/freshness/component-diff.js";
import type { CommitFact, ComponentCommit } from "../domain/freshness/types.js";
import { ArchitectureReader, type ComponentVersion } from "./architecture-versions.js";
import { readGitHead } from "./git-head.js";
import { activeHistoryMemo, type HistoryMemo, historyMemoKey } from "./history-memo.js";
import type { History, HistoryRequest } from "./history-types.js";
import type { SourceFile } from "./source.js";

export type { History, HistoryRequest };

/** Above this many files, log the whole project folder once instead of naming each file. */
const MAX_PATHSPECS = 500;
const NO_BLOB = /^0+$/;
const GIT_CONFIG = ["-c", "core.quotepath=false", "-c", "color.ui=false", "-c", "log.showSignature=false", "-c", "diff.renameLimit=1000", "--no-pager"];
const GIT_ENV = () => ({ ...process.env, GIT_OPTIONAL_LOCKS: "0" });

class GitRunner {
  processes = 0;
  constructor(private readonly cwd: string) {}

  run(args: string[]): Promise<string> {
    this.processes++;
    // Loaded here, not at the top: a run answered from the memo (src/project/history-memo.ts) starts no process.
    const { execFile } = process.getBuiltinModule("node:child_process");
    // No shell; repository config must not colour, page or quote the output we parse.
    return new Promise((resolvePromise, reject) => {
      execFile("git", [...GIT_CONFIG, ...args], { cwd: this.cwd, maxBuffer: 512 * 1024 * 1024, env: GIT_ENV() }, (error, stdout, stderr) => {
        if (error) reject(gitError(error, stderr));
        else resolvePromise(stdout);
      });
    });
  }

  /** `git cat-file --batch`: each object's text in the order asked, undefined for a missing one, streamed. */
  catFile(names: readonly string[], onObject: (index: number, text: string | undefined) => void): Promise<void> {
    this.processes++;
    const { spawn } = process.getBuiltinModule("node:child_process");
    return new Promise((resolvePromise, reject) => {
      const child = spawn("git", [...GIT_CONFIG, "cat-file", "--batch"], { cwd: this.cwd, env: GIT_ENV(), stdio: ["pipe", "pipe", "pipe"] });
      // The output not consumed yet, in one buffer reused for every object (grown to fit the
      // largest): 500 versions of a 500 KB file pass through it without a buffer per chunk or object.
      let store = Buffer.allocUnsafe(1 << 20);
      let start = 0;
      let end = 0;
      let index = 0;
      let stderr = "";
      let failed = false;
      const fail = (error: Error) => {
        if (failed) return;
        failed = true;
        child.kill();
        reject(error);
      };
      child.stdout.on("data", (chunk: Buffer) => {
        if (failed) return;
        if (end + chunk.length > store.length) {
          const kept = end - start;
          if (kept + chunk.length > store.length) {
            const bigger = Buffer.allocUnsafe(Math.max(store.length * 2, kept + chunk.length));
            store.copy(bigger, 0, start, end);
            store = bigger;
          } else store.copy(store, 0, start, end);
          start = 0;
          end = kept;
        }
        chunk.copy(store, end);
        end += chunk.length;
        for (;;) {
          const eol = store.indexOf(10, start);
          if (eol < 0 || eol >= end) break;
          const header = store.toString("utf8", start, eol);
          if (header.endsWith(" missing") || header.endsWith(" ambiguous")) {
            start = eol + 1;
            onObject(index++, undefined);
            continue;
          }
          const size = Number(header.slice(header.lastIndexOf(" ") + 1));
          if (!Number.isSafeInteger(size)) return fail(new Error(`unexpected output of git cat-file: ${header}`));
          if (end < eol + 1 + size + 1) break;
          const text = store.toString("utf8", eol + 1, eol + 1 + size);
          start = eol + 1 + size + 1;
          onObject(index++, text);
        }
        if (start === end) start = end = 0;
      });
      child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
      child.on("error", (error) => fail(gitError(error, stderr)));
      child.on("close", (code) => {
        if (failed) return;
        if (code !== 0) fail(new Error(firstLine(stderr) || `git cat-file exited with ${code}`));
        else if (index !== names.length) fail(new Error(`git cat-file answered ${index} of ${names.length} objects`));
        else resolvePromise();
      });
      child.stdin.on("error", () => undefined);
      child.stdin.end(names.map((name) => `${name}\n`).join(""));
    });
  }
}

function gitError(error: { code?: unknown; message: string }, stderr: string): Error {
  return new Error(error.code === "ENOENT" ? "git is not installed" : firstLine(stderr) || error.message);
}

function firstLine(text: string): string {
  return (
    text
      .split("\n")
      .find((line) => line.trim() !== "")
      ?.replace(/^fatal: /, "")
      .trim() ?? ""
  );
}

/**
 * What git knows for `request` in the repository holding `root`. With a memo (the CLI's: main()
 * sets it), a repository whose HEAD has not moved since an earlier run with the same request is
 * answered from it, without git; the answer is kept only when git's HEAD is the one .git's files name.
 */
export async function readHistory(root: string, request: HistoryRequest, memo: HistoryMemo | undefined = activeHistoryMemo()): Promise<History> {
  const head = memo ? readGitHead(root) : undefined;
  const key = head ? historyMemoKey(head, request) : undefined;
  if (!memo || !head || !key) return (await askGit(root, request)).history;
  const kept = memo.recall(key);
  if (kept) return kept;
  const { history, headCommit } = await askGit(root, request);
  // A baseline git did not know may be fetched later without HEAD moving: that answer is not kept.
  const trusted = history.available && headCommit === head.commit && history.prefix === head.prefix && !(request.baseline && history.notes.length);
  if (trusted) memo.keep(key, history);
  return history;
}

async function askGit(root: string, request: HistoryRequest): Promise<{ history: History; headCommit: string | undefined }> {
  let head: string | undefined;
  const history = await gitHistory(root, request, (commit) => (head = commit));
  return { history, headCommit: head };
}

async function gitHistory(root: string, request: HistoryRequest, onHead: (commit: string) => void): Promise<History> {
  const git = new GitRunner(root);
  const notes: string[] = [];
  const none = (reason: string): History => ({ available: false, unavailableReason: reason, componentCommits: [], uncommitted: [], files: new Map(), gitProcesses: git.processes, prefix: "", notes });

  let prefix: string;
  let head: string | undefined;
  let baseline: string | undefined;
  let headArchitectureBlob: string | undefined;
  let workingArchitectureBlob: string | undefined;
  try {
    // --revs-only drops a name git does not know instead of failing: HEAD of an empty repository, a baseline from elsewhere.
    // Without a baseline, also the blob of architecture.yaml in HEAD: when it is the working file
    // and no commit in range changed it, there is nothing to stream and no cat-file is started.
    // (With a baseline, two names that may each be dropped could not be told apart.)
    const headBlob = request.architecture && !request.baseline ? [`HEAD:./${request.architecture.rel}`] : [];
    const revs = ["HEAD", ...(request.baseline ? [`${request.baseline}^{commit}`] : []), ...headBlob];
    const [inside, shallow, shownPrefix, ...hashes] = (await git.run(["rev-parse", "--is-inside-work-tree", "--is-shallow-repository", "--show-prefix", "--revs-only", ...revs]))
      .split("\n")
      .filter((line, i) => i < 3 || line !== "");
    if (inside !== "true") return none("not inside a git work tree");
    if (shallow === "true") return none("shallow clone (fetch the full history: git fetch --unshallow)");
    prefix = shownPrefix ?? "";
    head = hashes[0];
    if (request.baseline) baseline = hashes[1];
    else headArchitectureBlob = hashes[1];
    if (request.baseline && !baseline) notes.push(`the docs baseline ${request.baseline} of tam.yaml is not a commit of this repository: it is ignored`);
  } catch (error) {
    const message = (error as Error).message;
    return none(/not a git repository/i.test(message) ? "not a git repository" : message);
  }
  if (!head) return { ...none("no commits yet"), gitProcesses: git.processes };
  onHead(head);

  const architecturePath = `${prefix}architecture.yaml`;
  const docPaths = [...new Set(request.docPaths)].sort();
  const pathspecs = [
    // Every architecture.yaml of the repository, so that renames (a moved project folder) are seen as renames.
    ...(request.architecture ? [":(top,glob)**/architecture.yaml"] : []),
    ...(docPaths.length > MAX_PATHSPECS ? ["."] : docPaths.map((path) => `:(literal)${path}`)),
  ];
  let log: LogCommit[] = [];
  if (pathspecs.length) {
    try {
      const since = request.since ? [`--since=${request.since}T00:00:00Z`] : [];
      // HEAD's id as rev-parse printed it, not HEAD again: a commit made meanwhile cannot mix into the answer kept for this id.
      const range = baseline ? [head, `^${baseline}`] : [head];
      const logRun = git.run(["log", "--raw", "--no-abbrev", "-M", "--format=%x1e%H%x1f%at%x1f%an%x1f%s", ...since, ...range, "--", ...pathspecs]);
      // The working architecture.yaml's blob id (compared below with HEAD's) is worked out while git runs: tam would only wait meanwhile.
      if (headArchitectureBlob !== undefined) workingArchitectureBlob = gitBlobId(request.architecture!.text);
      log = parseRawLog(await logRun);
    } catch (error) {
      return { ...none(`git log failed: ${(error as Error).message}`), gitProcesses: git.processes };
    }
  }

  const files = commitsByFile(log, prefix, new Set(docPaths));
  let componentCommits: ComponentCommit[] = [];
  let uncommitted: string[] = [];
  if (request.architecture) {
    try {
      const pairs = architectureVersions(log, architecturePath);
      // Same bytes as HEAD's blob (git's own hash of them) and no edit in range: no history, nothing uncommitted.
      if (pairs.length === 0 && headArchitectureBlob !== undefined && headArchitectureBlob === workingArchitectureBlob) {
        return { available: true, componentCommits: [], uncommitted: [], files, gitProcesses: git.processes, prefix, notes };
      }
      const read = await readComponentHistory(git, request.architecture, pairs, `${head}:${architecturePath}`);
      if (!read.committed) return { ...none(`${request.architecture.rel} is not committed yet`), gitProcesses: git.processes };
      ({ componentCommits, uncommitted } = read);
    } catch (error) {
      return { ...none(`no history of ${request.architecture.rel}: ${(error as Error).message}`), gitProcesses: git.processes };
    }
  }
  return { available: true, componentCommits, uncommitted, files, gitProcesses: git.processes, prefix, notes };
}

/** The id git gives a file of this text (SHA-1 of `blob <bytes>\0` and the UTF-8 bytes). */
function gitBlobId(text: string): string {
  const bytes = Buffer.from(text, "utf8");
  const { createHash } = process.getBuiltinModule("node:crypto");
  return createHash("sha1").update(`blob ${bytes.length}\0`).update(bytes).digest("hex");
}

interface RawChange {
  status: string;
  oldBlob: string;
  newBlob: string;
  oldPath: string;
  path: string;
}

export interface LogCommit {
  commit: CommitFact;
  changes: RawChange[];
}

/** `git log --raw --no-abbrev` with a \x1e-led header of hash, author time, author, subject. */
export function parseRawLog(output: string): LogCommit[] {
  const commits: LogCommit[] = [];
  for (const record of output.split("\x1e")) {
    const [header, ...lines] = record.split("\n");
    if (!header) continue;
    const [hash, time, author, subject] = header.split("\x1f");
    const changes: RawChange[] = [];
    for (const line of lines) {
      // :100644 100644 <old> <new> M\tpath   |   ... R087\told\tnew
      const raw = /^:\d+ \d+ ([0-9a-f]+) ([0-9a-f]+) ([A-Z])\d*\t([^\t]*)(?:\t(.*))?$/.exec(line);
      if (!raw) continue;
      const [, oldBlob, newBlob, status, first, second] = raw;
      changes.push({ status: status!, oldBlob: oldBlob!, newBlob: newBlob!, oldPath: first!, path: second ?? first! });
    }
    commits.push({ commit: { hash: hash!, time: Number(time) * 1000, author: author ?? "", subject: subject ?? "" }, changes });
  }
  return commits;
}

/** Project-relative path → commits that edited it, newest first (the log's order). */
export function commitsByFile(log: readonly LogCommit[], prefix: string, wanted: ReadonlySet<string>): Map<string, CommitFact[]> {
  const files = new Map<string, CommitFact[]>();
  for (const { commit, changes } of log) {
    // The commit that adds a file (an adopted project's first commit) is not an edit of it.
    for (const path of new Set(changes.filter((change) => change.status !== "A").map((change) => change.path))) {
      if (!path.startsWith(prefix)) continue;
      const rel = path.slice(prefix.length);
      if (!wanted.has(rel)) continue;
      const list = files.get(rel);
      if (list) list.push(commit);
      else files.set(rel, [commit]);
    }
  }
  return files;
}

interface VersionPair {
  commit: CommitFact;
  before: string;
  after: string;
}

/**
 * The commits that changed this project's architecture.yaml, each with the blobs before and
 * after. Followed back through renames (a moved project folder). A commit that adds the file (the
 * first commit of an adopted project) has no "before": it is the starting point, not a change.
 */
export function architectureVersions(log: readonly LogCommit[], path: string): VersionPair[] {
  const paths = new Set([path]);
  const pairs: VersionPair[] = [];
  for (const { commit, changes } of log) {
    for (const change of changes) {
      if (!paths.has(change.path)) continue;
      if (change.status === "R" || change.status === "C") paths.add(change.oldPath);
      if (NO_BLOB.test(change.oldBlob) || NO_BLOB.test(change.newBlob) || change.oldBlob === change.newBlob) continue;
      pairs.push({ commit, before: change.oldBlob, after: change.newBlob });
    }
  }
  return pairs;
}

async function readComponentHistory(
  git: GitRunner,
  working: SourceFile,
  pairs: VersionPair[],
  headName: string,
): Promise<{ componentCommits: ComponentCommit[]; uncommitted: string[]; committed: boolean }> {
  const reader = new ArchitectureReader();
  reader.seed(working.text, working.data);
  // Each blob once, in the order the pairs need them; a version is dropped once its last pair is done.
  const names: string[] = [headName];
  const uses = new Map<string, number>();
  for (const pair of pairs) {
    for (const blob of [pair.after, pair.before]) {
      if (!uses.has(blob)) names.push(blob);
      uses.set(blob, (uses.get(blob) ?? 0) + 1);
    }
  }
  const versions = new Map<string, ComponentVersion | undefined>();
  let headVersion: ComponentVersion | undefined;
  let committed = false;
  const componentCommits: ComponentCommit[] = [];
  let next = 0;
  const settle = () => {
    while (next < pairs.length && versions.has(pairs[next]!.before) && versions.has(pairs[next]!.after)) {
      const pair = pairs[next++]!;
      const before = versions.get(pair.before);
      const after = versions.get(pair.after);
      // A version that does not parse cannot be compared: the commit is skipped (docs/commands/docs.md).
      if (before && after) {
        const diff = diffComponents(before, after);
        if (diff.changed.length || diff.added.length || diff.removed.length || diff.renamed.length) componentCommits.push({ commit: pair.commit, ...diff });
      }
      for (const blob of [pair.before, pair.after]) {
        const left = uses.get(blob)! - 1;
        uses.set(blob, left);
        if (left === 0) versions.delete(blob);
      }
    }
  };
  await git.catFile(names, (index, text) => {
    const version = text === undefined ? undefined : reader.read(text);
    if (index === 0) {
      committed = text !== undefined;
      headVersion = version;
    } else versions.set(names[index]!, version);
    settle();
  });

  let uncommitted: string[] = [];
  const workingVersion = reader.read(working.text);
  if (workingVersion) {
    const diff = diffComponents(headVersion ?? new Map(), workingVersion);
    uncommitted = [...new Set([...diff.changed, ...diff.added, ...diff.removed, ...diff.renamed.flatMap((rename) => [rename.from, rename.to])])].sort();
  }
  return { componentCommits, uncommitted, committed };
}
