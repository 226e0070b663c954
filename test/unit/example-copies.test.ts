// The example is copied as it is (the README's `cp -R` step): every modeline must point inside the
// copy, at the project's own .tam/schemas, and that copy must be this tam's schemas.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { projectSchemaFiles } from "../../src/project/schemas.js";
import { EXAMPLE } from "../helpers/run.js";

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name.startsWith(".")) return [];
    const path = join(dir, entry.name);
    return entry.isDirectory() ? yamlFiles(path) : entry.name.endsWith(".yaml") ? [path] : [];
  });
}

describe("examples/northwind copies cleanly", () => {
  it("every modeline points at a schema inside the example", () => {
    const files = yamlFiles(EXAMPLE);
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const first = readFileSync(file, "utf8").split("\n")[0];
      const target = /^# yaml-language-server: \$schema=(.+)$/.exec(first)?.[1];
      expect(target, `${relative(EXAMPLE, file)} has a modeline`).toBeDefined();
      const path = resolve(dirname(file), target as string);
      expect(relative(EXAMPLE, path).startsWith(".."), `${relative(EXAMPLE, file)}: ${target} points outside the example`).toBe(false);
      expect(existsSync(path), `${relative(EXAMPLE, file)}: ${target} exists`).toBe(true);
    }
  });

  it("its .tam/schemas are this tam's schemas (run `tam schema --write -C examples/northwind` after a schema change)", () => {
    for (const file of projectSchemaFiles()) expect(readFileSync(join(EXAMPLE, file.path), "utf8"), file.path).toBe(file.text);
  });

  it("its README counts the changes there are", () => {
    const changes = readdirSync(join(EXAMPLE, "changes")).filter((name) => name.endsWith(".yaml")).length;
    const words = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];
    expect(readFileSync(join(EXAMPLE, "README.md"), "utf8")).toContain(`${words[changes]} changes`);
  });
});
