// One temporary folder per test run, set as TMPDIR for the test workers and the tam processes they
// start, so that every folder a test makes with mkdtemp(tmpdir()) is inside it; removed when the run
// ends (vitest globalSetup teardown), so a developer's /tmp does not collect thousands of copies.
import { chmodSync, mkdtempSync } from "node:fs";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** Made when the config is read (the main process), before any worker starts. */
export function makeRunTmp(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  // As open as /tmp itself: the tests that run tam as another user (test/e2e/file-system-edges.test.ts) reach their folders through it.
  chmodSync(dir, 0o1777);
  process.env.TAM_TEST_RUN_TMP = dir;
  return dir;
}

/**
 * vitest globalSetup: nothing to set up; the teardown removes the run's folder, without blocking.
 * vitest runs this teardown before it waits for the last test files' workers to exit, and times
 * that wait from when each worker was told to stop: a synchronous removal of a big folder (the
 * install tier's npm installs) held the main process while a worker exited, and its timer then
 * fired before its exit was seen ("Timeout terminating forks worker").
 */
export default function setup(): () => Promise<void> {
  return async () => {
    const dir = process.env.TAM_TEST_RUN_TMP;
    if (dir) await rm(dir, { recursive: true, force: true });
  };
}
