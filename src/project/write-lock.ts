// The project-wide write lock: one tam write at a time per project, whoever starts it.
// The lock file (tam.yaml.lock beside the manifest; init's .gitignore keeps *.yaml.lock out of
// commits) holds who took it, so a waiting tam can say who it waits for, and a lock left by a
// killed tam is taken over: its process is gone (same host), or it is older than any write takes.
import { closeSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from "node:fs";
import { hostname } from "node:os";
import { dirname, join } from "node:path";
import { UsageError } from "../errors.js";
import { fileProblem } from "./file-errors.js";

const LOCK_FILE = "tam.yaml.lock";
/**
 * Set for the git hooks tam runs around its commit, to the nonce of the lock it holds meanwhile: a
 * tam started by such a hook that wants to write refuses at once instead of waiting for its parent.
 */
export const HOOK_LOCK_ENV = "TAM_HOOK_LOCK";
/** The default of `--wait`: how long a write waits for the lock before giving up. */
const DEFAULT_WAIT_SECONDS = 60;
/** No write holds the lock this long; an older lock was left by a process that can no longer be asked. */
const STALE_MS = 10 * 60_000;
/** Breaking a stale lock takes milliseconds; a break marker older than this was left by a killed tam. */
const BREAK_STALE_MS = 10_000;

export interface LockHolder {
  pid: number;
  host: string;
  /** ISO time the lock was taken. */
  since: string;
  /** The tam command line that holds it. */
  command: string;
  by?: string;
  /** Tells two holders with the same pid apart (pid reuse). */
  nonce: string;
}

export interface WriteLock {
  holder: LockHolder;
  /** The lock was taken over from a tam that died: a git it started may still be finishing. */
  tookOver: boolean;
  release(): void;
}

export interface LockOptions {
  waitSeconds?: number;
  by?: string;
  /** Called once when the lock is busy, with who holds it. */
  onWait?: (holder: LockHolder | undefined) => void;
}

export async function acquireWriteLock(root: string, options: LockOptions = {}): Promise<WriteLock> {
  const path = join(root, LOCK_FILE);
  const waitMs = (options.waitSeconds ?? DEFAULT_WAIT_SECONDS) * 1000;
  const deadline = Date.now() + waitMs;
  const holder: LockHolder = {
    pid: process.pid,
    host: hostname(),
    since: new Date().toISOString(),
    command: ["tam", ...process.argv.slice(2)].join(" "),
    ...(options.by ? { by: options.by } : {}),
    nonce: `${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}`,
  };
  let delay = 25;
  let told = false;
  let tookOver = false;
  for (;;) {
    if (tryCreate(path, holder)) {
      return {
        holder,
        tookOver,
        release: () => {
          // Only our own lock is removed: a lock broken as stale and retaken by another tam stays.
          if (readHolder(path)?.nonce === holder.nonce) rmSync(path, { force: true });
        },
      };
    }
    const current = readHolder(path);
    if (current && current.nonce === process.env[HOOK_LOCK_ENV]) throw new UsageError(fromHookMessage(current));
    if (isStale(path, current)) {
      breakStaleLock(path, current);
      tookOver = true;
      continue;
    }
    if (Date.now() >= deadline) throw new UsageError(busyMessage(path, current, waitMs / 1000));
    if (!told) {
      told = true;
      options.onWait?.(current);
    }
    // Backoff with jitter, so many waiting writers do not retry in lockstep; capped so a free lock is noticed soon.
    await new Promise((resolve) => setTimeout(resolve, Math.min(delay * (0.5 + Math.random()), Math.max(0, deadline - Date.now()))));
    delay = Math.min(delay * 2, 500);
  }
}

/** Creates the lock file with our holder record; false when it exists already. */
function tryCreate(path: string, holder: LockHolder): boolean {
  let fd: number;
  try {
    fd = openSync(path, "wx");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw fileProblem(error, dirname(path), `cannot take the project's write lock (${LOCK_FILE}) in the project folder, so nothing was written`);
  }
  try {
    writeSync(fd, `${JSON.stringify(holder)}\n`);
  } finally {
    closeSync(fd);
  }
  return true;
}

function readHolder(path: string): LockHolder | undefined {
  try {
    const data = JSON.parse(readFileSync(path, "utf8")) as Partial<LockHolder>;
    return typeof data.pid === "number" && typeof data.nonce === "string" ? (data as LockHolder) : undefined;
  } catch {
    return undefined;
  }
}

function ageMs(path: string): number | undefined {
  try {
    return Date.now() - statSync(path).mtimeMs;
  } catch {
    return undefined;
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function isStale(path: string, holder: LockHolder | undefined): boolean {
  const age = ageMs(path);
  if (age === undefined) return false; // gone already: the next try takes it
  if (age > STALE_MS) return true;
  // A lock being written right now may not hold its record yet; an unreadable one is stale only once old.
  if (!holder) return age > BREAK_STALE_MS;
  return holder.host === hostname() && !isAlive(holder.pid);
}

/**
 * Removes a stale lock so that exactly one waiting tam takes over: the breaker first takes a
 * break marker, then checks that the lock is still the stale one it saw before removing it.
 */
function breakStaleLock(path: string, seen: LockHolder | undefined): void {
  const marker = `${path}.break`;
  const markerAge = ageMs(marker);
  if (markerAge !== undefined && markerAge > BREAK_STALE_MS) rmSync(marker, { force: true });
  let fd: number;
  try {
    fd = openSync(marker, "wx");
  } catch {
    return; // another tam is breaking it: wait and look again
  }
  closeSync(fd);
  try {
    const now = readHolder(path);
    if (now?.nonce === seen?.nonce && isStale(path, now)) {
      // Renamed aside first: a crash here leaves no half-removed lock.
      const aside = `${path}.stale-${process.pid}`;
      renameSync(path, aside);
      rmSync(aside, { force: true });
    }
  } catch {
    // gone meanwhile: fine
  } finally {
    rmSync(marker, { force: true });
  }
}

function fromHookMessage(holder: LockHolder): string {
  return `this tam runs from a git hook of tam's own commit (${describeHolder(holder)}), which holds the project's write lock until its hooks end: a write from a commit hook would wait for itself. Write outside commit hooks (read-only commands such as tam validate are fine there); nothing was written`;
}

function busyMessage(path: string, holder: LockHolder | undefined, waitedSeconds: number): string {
  const who = holder ? describeHolder(holder) : "another tam process";
  return `another tam write is still running after ${waitedSeconds} s: ${who}. Wait for it and try again, or pass --wait SECONDS to wait longer; if no tam is running, remove ${path}. Nothing was written`;
}

export function describeHolder(holder: LockHolder): string {
  return `\`${holder.command}\` (pid ${holder.pid}${holder.host !== hostname() ? ` on ${holder.host}` : ""}${holder.by ? `, by ${holder.by}` : ""}, since ${holder.since})`;
}
