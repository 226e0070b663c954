import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO, runTam } from "../helpers/run.js";

describe("tam schema", () => {
  it("prints a schema by name", () => {
    const result = runTam(["schema", "change"]);
    expect(result.code).toBe(0);
    const schema = JSON.parse(result.stdout);
    expect(schema.$id).toBe("https://tam.dev/schemas/change.schema.json");
  });

  it("writes all schemas to a folder", () => {
    const dir = mkdtempSync(join(tmpdir(), "tam-schema-"));
    expect(runTam(["schema", "--write", dir]).code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(["architecture", "change", "departments", "docs", "incidents", "meetings", "recommendations", "tam"].map((n) => `${n}.schema.json`));
  });

  it("--write alone refreshes the project's .tam/schemas, and validate warns while that copy differs from tam's", () => {
    const dir = mkdtempSync(join(tmpdir(), "tam-schema-project-"));
    expect(runTam(["init", dir, "--client", "ACME", "--tam", "Irina Petrova", "--yes", "--no-git"]).code).toBe(0);
    writeFileSync(join(dir, ".tam/schemas/docs.schema.json"), "{}\n");
    const stale = runTam(["validate", "-C", dir, "--format", "json"]);
    expect(JSON.parse(stale.stdout).issues).toEqual([
      expect.objectContaining({ severity: "warning", code: "schemas-outdated", file: ".tam/schemas", message: expect.stringContaining("docs.schema.json differs") }),
    ]);
    const written = runTam(["schema", "--write"], { cwd: dir });
    expect(written.code, written.stderr).toBe(0);
    expect(written.stderr).toContain("wrote 8 schemas to .");
    expect(JSON.parse(runTam(["validate", "-C", dir, "--format", "json"]).stdout).issues).toEqual([]);
  });

  it("ships each schema in the form it writes into a project (JSON.stringify, two spaces, a newline), so a copy is compared as text", () => {
    const names = readdirSync(join(REPO, "schemas")).filter((name) => name.endsWith(".schema.json"));
    expect(names).toHaveLength(8);
    for (const name of names) {
      const text = readFileSync(join(REPO, "schemas", name), "utf8");
      expect(text, name).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
    }
  });

  it("its help names every schema it can print", () => {
    const help = runTam(["schema", "--help"]).stdout.replace(/\s+/g, " ");
    const names = readdirSync(join(REPO, "schemas")).map((file) => file.replace(/\.schema\.json$/, ""));
    expect(names.length).toBeGreaterThan(7);
    for (const name of names) expect(help, name).toMatch(new RegExp(`\\b${name}\\b`));
  });

  it("rejects an unknown kind with exit 2", () => {
    const result = runTam(["schema", "nope"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/unknown schema "nope"/);
  });
});
