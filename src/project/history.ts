// What git knows about the architecture and the documents, read with a fixed number of
// git processes whatever the number of docs or components: one rev-parse, one blame of
// architecture.yaml (mapped onto each component's lines), one log over the docs' files.
import { execFile } from "node:child_process";
import { isMap, isScalar, isSeq } from "yaml";
import type { CommitFact, ComponentHistory, GitFacts } from "../domain/freshness/types.js";
import type { SourceFile } from "./source.js";

export interface History extends GitFacts {
  /** How many git processes were started; constant by design, reported in JSON `meta`. */
  gitProcesses: number;
  /** The project folder inside the repository ("" at the top, "examples/northwind/" below it). */
  prefix: string;
}

/** Above this many files, log the whole project folder once instead of naming each file. */
const MAX_PATHSPECS = 500;
const UNCOMMITTED = /^0{40}$/;

class GitRunner {
  processes = 0;
  constructor(private readonly cwd: string) {}

  run(args: string[]): Promise<string> {
    this.processes++;
    // No shell; repository config must not colour, page or quote the output we parse.
    const full = ["-c", "core.quotepath=false", "-c", "color.ui=false", "-c", "log.showSignature=false", "--no-pager", ...args];
    return new Promise((resolvePromise, reject) => {
      execFile("git", full, { cwd: this.cwd, maxBuffer: 512 * 1024 * 1024, env: { ...process.env, GIT_OPTIONAL_LOCKS: "0" } }, (error, stdout, stderr) => {
        if (error) {
          const code = (error as NodeJS.ErrnoException).code;
          reject(new Error(code === "ENOENT" ? "git is not installed" : firstLine(stderr) || error.message));
        } else resolvePromise(stdout);
      });
    });
  }
}

function firstLine(text: string): string {
  return text.split("\n").find((line) => line.trim() !== "")?.replace(/^fatal: /, "").trim() ?? "";
}

export async function readHistory(root: string, architecture: SourceFile | undefined, docPaths: readonly string[]): Promise<History> {
  const git = new GitRunner(root);
  const none = (reason: string): History => ({ available: false, unavailableReason: reason, components: new Map(), files: new Map(), gitProcesses: git.processes, prefix: "" });

  let prefix: string;
  try {
    const [inside, shallow, shownPrefix] = (await git.run(["rev-parse", "--is-inside-work-tree", "--is-shallow-repository", "--show-prefix"])).split("\n");
    if (inside !== "true") return none("not inside a git work tree");
    if (shallow === "true") return none("shallow clone (fetch the full history: git fetch --unshallow)");
    prefix = shownPrefix ?? "";
  } catch (error) {
    const message = (error as Error).message;
    return none(/not a git repository/i.test(message) ? "not a git repository" : message);
  }

  let components = new Map<string, ComponentHistory>();
  if (architecture) {
    try {
      const blame = parseBlame(await git.run(["blame", "--porcelain", "-w", "--", architecture.rel]));
      components = historyByComponent(architecture, blame);
    } catch (error) {
      return { ...none(`no history of ${architecture.rel}: ${(error as Error).message}`), gitProcesses: git.processes };
    }
  }

  let files = new Map<string, CommitFact[]>();
  const paths = [...new Set(docPaths)].sort();
  if (paths.length) {
    const pathspecs = paths.length > MAX_PATHSPECS ? ["."] : paths.map((path) => `:(literal)${path}`);
    try {
      const log = await git.run(["log", "--no-renames", "--format=%x1e%H%x1f%at%x1f%an%x1f%s", "--name-only", "--", ...pathspecs]);
      files = commitsByFile(log, prefix, new Set(paths));
    } catch (error) {
      return { ...none(`git log failed: ${(error as Error).message}`), gitProcesses: git.processes };
    }
  }
  return { available: true, components, files, gitProcesses: git.processes, prefix };
}

interface BlameLine {
  hash: string;
  commit: CommitFact | undefined;
}

/** `git blame --porcelain`: line number (1-based) → the commit that last changed it. */
export function parseBlame(output: string): Map<number, BlameLine> {
  const headers = new Map<string, Record<string, string>>();
  const lines = new Map<number, BlameLine>();
  let hash = "";
  let finalLine = 0;
  for (const line of output.split("\n")) {
    const start = /^([0-9a-f]{40}) \d+ (\d+)(?: \d+)?$/.exec(line);
    if (start) {
      hash = start[1]!;
      finalLine = Number(start[2]);
      if (!headers.has(hash)) headers.set(hash, {});
    } else if (line.startsWith("\t")) {
      lines.set(finalLine, { hash, commit: undefined });
    } else if (hash) {
      const space = line.indexOf(" ");
      const key = space < 0 ? line : line.slice(0, space);
      headers.get(hash)![key] = space < 0 ? "" : line.slice(space + 1);
    }
  }
  const commits = new Map<string, CommitFact>();
  for (const [commitHash, fields] of headers) {
    commits.set(commitHash, { hash: commitHash, time: Number(fields["author-time"] ?? 0) * 1000, author: fields.author ?? "", subject: fields.summary ?? "" });
  }
  for (const entry of lines.values()) entry.commit = commits.get(entry.hash);
  return lines;
}

/** Each component's line range in architecture.yaml, from the parsed document. */
export function componentLines(source: SourceFile): Map<string, { first: number; last: number }> {
  const ranges = new Map<string, { first: number; last: number }>();
  const list = isMap(source.doc.contents) ? source.doc.contents.get("components", true) : undefined;
  if (!isSeq(list)) return ranges;
  for (const item of list.items) {
    if (!isMap(item) || !item.range) continue;
    const id = item.get("id", true);
    if (!isScalar(id) || typeof id.value !== "string") continue;
    const [start, valueEnd] = item.range;
    let end = valueEnd;
    while (end > start && /\s/.test(source.text[end - 1]!)) end--;
    ranges.set(id.value, { first: source.lineCounter.linePos(start).line, last: source.lineCounter.linePos(Math.max(start, end - 1)).line });
  }
  return ranges;
}

function historyByComponent(source: SourceFile, blame: Map<number, BlameLine>): Map<string, ComponentHistory> {
  const result = new Map<string, ComponentHistory>();
  for (const [id, { first, last }] of componentLines(source)) {
    const commits = new Map<string, CommitFact>();
    let uncommitted = false;
    for (let line = first; line <= last; line++) {
      const entry = blame.get(line);
      if (!entry?.commit) continue;
      // All-zero hash: edited in the working tree. Not a change of record until committed.
      if (UNCOMMITTED.test(entry.hash)) uncommitted = true;
      else commits.set(entry.hash, entry.commit);
    }
    result.set(id, { commits: [...commits.values()].sort((a, b) => b.time - a.time || a.hash.localeCompare(b.hash)), uncommitted });
  }
  return result;
}

/** `git log --name-only` with a \x1e-led header: project-relative path → commits, newest first. */
export function commitsByFile(output: string, prefix: string, wanted: ReadonlySet<string>): Map<string, CommitFact[]> {
  const files = new Map<string, CommitFact[]>();
  for (const record of output.split("\x1e")) {
    const [header, ...names] = record.split("\n");
    if (!header) continue;
    const [hash, time, author, subject] = header.split("\x1f");
    const commit: CommitFact = { hash: hash!, time: Number(time) * 1000, author: author ?? "", subject: subject ?? "" };
    for (const name of names) {
      if (!name || !name.startsWith(prefix)) continue;
      const path = name.slice(prefix.length);
      if (!wanted.has(path)) continue;
      const list = files.get(path) ?? [];
      list.push(commit);
      files.set(path, list);
    }
  }
  return files;
}
