// A lock file beside the file being edited, so that two tam processes editing one change
// take turns: read, edit, write and commit happen under the lock.
import { closeSync, openSync, rmSync, statSync } from "node:fs";
import { UsageError } from "../errors.js";

const RETRY_MS = 50;
const WAIT_MS = 10_000;
/** A lock older than this was left by a process that died; it is taken over. */
const STALE_MS = 60_000;

export async function withFileLock<T>(path: string, work: () => Promise<T>): Promise<T> {
  const lock = `${path}.lock`;
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    try {
      closeSync(openSync(lock, "wx"));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      if (isStale(lock)) rmSync(lock, { force: true });
      else if (Date.now() > deadline) throw new UsageError(`${lock} is held by another tam process; try again, or remove it if no tam is running`);
      else await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
    }
  }
  try {
    return await work();
  } finally {
    rmSync(lock, { force: true });
  }
}

function isStale(lock: string): boolean {
  try {
    return Date.now() - statSync(lock).mtimeMs > STALE_MS;
  } catch {
    return false;
  }
}
