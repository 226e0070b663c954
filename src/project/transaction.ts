// The one way tam writes a project: every command that changes a file calls editFiles.
// Under the project's write lock it reads each file fresh, applies the edits to that text,
// re-validates the project as the edit would leave it, writes atomically (keeping BOM, line
// ends and the final newline byte for byte) and commits exactly the files it wrote, checking
// that HEAD moved to that commit. It refuses before writing when a target has uncommitted
// changes tam did not make, and recognises files a killed tam left written but uncommitted.
// The repository's commit hooks run around that commit (unless --no-verify or git.hooks: skip in
// tam.yaml): a hook that refuses, or changes what tam checked, undoes the write.
import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { EditError, GitError, HookError, ProjectError, UsageError } from "../errors.js";
import type { FileKind, Manifest } from "../model/files.js";
import type { Issue } from "../model/issues.js";
import { issuesIn, projectIssues, refuseErrorsIn, sameRead } from "./check.js";
import { fileProblem } from "./file-errors.js";
import { decodeText } from "./guards.js";
import { reloadProject, type LoadPart, type Project } from "./load.js";
import { fastData, parseSource, readSource, type SourceFile } from "./source.js";
import { MANIFEST_FILE } from "./discover.js";
import type { CommitHook, CommitOutcome, Repository } from "./git.js";
import { commitWrite, discardWrite, removeFile, sweepDeadTemporaries, stageWrite, type StagedWrite } from "./write.js";
import { contentHash, hookScratch, readJournal, removeScratch, sweepDeadScratch, writeJournal, writeScratchMessage, type Journal } from "./write-journal.js";
import { acquireWriteLock, describeHolder, HOOK_LOCK_ENV, isAlive } from "./write-lock.js";
import { count } from "../util/plural.js";

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
  /**
   * Files whose errors refuse the write even when the edit does not add them (requireValidIn, checked
   * here on the project as read under the lock): the files the command reads what it decides from.
   * When the project as the edit leaves it has no error at all, it is not checked again before it.
   */
  refuseErrorsIn?: readonly string[];
  /**
   * Re-validate reading only these change files (with the parts of `validate`): an update of one
   * running change. Then only errors in the files of refuseErrorsIn refuse or are warned of.
   */
  changeFiles?: readonly string[];
  /** false: do not run the repository's commit hooks (--no-verify); the commit message records it. */
  verify?: boolean;
  /** The repository the project is in (findRepository), when the caller asked git while it read the project. */
  repository?: Promise<Repository | undefined>;
  /** Receives warnings (pre-existing errors elsewhere, files a killed tam left uncommitted, waiting for the lock) and what the commit hooks printed. */
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
  /** The file as it was before the write (null: it did not exist), to put back when a hook refuses the commit. */
  before: Buffer | null;
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
  const repo = await (options.repository ?? git.findRepository(root));
  // A read-only target is named before the lock is tried (in a read-only folder the lock cannot be taken either).
  if (typeof edits !== "function") for (const edit of edits) refuseReadOnly(join(root, edit.path), edit.path);
  const lock = await acquireWriteLock(root, {
    waitSeconds: options.waitSeconds,
    by: options.by,
    onWait: (holder) => warn(`waiting for another tam write to finish${holder ? `: ${describeHolder(holder)}` : ""}`),
  });
  let afterRelease: (() => Promise<void>) | undefined;
  try {
    const fileEdits = typeof edits === "function" ? edits() : edits;
    // Temporaries of killed writes: in the folders written now and those every write may touch.
    const folders = [root, join(root, "changes"), join(root, "incidents"), ...fileEdits.map((e) => dirname(join(root, e.path)))];
    for (const dir of new Set(folders)) sweepDeadTemporaries(dir);
    // A tam killed mid-commit leaves its git running for a moment: let it finish before using the index.
    if (repo && lock.tookOver) await indexSettled(repo.gitDir);
    const journal = repo ? readJournal(repo.gitDir) : undefined;
    // One `git status` answers both questions (which files the journal knows are still uncommitted,
    // which targets have local changes): under the lock tam changes none of them in between.
    const uncommitted = onceUncommitted(root, repo, fileEdits, git.uncommittedFiles);
    if (repo && journal) await settleJournal(root, repo.prefix, journal, warn, uncommitted);

    const planned = planEdits(root, fileEdits);
    if (planned.length === 0) return { written: [] };
    if (options.validate !== false) checkProject(project, planned, options.validate, warn, options.refuseErrorsIn, options.changeFiles);

    const paths = planned.map((p) => p.path).sort();
    let message = typeof options.message === "string" ? options.message : options.message();
    const recordable = new Set<string>();
    if (repo && journal) {
      const dirty = await uncommitted(root, paths);
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
        const skippedBy = options.verify === false ? "--no-verify" : hooksSetting(project) === "skip" ? "git.hooks: skip in tam.yaml" : undefined;
        const hooks = git.installedHooks(repo);
        if (skippedBy) message += `\n\nGit-Hooks: skipped by ${skippedBy}${hooks.length ? ` (not run: ${hooks.join(", ")})` : ""}`;
        const run = skippedBy ? [] : hooks;
        let outcome: CommitOutcome;
        try {
          outcome = await commitThroughHooks({ root, repo, planned, paths, message, parent, hooks: run, lockNonce: lock.holder.nonce, warn });
        } catch (error) {
          if (!(error instanceof HookError)) throw error;
          // The write is undone: the files tam wrote are put back, nothing of it stays behind.
          restoreAll(planned);
          journal.pending = undefined;
          writeJournal(repo.gitDir, journal);
          throw error;
        }
        if ("nothingToCommit" in outcome) result.nothingToCommit = true;
        else {
          result.commit = outcome.short;
          const short = outcome.short;
          // After the lock is released: the commit is made, so the hook may run tam, even a write.
          // As for git, the commit stands whatever the hook says; what it printed is shown.
          if (run.includes("post-commit"))
            afterRelease = async () => {
              const post = await git.runHook(repo.top, "post-commit", [], {});
              const said = hookText(post.output);
              if (said) warn(said);
              if (post.code !== 0) warn(`warning: the post-commit hook exited with ${post.code}; the commit ${short} is made`);
            };
        }
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
    await afterRelease?.();
  }
}

/**
 * `uncommittedFiles` for the write's folder, asked of git once for the files of the first call and
 * the targets together; a later call about files among those is answered from that status.
 */
function onceUncommitted(
  root: string,
  repo: Repository | undefined,
  edits: readonly FileEdit[],
  uncommittedFiles: (dir: string, files: readonly string[], repository?: Repository) => Promise<Set<string>>,
): (dir: string, files: readonly string[]) => Promise<Set<string>> {
  let asked: { files: Set<string>; dirty: Set<string> } | undefined;
  return async (dir, files) => {
    if (dir !== root) return uncommittedFiles(dir, files);
    if (!asked || files.some((f) => !asked!.files.has(f))) {
      const all = [...new Set([...files, ...edits.map((e) => e.path), ...(asked?.files ?? [])])];
      asked = { files: new Set(all), dirty: await uncommittedFiles(root, all, repo) };
    }
    const { dirty } = asked;
    return new Set(files.filter((f) => dirty.has(f)));
  };
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
    const read = readCurrent(abs, edit.path);
    const current = read?.text ?? null;
    let text: string | null = null;
    let source: SourceFile | undefined;
    let encoding: Encoding = { bom: false, crlf: false, finalNewline: true };
    if (current !== null) {
      encoding = encodingOf(current);
      text = toEditable(current, encoding);
      // A file that is not YAML (a review's markdown document) is edited as text alone.
      // The fast read when it follows the file (the Document for the edit is parsed on first use), else `yaml` with its findings.
      if (/\.ya?ml$/i.test(edit.path)) source = readSource(abs, edit.path, kindOf(edit.path), text, fastData(text));
      if (source?.parseIssues.some((i) => i.severity === "error")) throw new EditError(`${edit.path} no longer parses; run tam validate (nothing was written)`);
    }
    const next = edit.edit(text, source);
    if (next === null || next === text) continue;
    const bytes = Buffer.from(fromEditable(next, encoding), "utf8");
    planned.push({ path: edit.path, abs, bytes, before: read?.bytes ?? null });
  }
  return planned;
}

/** The file's bytes and their text, or null when it does not exist. */
function readCurrent(abs: string, rel: string): { bytes: Buffer; text: string } | null {
  let bytes: Buffer;
  try {
    bytes = readFileSync(abs);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw fileProblem(error, rel, "cannot read");
  }
  const decoded = decodeText(bytes);
  if ("problem" in decoded) throw new ProjectError(`${rel} cannot be edited; nothing was written:`, [{ severity: "error", file: rel, ...decoded.problem }]);
  return { bytes, text: decoded.text };
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

function kindOf(rel: string): FileKind {
  if (rel.startsWith("changes/")) return "change";
  if (rel.startsWith("incidents/")) return "incidents";
  const top: Record<string, FileKind> = {
    "tam.yaml": "manifest",
    "departments.yaml": "departments",
    "architecture.yaml": "architecture",
    "docs.yaml": "docs",
    "recommendations.yaml": "recommendations",
    "meetings.yaml": "meetings",
  };
  return top[rel] ?? "manifest";
}

/** Refuses an edit that brings new errors; errors the project already had are a warning, not a refusal. */
function checkProject(
  read: { root: string; files?: SourceFile[] },
  planned: Planned[],
  parts: LoadPart[] | undefined,
  warn: (text: string) => void,
  refuseIn?: readonly string[],
  changeFiles?: readonly string[],
): void {
  // Read with some change files only, the rules across change files cannot be judged: only the
  // findings in the files the command decides from count.
  const scope = changeFiles && refuseIn;
  const issuesOf = (project: Project) => (scope ? issuesIn(project, scope) : projectIssues(project));
  const isError = (issue: Issue) => issue.severity === "error";
  const overrides = new Map(planned.map((p) => [p.path, p.bytes.toString("utf8")]));
  // Files unchanged since the command read them are not parsed again, nor those unchanged by the edit.
  const current = reloadProject({ root: read.root, files: read.files ?? [] }, parts, { changeFiles });
  // The files the edit does not touch are as just read (under the lock): not read from disk again.
  const after = issuesOf(reloadProject(current, parts, { overrides, reuseAsRead: true, changeFiles })).filter(isError);
  // No error left: nothing to refuse, nothing to warn of.
  if (refuseIn && after.length === 0) return;
  // Nothing changed since the command read (and checked) the project: its findings stand.
  const beforeIssues = issuesOf("readIssues" in read && sameRead(read as Project, current) ? (read as Project) : current);
  if (refuseIn) refuseErrorsIn(beforeIssues, refuseIn);
  const before = beforeIssues.filter(isError);
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

/** git.hooks in tam.yaml: the project's as loaded, else read now; "run" unless it says skip. */
function hooksSetting(project: { root: string; files?: SourceFile[] }): "run" | "skip" {
  let data = project.files?.find((f) => f.kind === "manifest")?.data;
  if (data === undefined) {
    try {
      const text = readCurrent(join(project.root, MANIFEST_FILE), MANIFEST_FILE)?.text;
      if (text !== undefined) data = parseSource(join(project.root, MANIFEST_FILE), MANIFEST_FILE, "manifest", toEditable(text, encodingOf(text))).data;
    } catch {
      // An unreadable manifest was reported by the command's own load; hooks run.
    }
  }
  return (data as Partial<Manifest> | null | undefined)?.git?.hooks === "skip" ? "skip" : "run";
}

interface HookedCommit {
  root: string;
  repo: Repository;
  planned: Planned[];
  paths: string[];
  message: string;
  parent: string | undefined;
  /** The hooks to run (none: a plain commit). */
  hooks: CommitHook[];
  lockNonce: string;
  warn: (text: string) => void;
}

/**
 * Commits the written files, running the repository's hooks first as \`git commit --only\` would:
 * pre-commit, prepare-commit-msg and commit-msg see a scratch index of HEAD plus exactly these
 * files, and may edit the message. After each, the files on disk and that index must still hold
 * what tam wrote; the commit is then made of that checked tree. A refusal or a change is a HookError.
 */
async function commitThroughHooks(c: HookedCommit): Promise<CommitOutcome> {
  const git = await import("./git.js");
  if (!c.hooks.some((h) => h !== "post-commit")) return git.commitExactly(c.root, c.paths, c.message, c.parent, c.repo.prefix);
  sweepDeadScratch(c.repo.gitDir);
  const scratch = hookScratch(c.repo.gitDir);
  try {
    const tree = await git.stageForHooks(c.root, scratch.index, c.paths, c.parent);
    if (c.parent && (await git.treeChanges(c.root, c.parent, tree)).length === 0) return { nothingToCommit: true };
    const env = { GIT_INDEX_FILE: scratch.index, [HOOK_LOCK_ENV]: c.lockNonce };
    writeScratchMessage(scratch, `${c.message}\n`);
    const steps: [CommitHook, string[]][] = [
      ["pre-commit", []],
      ["prepare-commit-msg", [scratch.message, "message"]],
      ["commit-msg", [scratch.message]],
    ];
    for (const [hook, args] of steps) {
      if (!c.hooks.includes(hook)) continue;
      const ran = await git.runHook(c.repo.top, hook, args, env);
      const said = hookText(ran.output);
      if (ran.code !== 0)
        throw new HookError(
          `the ${hook} hook refused the commit (exit ${ran.code}): ${undone(c.planned)}; fix what it reports and run the command again, or pass --no-verify to commit without the hooks (the commit message records it)${said ? ". The hook said:" : " (it printed nothing)"}`,
          hook,
          said,
        );
      // Nothing goes into the commit that tam did not check: not a hook's edit of the files, nor a file it staged.
      const edited = c.planned.filter((p) => currentHash(p.abs) !== contentHash(p.bytes)).map((p) => p.path);
      const now = await git.indexTree(c.root, scratch.index);
      const staged = now === tree ? [] : await git.treeChanges(c.root, tree, now);
      const own = new Set(c.paths.map((p) => c.repo.prefix + p));
      const others = staged.filter((f) => !own.has(f));
      if (edited.length > 0 || staged.length > 0) {
        const what = [
          edited.length ? `changed ${edited.join(", ")} after tam wrote it` : "",
          others.length ? `staged ${others.join(", ")}` : "",
          staged.some((f) => own.has(f)) && !edited.length ? "staged other content for the files tam wrote" : "",
        ]
          .filter(Boolean)
          .join(" and ");
        throw new HookError(
          `the ${hook} hook ${what}; tam commits only what it checked, so nothing was committed: ${undone(c.planned)}${others.length ? ` (the hook's changes to other files are left in the work tree, unstaged)` : ""}; keep that hook off tam's files, or pass --no-verify to commit without the hooks${said ? ". The hook said:" : ""}`,
          hook,
          said,
        );
      }
      if (said) c.warn(said);
    }
    const final = readFileSync(scratch.message, "utf8");
    if (final.trim() === "") throw new HookError(`the commit message is empty after the hooks: ${undone(c.planned)}`, "commit-msg", "");
    return await git.commitExactly(c.root, c.paths, c.message, c.parent, c.repo.prefix, { messageFile: scratch.message, tree });
  } finally {
    removeScratch(scratch);
  }
}

function undone(planned: Planned[]): string {
  return `tam's write is undone (${planned.map((p) => (p.before === null ? `${p.path}, which it created, is removed` : `${p.path} is as it was`)).join("; ")})`;
}

/** A hook's output without colour codes or trailing blank lines. */
function hookText(output: string): string {
  return output.replace(/\u001b\[[0-9;?]*[ -/]*[@-~]/g, "").replace(/\s+$/, "");
}

/** Puts every written file back as it was before the write (a file that did not exist is removed). */
function restoreAll(planned: Planned[]): void {
  const staged: StagedWrite[] = [];
  try {
    for (const p of planned) if (p.before !== null) staged.push(stageWrite(p.abs, p.before, p.path));
  } catch (error) {
    for (const s of staged) discardWrite(s);
    throw error;
  }
  for (const s of staged) commitWrite(s, planned.find((p) => p.abs === s.path)?.path);
  for (const p of planned) if (p.before === null) removeFile(p.abs, p.path);
}
