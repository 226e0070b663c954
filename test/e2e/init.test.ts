import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { git, runTam } from "../helpers/run.js";

const identity = { GIT_AUTHOR_NAME: "Irina", GIT_AUTHOR_EMAIL: "i@example.com", GIT_COMMITTER_NAME: "Irina", GIT_COMMITTER_EMAIL: "i@example.com" };

describe("tam init", () => {
  it("creates a valid project with modelines, a CI workflow and a first commit", () => {
    const dir = join(mkdtempSync(join(tmpdir(), "tam-init-")), "acme");
    const result = runTam(["init", dir, "--client", "ACME Corp", "--tam", "Irina Petrova", "--timezone", "Europe/Moscow", "--sla", "premium", "--yes"], {
      env: { ...identity, GIT_CONFIG_GLOBAL: "/dev/null" },
    });
    expect(result.stderr).toMatch(/created a tam project for ACME Corp/);
    expect(result.code).toBe(0);
    for (const file of ["tam.yaml", "departments.yaml", "architecture.yaml", "docs.yaml", ".github/workflows/tam.yml"]) expect(existsSync(join(dir, file)), file).toBe(true);
    const manifest = readFileSync(join(dir, "tam.yaml"), "utf8");
    // Modelines point at the project's own copy of the schemas (editors work offline), committed with it.
    expect(manifest).toMatch(/^# yaml-language-server: \$schema=\.tam\/schemas\/tam\.schema\.json\n/);
    const schemaOut = runTam(["schema", "tam"]).stdout;
    expect(JSON.parse(readFileSync(join(dir, ".tam/schemas/tam.schema.json"), "utf8"))).toEqual(JSON.parse(schemaOut));
    expect(manifest).toContain("id: acme-corp");
    expect(manifest).toContain("P1: { response: 15m, resolution: 4h, calendar: 24x7, goal: 95 }");
    expect(readFileSync(join(dir, ".github/workflows/tam.yml"), "utf8")).toMatch(/uses: tam-dev\/tam@v\d/);
    expect(git(dir, ["log", "--format=%s"]).trim()).toBe("tam init: ACME Corp project");
    expect(git(dir, ["status", "--porcelain"]).trim()).toBe("");
    expect(runTam(["validate", "-C", dir]).code).toBe(0);
  });

  it("refuses to overwrite an existing project", () => {
    const dir = mkdtempSync(join(tmpdir(), "tam-init-"));
    expect(runTam(["init", dir, "--client", "A", "--tam", "B", "--yes", "--no-git"]).code).toBe(0);
    const before = readFileSync(join(dir, "tam.yaml"), "utf8");
    const again = runTam(["init", dir, "--client", "Other", "--tam", "B", "--yes", "--no-git"]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already holds a tam project/);
    expect(readFileSync(join(dir, "tam.yaml"), "utf8")).toBe(before);
  });

  it("without a terminal and without flags, says which flag is missing", () => {
    const dir = mkdtempSync(join(tmpdir(), "tam-init-"));
    const result = runTam(["init", dir]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--client is required/);
  });

  it("rejects an unknown time zone", () => {
    const dir = mkdtempSync(join(tmpdir(), "tam-init-"));
    const result = runTam(["init", dir, "--client", "A", "--tam", "B", "--timezone", "Mars/Olympus", "--yes", "--no-git"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/not an IANA time zone/);
    expect(existsSync(join(dir, "tam.yaml"))).toBe(false);
  });
});

describe("tam init without a git identity", () => {
  it("refuses before writing anything and names --no-git", () => {
    const parent = mkdtempSync(join(tmpdir(), "tam-init-"));
    const result = runTam(["init", join(parent, "acme"), "--client", "A", "--tam", "B", "--yes"], {
      env: { HOME: parent, GIT_CONFIG_GLOBAL: "/dev/null", GIT_CONFIG_NOSYSTEM: "1", GIT_AUTHOR_NAME: "", GIT_COMMITTER_NAME: "", GIT_AUTHOR_EMAIL: "", GIT_COMMITTER_EMAIL: "", EMAIL: "" },
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/git does not know who you are.*--no-git.*nothing was written/);
    expect(existsSync(join(parent, "acme"))).toBe(false);
  });
});
