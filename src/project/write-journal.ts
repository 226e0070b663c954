// What tam wrote but has not committed, kept in the repository's git folder (never in the work
// tree): the files of a write in progress (so a write killed between saving and committing is
// recognised by the next one), files a killed write left behind, and files written with
// --no-commit (so a later committing write knows those changes are tam's own, not the user's).
// Read and written only under the write lock.
import { readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { commitWrite, stageWrite } from "./write.js";
import { isAlive } from "./write-lock.js";

export interface PendingWrite {
  pid: number;
  started: string;
  command: string;
  message: string;
  /** Paths relative to the repository's work tree, with the hash of the content being written. */
  files: Record<string, string>;
}

export interface Journal {
  /** The write in progress (when read by another tam: a write that was killed). */
  pending?: PendingWrite;
  /** Files a killed write saved but did not commit: path -> what that write was. */
  interrupted: Record<string, { hash: string; command: string; message: string; started: string; pid: number }>;
  /** Files written with --no-commit: path -> hash of what tam wrote. */
  uncommitted: Record<string, string>;
}

const FILE = "tam-writes.json";

export function contentHash(bytes: Uint8Array | string): string {
  // node:crypto on first use, not when a module that may write is loaded: `change plan` without
  // --write reads only, and loading node:crypto costs it about 4 ms (docs/benchmarks.md).
  const { createHash } = process.getBuiltinModule("node:crypto");
  return createHash("sha256").update(bytes).digest("hex");
}

export function readJournal(gitDir: string): Journal {
  try {
    const data = JSON.parse(readFileSync(join(gitDir, FILE), "utf8")) as Partial<Journal>;
    return { pending: data.pending, interrupted: data.interrupted ?? {}, uncommitted: data.uncommitted ?? {} };
  } catch {
    return { interrupted: {}, uncommitted: {} };
  }
}

export function writeJournal(gitDir: string, journal: Journal): void {
  const path = join(gitDir, FILE);
  if (!journal.pending && Object.keys(journal.interrupted).length === 0 && Object.keys(journal.uncommitted).length === 0) {
    rmSync(path, { force: true });
    return;
  }
  commitWrite(stageWrite(path, `${JSON.stringify(journal, null, 2)}\n`));
}

/**
 * Scratch files of a commit that goes through the repository's hooks, in the git folder beside
 * the journal: the index the hooks see (HEAD plus the files written) and the commit message they
 * may check or edit. Named by pid, so that a killed tam's are recognised and removed.
 */
export interface HookScratch {
  index: string;
  message: string;
}

const SCRATCH = /^tam-hooks-(\d+)\.(index|index\.lock|msg)$/;

export function hookScratch(gitDir: string): HookScratch {
  return { index: join(gitDir, `tam-hooks-${process.pid}.index`), message: join(gitDir, `tam-hooks-${process.pid}.msg`) };
}

export function writeScratchMessage(scratch: HookScratch, text: string): void {
  commitWrite(stageWrite(scratch.message, text));
}

export function removeScratch(scratch: HookScratch): void {
  for (const path of [scratch.index, `${scratch.index}.lock`, scratch.message]) rmSync(path, { force: true });
}

/** Removes scratch files left by tam processes that no longer run. */
export function sweepDeadScratch(gitDir: string): void {
  let names: string[];
  try {
    names = readdirSync(gitDir);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = SCRATCH.exec(name)?.[1];
    if (pid && Number(pid) !== process.pid && !isAlive(Number(pid))) rmSync(join(gitDir, name), { force: true });
  }
}
