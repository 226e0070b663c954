// docs/format.md and the schemas must say the same thing: every field of every schema has a row
// in the reference, with the schema's own description.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO } from "../helpers/run.js";

type Schema = {
  type?: string | string[];
  properties?: Record<string, Schema>;
  items?: Schema;
  additionalProperties?: Schema | boolean;
  $ref?: string;
  $defs?: Record<string, Schema>;
  description?: string;
  oneOf?: Schema[];
};

const PLACEHOLDERS: [string[], string][] = [
  [["P1", "P2", "P3", "P4"], "<priority>"],
  [["mon", "tue", "wed", "thu", "fri", "sat", "sun"], "<weekday>"],
  [["backup", "monitoring", "security", "documentation", "final_backup", "monitoring_removal", "backup_retirement"], "<kind>"],
];

function fieldPaths(root: Schema): Map<string, string | undefined> {
  const out = new Map<string, string | undefined>();
  const resolve = (s: Schema): Schema => (s.$ref ? resolve(root.$defs![s.$ref.replace("#/$defs/", "")]!) : s);
  const walk = (schema: Schema, prefix: string, depth: number) => {
    if (depth > 8) return;
    const s = resolve(schema);
    for (const variant of s.oneOf ?? []) walk(variant, prefix, depth + 1);
    if (s.items) walk(s.items, `${prefix}[]`, depth + 1);
    const keys = Object.keys(s.properties ?? {});
    const placeholder = PLACEHOLDERS.find(([set]) => keys.length > 0 && keys.every((k) => set.includes(k)))?.[1];
    if (placeholder) {
      const path = prefix ? `${prefix}.${placeholder}` : placeholder;
      out.set(path, undefined);
      walk(s.properties![keys[0]!]!, path, depth + 1);
      return;
    }
    for (const [key, child] of Object.entries(s.properties ?? {})) {
      const path = prefix ? `${prefix}.${key}` : key;
      out.set(path, child.description ?? resolve(child).description);
      walk(child, path, depth + 1);
    }
    if (typeof s.additionalProperties === "object") {
      const path = `${prefix}.<name>`;
      out.set(path, undefined);
      walk(s.additionalProperties, path, depth + 1);
    }
  };
  walk(root, "", 0);
  return out;
}

describe("docs/format.md", () => {
  const reference = readFileSync(join(REPO, "docs/format.md"), "utf8");
  const SECTIONS: Record<string, string> = {
    tam: "tam.yaml",
    departments: "departments.yaml",
    architecture: "architecture.yaml",
    change: "changes/<ID>.yaml",
    incidents: "incidents/*.yaml",
    docs: "docs.yaml",
    recommendations: "recommendations.yaml",
    meetings: "meetings.yaml",
  };
  /** The field rows of one file's section. */
  const rowsOf = (file: string) => {
    const heading = `## ${SECTIONS[file.replace(".schema.json", "")]}\n`;
    const start = reference.indexOf(heading);
    expect(start, heading).toBeGreaterThanOrEqual(0);
    const end = reference.indexOf("\n## ", start + heading.length);
    const section = reference.slice(start, end < 0 ? undefined : end);
    const rows = new Map<string, string>();
    for (const match of section.matchAll(/^\| `([^`]+)` \|[^|\n]*\|[^|\n]*\|[^|\n]*\| (.*) \|$/gm)) rows.set(match[1]!, match[2]!);
    return rows;
  };

  for (const file of readdirSync(join(REPO, "schemas")).filter((f) => f.endsWith(".schema.json"))) {
    it(`documents every field of ${file}`, () => {
      const schema = JSON.parse(readFileSync(join(REPO, "schemas", file), "utf8")) as Schema;
      const rows = rowsOf(file);
      const missing: string[] = [];
      const different: string[] = [];
      for (const [path, description] of fieldPaths(schema)) {
        const row = rows.get(path);
        if (row === undefined) missing.push(path);
        else if (description && !row.startsWith(description.replace(/\|/g, "\\|").slice(0, 40))) different.push(`${path}: "${row.slice(0, 60)}" vs "${description.slice(0, 60)}"`);
      }
      expect(missing, "fields without a row in docs/format.md").toEqual([]);
      expect(different, "rows whose description differs from the schema").toEqual([]);
    });
  }

  it("every schema has an $id, a title and a description on every property", () => {
    for (const file of readdirSync(join(REPO, "schemas")).filter((f) => f.endsWith(".schema.json"))) {
      const schema = JSON.parse(readFileSync(join(REPO, "schemas", file), "utf8")) as Schema & { $id?: string; title?: string };
      expect(schema.$id, file).toMatch(/^https:\/\/tam\.dev\/schemas\/.+\.schema\.json$/);
      expect(schema.title, file).toBeTruthy();
      const undocumented = [...fieldPaths(schema)].filter(([path, d]) => !d && !path.endsWith(">")).map(([p]) => p);
      expect(undocumented, file).toEqual([]);
    }
  });
});
