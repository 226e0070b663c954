// CI smoke test of the benchmark generator (issue 7): the small size S must be a valid project on
// which every command runs. Exit codes and JSON shapes only; timing is for `npm run bench`, not tests.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO, runTam } from "../helpers/run.js";

const AS_OF = "2027-01-10";
let project: string;
let parent: string;

/** Whether the built CLI has a command (commander prints the top-level usage for unknown ones). */
function has(words: string[]): boolean {
  const result = runTam([...words, "--help"]);
  return result.code === 0 && result.stdout.startsWith(`Usage: tam ${words.join(" ")} `);
}

beforeAll(() => {
  parent = mkdtempSync(join(tmpdir(), "tam-bench-smoke-"));
  project = join(parent, "S");
  const result = spawnSync(process.execPath, [join(REPO, "scripts/generate-project.mjs"), "--size", "S", "--out", project, "--git"], { encoding: "utf8" });
  expect(result.stderr).toMatch(/generated S/);
  expect(result.status).toBe(0);
});

afterAll(() => rmSync(parent, { recursive: true, force: true }));

describe("benchmark project S", () => {
  it("validates with no findings", () => {
    const result = runTam(["validate", "-C", project, "--format", "json"]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({ version: 1, failed: false, summary: { error: 0, warning: 0 } });
    expect(report.filesChecked).toBe(48);
  });

  it.skipIf(!has(["change", "plan"]))("plans the largest change", () => {
    const result = runTam(["change", "plan", "CHG-BIG", "-C", project, "--format", "json", "--as-of", AS_OF]);
    expect(result.code, result.stderr).toBeLessThanOrEqual(1);
    expect(JSON.parse(result.stdout)).toMatchObject({ version: 3 });
  });

  it.skipIf(!has(["docs", "check"]))("checks the docs with a fixed number of git processes", () => {
    const result = runTam(["docs", "check", "-C", project, "--format", "json", "--as-of", AS_OF, "--fail-on", "never"]);
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.version).toBe(1);
    expect(report.docs).toHaveLength(40);
    expect(report.meta.gitProcesses).toBeLessThanOrEqual(3);
  });

  it.skipIf(!has(["sla", "report"]))("reports SLA over the 24 generated months", () => {
    const result = runTam(["sla", "report", "-C", project, "--format", "json", "--as-of", AS_OF, "--from", "2025-01-01", "--to", "2026-12-31"]);
    expect(result.code, result.stderr).toBeLessThanOrEqual(1);
    expect(JSON.parse(result.stdout)).toMatchObject({ version: 1 });
  });
});
