// The one way tam writes a project: every command that changes a file calls editFiles.
// Under the project's write lock it reads each file fresh, applies the edits to that text,
// re-validates the project as the edit would leave it, writes atomically (keeping BOM, line
// ends and the final newline byte for byte) and commits exactly the files it wrote, checking
// that HEAD moved to that commit. It refuses before writing when a target has uncommitted
// changes tam did not make, and recognises files a killed tam left written but uncommitted.
import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { EditError, GitError, ProjectError, UsageError } from "../errors.js";
import type { FileKind } from "../model/files.js";
import type { Issue } from "../model/issues.js";
import { projectIssues } from "./check.js";
import { fileProblem } from "./file-errors.js";
import { decodeText } from "./guards.js";
import { reloadProject, type LoadPart } from "./load.js";
import { parseSource, type SourceFile } from "./source.js";
import { commitWrite, discardWrite, sweepDeadTemporaries, stageWrite, type StagedWrite } from "./write.js";
import { contentHash, readJournal, writeJournal, type Journal } from "./write-journal.js";
import { acquireWriteLock, describeHolder, isAlive } from "./write-lock.js";
import { count } from "../util/plural.js";

export { DEFAULT_WAIT_SECONDS } from "./write-lock.js";

/** One file's edit. */
export interface FileEdit {
  /** Path relative to the project root, with forward slashes. */
  path: string;
  /**
   * Gets the file as it is now, under the lock: its text with LF line ends and no BOM (null when
   * the file does not exist yet) and, for an existing file, its parsed form. Returns the new text
   * in the same terms, or null to leave the file alone. Throwing refuses the whole write.
   */
  edit: (text: string | null, source: SourceFile | undefined) => string | null;
}

export interface WriteOptions {
  /** The commit message; a function is called after the edits ran (they may decide what it says). */
  message: string | (() => string);
  /** Who writes, for the lock's "held by". */
  by?: string;
  /** false: write the files but make no commit (--no-commit). */
  commit: boolean;
  /** How long to wait for another tam's write to finish (--wait), in seconds. */
  waitSeconds?: number;
  /** Commit uncommitted changes already in the target files together with this edit (--include-local-changes). */
  includeLocalChanges?: boolean;
  /** Which parts of the project to re-validate (default: all); false skips re-validation. */
  validate?: LoadPart[] | false;
  /** Receives warnings (pre-existing errors elsewhere, files a killed tam left uncommitted, waiting for the lock). */
  warn?: (text: string) => void;
}

export interface WriteResult {
  /** Files written, relative to the project root, sorted. Empty when every edit left its file as it was. */
  written: string[];
  /** The commit made (short hash), when one was. */
  commit?: string;
  /** Committing was asked for but git had nothing to commit (the files already said this). */
  nothingToCommit?: boolean;
}

/** How a file's text is encoded on disk, kept when it is written back. */
interface Encoding {
  bom: boolean;
  crlf: boolean;
  finalNewline: boolean;
}

interface Planned {
  path: string;
  abs: string;
  bytes: Buffer;
  existed: boolean;
}

/**
 * Applies `edits` in one transaction. `edits` may be a function, called under the lock, for a
 * writer that must decide what to write from the project as it is then (the next free id).
 */
export async function editFiles(project: { root: string; files?: SourceFile[] }, edits: readonly FileEdit[] | (() => readonly FileEdit[]), options: WriteOptions): Promise<WriteResult> {
  const { root } = project;
  const warn = options.warn ?? (() => {});
  const git = await import("./git.js");
  // Refuse a repository tam cannot commit in before touching anything.
  if (options.commit) await git.assertCanCommit(root);
  const repo = await git.findRepository(root);
  // A read-only target is named before the lock is tried (in a read-only folder the lock cannot be taken either).
  if (typeof edits !== "function") for (const edit of edits) refuseReadOnly(join(root, edit.path), edit.path);
  const lock = await acquireWriteLock(root, {
    waitSeconds: options.waitSeconds,
    by: options.by,
    onWait: (holder) => warn(`waiting for another tam write to finish${holder ? `: ${describeHolder(holder)}` : ""}`),
  });
  try {
    const fileEdits = typeof edits === "function" ? edits() : edits;
    // Temporaries of killed writes: in the folders written now and those every write may touch.
    const folders = [root, join(root, "changes"), join(root, "incidents"), ...fileEdits.map((e) => dirname(join(root, e.path)))];
    for (const dir of new Set(folders)) sweepDeadTemporaries(dir);
    // A tam killed mid-commit leaves its git running for a moment: let it finish before using the index.
    if (repo && lock.tookOver) await indexSettled(repo.gitDir);
    const journal = repo ? readJournal(repo.gitDir) : undefined;
    if (repo && journal) await settleJournal(root, repo.prefix, journal, warn, git.uncommittedFiles);

    const planned = planEdits(root, fileEdits);
    if (planned.length === 0) return { written: [] };
    if (options.validate !== false) checkProject({ root, files: project.files ?? [] }, planned, options.validate, warn);

    const paths = planned.map((p) => p.path).sort();
    let message = typeof options.message === "string" ? options.message : options.message();
    const recordable = new Set<string>();
    if (repo && journal) {
      const dirty = await git.uncommittedFiles(root, paths);
      const notes = refuseLocalChanges(planned, dirty, repo.prefix, journal, options);
      if (options.commit && notes.length) message += `\n\n${notes.join("\n")}`;
      // With --no-commit, only a file without changes of the user's is remembered as tam's own.
      for (const p of planned) if (!dirty.has(p.path) || journal.uncommitted[repo.prefix + p.path] === currentHash(p.abs)) recordable.add(p.path);
      journal.pending = {
        pid: process.pid,
        started: new Date().toISOString(),
        command: lock.holder.command,
        message: message.split("\n")[0]!,
        files: Object.fromEntries(planned.map((p) => [repo.prefix + p.path, contentHash(p.bytes)])),
      };
      writeJournal(repo.gitDir, journal);
    }
    writeAll(planned);
    const result: WriteResult = { written: paths };
    if (repo && journal) {
      if (options.commit) {
        const parent = await git.headCommit(root);
        const outcome = await git.commitExactly(root, paths, message, parent, repo.prefix);
        if ("nothingToCommit" in outcome) result.nothingToCommit = true;
        else result.commit = outcome.short;
        for (const p of paths) delete journal.uncommitted[repo.prefix + p];
      } else {
        for (const p of planned) if (recordable.has(p.path)) journal.uncommitted[repo.prefix + p.path] = contentHash(p.bytes);
      }
      journal.pending = undefined;
      writeJournal(repo.gitDir, journal);
    } else if (options.commit) {
      throw new GitError("not a git repository: run `git init`, or pass --no-commit (the file was written)");
    }
    return result;
  } finally {
    lock.release();
  }
}

/** Waits (up to 15 s) for git's index lock to go; a lock that stays is reported by git itself. */
async function indexSettled(gitDir: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (existsSync(join(gitDir, "index.lock")) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
}

/** Reads each target fresh and applies its edit; files the edit leaves as they are drop out. */
function planEdits(root: string, edits: readonly FileEdit[]): Planned[] {
  const planned: Planned[] = [];
  for (const edit of edits) {
    const abs = join(root, edit.path);
    refuseReadOnly(abs, edit.path);
    const current = readCurrent(abs, edit.path);
    let text: string | null = null;
    let source: SourceFile | undefined;
    let encoding: Encoding = { bom: false, crlf: false, finalNewline: true };
    if (current !== null) {
      encoding = encodingOf(current);
      text = toEditable(current, encoding);
      source = parseSource(abs, edit.path, kindOf(edit.path), text);
      if (source.parseIssues.some((i) => i.severity === "error")) throw new EditError(`${edit.path} no longer parses; run tam validate (nothing was written)`);
    }
    const next = edit.edit(text, source);
    if (next === null || next === text) continue;
    const bytes = Buffer.from(fromEditable(next, encoding), "utf8");
    planned.push({ path: edit.path, abs, bytes, existed: current !== null });
  }
  return planned;
}

function readCurrent(abs: string, rel: string): string | null {
  let bytes: Buffer;
  try {
    bytes = readFileSync(abs);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw fileProblem(error, rel, "cannot read");
  }
  const decoded = decodeText(bytes);
  if ("problem" in decoded) throw new ProjectError(`${rel} cannot be edited; nothing was written:`, [{ severity: "error", file: rel, ...decoded.problem }]);
  return decoded.text;
}

/** A file or folder whose owner may not write it is the user's "do not touch", even for root. */
function refuseReadOnly(abs: string, rel: string): void {
  const mode = (path: string) => {
    try {
      return statSync(path).mode;
    } catch {
      return undefined;
    }
  };
  const file = mode(abs);
  if (file !== undefined && (file & 0o200) === 0 && (file & 0o170000) === 0o100000)
    throw new UsageError(`cannot write ${rel}: the file is read-only (make it writable with chmod u+w); nothing was written`);
  let dir = dirname(abs);
  while (mode(dir) === undefined && dirname(dir) !== dir) dir = dirname(dir);
  const folder = mode(dir);
  if (folder !== undefined && (folder & 0o200) === 0)
    throw new UsageError(`cannot write ${rel}: its folder ${dirname(rel) === "." ? "(the project folder)" : dirname(rel)} is read-only (make it writable with chmod u+w); nothing was written`);
}

export function encodingOf(raw: string): Encoding {
  const bom = raw.charCodeAt(0) === 0xfeff;
  const body = bom ? raw.slice(1) : raw;
  // A file written with CRLF throughout is edited as LF and written back as CRLF, so no line changes its ending.
  const crlf = body.includes("\r\n") && !/(^|[^\r])\n/.test(body);
  return { bom, crlf, finalNewline: body === "" || body.endsWith("\n") };
}

function toEditable(raw: string, encoding: Encoding): string {
  const body = encoding.bom ? raw.slice(1) : raw;
  return encoding.crlf ? body.replace(/\r\n/g, "\n") : body;
}

export function fromEditable(text: string, encoding: Encoding): string {
  let body = text;
  // An edit that appended after a last line without a newline ends the file as it was: without one.
  if (!encoding.finalNewline && body.endsWith("\n")) body = body.slice(0, -1);
  if (encoding.crlf) body = body.replace(/\r?\n/g, "\r\n");
  return (encoding.bom ? "\ufeff" : "") + body;
}

export function kindOf(rel: string): FileKind {
  if (rel.startsWith("changes/")) return "change";
  if (rel.startsWith("incidents/")) return "incidents";
  const top: Record<string, FileKind> = {
    "tam.yaml": "manifest",
    "departments.yaml": "departments",
    "architecture.yaml": "architecture",
    "docs.yaml": "docs",
    "recommendations.yaml": "recommendations",
  };
  return top[rel] ?? "manifest";
}

/** Refuses an edit that brings new errors; errors the project already had are a warning, not a refusal. */
function checkProject(read: { root: string; files: SourceFile[] }, planned: Planned[], parts: LoadPart[] | undefined, warn: (text: string) => void): void {
  const overrides = new Map(planned.map((p) => [p.path, p.bytes.toString("utf8")]));
  // Files unchanged since the command read them are not parsed again, nor those unchanged by the edit.
  const current = reloadProject(read, parts);
  const before = projectIssues(current).filter((i) => i.severity === "error");
  const after = projectIssues(reloadProject(current, parts, overrides)).filter((i) => i.severity === "error");
  const fresh = newErrors(before, after);
  if (fresh.length) throw new ProjectError(`the change would leave the project invalid; nothing was written:`, fresh);
  if (before.length) {
    const files = [...new Set(before.map((i) => i.file))].sort();
    warn(`warning: the project already has ${count(before.length, "error")} in ${files.join(", ")} (see \`tam validate\`); this write does not add any`);
  }
}

/** Errors of `after` that `before` does not have (positions aside: an edit moves the lines below it). */
export function newErrors(before: readonly Issue[], after: readonly Issue[]): Issue[] {
  const key = (i: Issue) => `${i.file}\u0000${i.code}\u0000${i.message.replace(/:\d+(:\d+)?\b/g, "")}`;
  const counts = new Map<string, number>();
  for (const issue of before) counts.set(key(issue), (counts.get(key(issue)) ?? 0) + 1);
  return after.filter((issue) => {
    const left = counts.get(key(issue)) ?? 0;
    if (left > 0) counts.set(key(issue), left - 1);
    return left === 0;
  });
}

function currentHash(abs: string): string | undefined {
  try {
    return contentHash(readFileSync(abs));
  } catch {
    return undefined;
  }
}

/**
 * A pending write in the journal was killed (we hold the lock): its files that hold what it
 * wrote and are uncommitted are remembered as interrupted. Interrupted files are reported until
 * they are committed, restored or changed.
 */
async function settleJournal(
  root: string,
  prefix: string,
  journal: Journal,
  warn: (text: string) => void,
  uncommittedFiles: (dir: string, files: readonly string[]) => Promise<Set<string>>,
): Promise<void> {
  const pending = journal.pending;
  if (pending && pending.pid !== process.pid && !isAlive(pending.pid)) {
    for (const [path, hash] of Object.entries(pending.files)) journal.interrupted[path] = { hash, command: pending.command, message: pending.message, started: pending.started, pid: pending.pid };
  }
  journal.pending = undefined;
  const known = [...new Set([...Object.keys(journal.interrupted), ...Object.keys(journal.uncommitted)])].filter((p) => p.startsWith(prefix));
  if (known.length === 0) return;
  const rel = (p: string) => p.slice(prefix.length);
  const dirty = await uncommittedFiles(root, known.map(rel));
  for (const path of known) {
    const hash = currentHash(join(root, rel(path)));
    if (journal.interrupted[path] && (!dirty.has(rel(path)) || journal.interrupted[path]!.hash !== hash)) delete journal.interrupted[path];
    if (journal.uncommitted[path] && (!dirty.has(rel(path)) || journal.uncommitted[path] !== hash)) delete journal.uncommitted[path];
  }
  for (const [path, what] of Object.entries(journal.interrupted)) warn(`warning: ${interruptedText(rel(path), what)}; it is not part of this write`);
}

function interruptedText(path: string, what: { command: string; message: string; started: string; pid: number }): string {
  return `${path} was written by \`${what.command}\` (pid ${what.pid}, ${what.started}), which stopped before committing it: commit it (git commit -m ${JSON.stringify(what.message)} -- ${path}) or discard it (git checkout HEAD -- ${path})`;
}

/** Refuses targets with uncommitted changes tam did not make; returns notes for the commit message. */
function refuseLocalChanges(planned: Planned[], dirty: Set<string>, prefix: string, journal: Journal, options: WriteOptions): string[] {
  if (!options.commit) return [];
  const notes: string[] = [];
  for (const p of planned) {
    if (!dirty.has(p.path)) continue;
    const key = prefix + p.path;
    const hash = currentHash(p.abs);
    if (journal.uncommitted[key] !== undefined && journal.uncommitted[key] === hash) {
      notes.push(`Also commits tam's earlier uncommitted (--no-commit) edit of ${p.path}.`);
      continue;
    }
    if (options.includeLocalChanges) {
      notes.push(`Also commits local changes to ${p.path} that were there before (--include-local-changes).`);
      continue;
    }
    const interrupted = journal.interrupted[key];
    const why = interrupted ? interruptedText(p.path, interrupted) : `${p.path} has uncommitted changes that tam did not make: commit or stash them first (git stash)`;
    throw new UsageError(`${why}, or pass --include-local-changes to commit them together with this update; nothing was written`);
  }
  return notes;
}

/** Stages every file before renaming any, so a failure while writing leaves every file as it was. */
function writeAll(planned: Planned[]): void {
  const staged: StagedWrite[] = [];
  try {
    for (const p of planned) staged.push(stageWrite(p.abs, p.bytes, p.path));
  } catch (error) {
    for (const s of staged) discardWrite(s);
    throw error;
  }
  staged.forEach((s, i) => {
    commitWrite(s, planned[i]!.path);
  });
}
