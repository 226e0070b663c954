import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadProject } from "../../../src/project/load.js";

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "tam-lazy-"));
  for (const [rel, text] of Object.entries(files)) writeFileSync(join(dir, rel), text);
  return dir;
}

const MANIFEST = "format: 1\nclient: { name: A }\nproject: { id: a, name: A }\ntam: { name: T }\ntimezone: UTC\n";
const ARCHITECTURE = "# comment\ncomponents:\n  - id: fw\n    name: Firewall\n    kind: firewall\n  - id: vm\n    name: VM\n    kind: vm\n    depends_on: [fw]\n";

describe("documents released after loading", () => {
  it("locates values at the same positions once the document is parsed again", () => {
    const loaded = loadProject(project({ "tam.yaml": MANIFEST, "architecture.yaml": ARCHITECTURE }));
    const vm = loaded.components[1]!;
    expect(loaded.where(vm, "depends_on", 0)).toEqual({ file: "architecture.yaml", line: 9, col: 18 });
    expect(loaded.where(vm, "kind")).toEqual({ file: "architecture.yaml", line: 8, col: 11 });
  });

  it("parses a released document once and keeps it, with the data and text of the first parse", () => {
    const loaded = loadProject(project({ "tam.yaml": MANIFEST, "architecture.yaml": ARCHITECTURE }));
    const source = loaded.files.find((f) => f.kind === "architecture")!;
    expect(source.doc).toBe(source.doc);
    expect(source.doc.toJS()).toEqual(source.data);
    expect(source.text).toBe(ARCHITECTURE);
    expect(source.lineCounter.linePos(ARCHITECTURE.indexOf("vm\n"))).toEqual({ line: 6, col: 9 });
  });

  it("keeps the document of a file with findings", () => {
    const loaded = loadProject(project({ "tam.yaml": MANIFEST, "architecture.yaml": "components:\n  - id: a\n    id: b\n" }));
    const source = loaded.files.find((f) => f.kind === "architecture")!;
    expect(source.parseIssues.map((i) => i.code)).toEqual(["duplicate-key"]);
    expect(Object.getOwnPropertyDescriptor(source, "doc")?.get).toBeUndefined();
  });
});
