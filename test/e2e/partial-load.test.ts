// change plan and docs check read no incidents (so they stay fast on years of incident files):
// a broken incident file stops validate, not planning or the docs check.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { copyProject, EXAMPLE, runTam } from "../helpers/run.js";

function withBrokenIncidents(): string {
  const dir = copyProject(EXAMPLE);
  const file = join(dir, "incidents/2026-08.yaml");
  writeFileSync(file, readFileSync(file, "utf8").replace("priority: P4", "priority: P9"));
  return dir;
}

describe("commands that read no incidents", () => {
  it("validate still reports the broken incident", () => {
    const result = runTam(["validate", "-C", withBrokenIncidents(), "--format", "json"]);
    expect(result.code).toBe(1);
    const errors = JSON.parse(result.stdout).issues.filter((i: { severity: string }) => i.severity === "error");
    expect(errors.map((i: { file: string }) => i.file)).toEqual(["incidents/2026-08.yaml"]);
  });

  it("change plan plans", () => {
    const result = runTam(["change", "plan", "CHG-0003", "-C", withBrokenIncidents(), "--as-of", "2026-11-20", "--format", "json"]);
    expect(result.stderr).not.toMatch(/fix them first/);
    expect(JSON.parse(result.stdout)).toMatchObject({ version: 3, change: { id: "CHG-0003" } });
  });

  it("docs check checks", () => {
    const result = runTam(["docs", "check", "-C", withBrokenIncidents(), "--as-of", "2026-11-20", "--format", "json", "--fail-on", "never"]);
    expect(result.stderr).not.toMatch(/fix them first/);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).version).toBe(1);
  });
});
