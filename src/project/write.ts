// Atomic writes: a temporary file in the same folder, flushed, then renamed over the target,
// so a crash leaves either the old file or the new one, never half of one. Several files are
// staged first (every temporary written and flushed) and renamed only when all are ready.
import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { fileProblem } from "./file-errors.js";
import { isAlive } from "./write-lock.js";

const TEMP = /^\..+\.tam-(\d+)-[0-9a-z]+\.tmp$/;

export interface StagedWrite {
  path: string;
  temp: string;
}

/** Writes `bytes` to a flushed temporary beside `path`. `shown` names the file in error messages. */
export function stageWrite(path: string, bytes: string | Uint8Array, shown = path): StagedWrite {
  const dir = dirname(path);
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw fileProblem(error, dirname(shown), "cannot create the folder");
  }
  const temp = join(dir, `.${basename(path)}.tam-${process.pid}-${Math.random().toString(36).slice(2, 10)}.tmp`);
  let mode: number | undefined;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) throw Object.assign(new Error("EISDIR"), { code: "EISDIR" });
    mode = stat.mode & 0o777;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw fileProblem(error, shown, "cannot write");
  }
  let fd: number;
  try {
    fd = openSync(temp, "wx", mode ?? 0o644);
  } catch (error) {
    throw fileProblem(error, shown, `cannot write (its folder ${dirname(shown)} does not take new files)`);
  }
  try {
    writeSync(fd, typeof bytes === "string" ? Buffer.from(bytes, "utf8") : bytes);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(temp, { force: true });
    throw fileProblem(error, shown, "cannot write (the file was left as it was)");
  }
  closeSync(fd);
  return { path, temp };
}

/** Renames a staged temporary over its target and flushes the folder, so the rename survives a crash. */
export function commitWrite(staged: StagedWrite, shown = staged.path): void {
  try {
    renameSync(staged.temp, staged.path);
  } catch (error) {
    rmSync(staged.temp, { force: true });
    throw fileProblem(error, shown, "cannot write (the file was left as it was)");
  }
  syncFolder(dirname(staged.path));
}

export function discardWrite(staged: StagedWrite): void {
  rmSync(staged.temp, { force: true });
}

function syncFolder(dir: string): void {
  try {
    const fd = openSync(dir, "r");
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Some file systems cannot flush a folder; the rename itself is still atomic.
  }
}

/** Removes a file tam created, when its write is undone (a commit hook refused it). */
export function removeFile(path: string, shown = path): void {
  try {
    rmSync(path, { force: true });
  } catch (error) {
    throw fileProblem(error, shown, "cannot remove");
  }
  syncFolder(dirname(path));
}

/** One file written atomically (init's scaffolding, report -o): no lock, no commit. */
export function writeFileAtomic(path: string, text: string): void {
  commitWrite(stageWrite(path, text));
}

/** Removes temporaries of atomic writes in `dir` left by tam processes that no longer run. */
export function sweepDeadTemporaries(dir: string): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = TEMP.exec(name)?.[1];
    if (pid && Number(pid) !== process.pid && !isAlive(Number(pid))) rmSync(join(dir, name), { force: true });
  }
}
