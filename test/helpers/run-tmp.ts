// One temporary folder per test run, set as TMPDIR for the test workers and the tam processes they
// start, so that every folder a test makes with mkdtemp(tmpdir()) is inside it; removed when the run
// ends (vitest globalSetup teardown), so a developer's /tmp does not collect thousands of copies.
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
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

/** vitest globalSetup: nothing to set up; the teardown removes the run's folder. */
export default function setup(): () => void {
  return () => {
    const dir = process.env.TAM_TEST_RUN_TMP;
    if (dir) rmSync(dir, { recursive: true, force: true });
  };
}
