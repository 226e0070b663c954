import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runTam } from "../helpers/run.js";

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
    expect(readdirSync(dir).sort()).toEqual(["architecture", "change", "departments", "docs", "incidents", "tam"].map((n) => `${n}.schema.json`));
  });

  it("rejects an unknown kind with exit 2", () => {
    const result = runTam(["schema", "nope"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/unknown schema "nope"/);
  });
});
