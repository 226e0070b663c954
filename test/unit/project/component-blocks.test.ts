// componentBlocks walks the lines by offsets (hundreds of versions of a large architecture.yaml
// are cut in one docs check); it must cut exactly as splitting the text into lines does.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { parse as load } from "yaml";
import { describe, expect, it } from "vitest";
import { ArchitectureReader, componentBlocks } from "../../../src/project/architecture-versions.js";

/** The cut as it was written first: split into lines, test each line, join each item's lines. */
function blocksByLines(text: string): string[] | undefined {
  const lines = text.replace(/^\ufeff/, "").split("\n");
  const start = lines.findIndex((line) => /^components:[ \t]*(#.*)?\r?$/.test(line));
  if (start < 0) return undefined;
  for (let i = 0; i < start; i++) if (/^(---|\.\.\.|%)/.test(lines[i]!)) return undefined;
  let indent: string | undefined;
  const blocks: string[][] = [];
  for (let i = start + 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (indent === undefined) {
      if (/^\s*(#.*)?\r?$/.test(line)) continue;
      const item = /^( *)-( |\r?$)/.exec(line);
      if (!item) return undefined;
      indent = item[1]!;
    }
    if (line.startsWith(`${indent}-`) && /^( |\r?$)/.test(line.slice(indent.length + 1))) {
      blocks.push([line]);
      continue;
    }
    if (/^[^\s#-]/.test(line) || (indent !== "" && line.startsWith("-"))) {
      if (lines.slice(i).some((rest) => rest.startsWith("components:") || /^(---|\.\.\.)/.test(rest))) return undefined;
      break;
    }
    blocks[blocks.length - 1]?.push(line);
  }
  return blocks.map((block) => block.join("\n"));
}

const LAYOUTS = [
  "components:\n  - id: a\n    name: A\n  - id: b\n",
  "components:\n- id: a\n-\n- id: b\n  - nested\n-x\n",
  "\ufeff# c\ncomponents: # the landscape\r\n  - id: a\r\n  -\r\n    id: b\r\n\r\nother: 1\r\n",
  "components:\n\n  # first\n  - id: a\n -odd\n\t\n  - id: b\n-\nx: 1\n",
  "components:\n  - id: a\ncomponents:\n  - id: b\n",
  "components:\n  - id: a\n---\n",
  "%YAML 1.2\ncomponents:\n  - id: a\n",
  "components:\n  x: 1\n",
  "components:\n",
  "components:",
  'components:\n  - id: a\n    note: "a\u2028b"\n  - id: b',
  "kind: x\ncomponents:  \n  -  id: a\n  - id: b\n#end\nz:\n  - 1\n",
  "nothing here\n",
  "",
];

describe("componentBlocks", () => {
  it("cuts every layout exactly as splitting into lines does", () => {
    for (const text of LAYOUTS) expect(componentBlocks(text), JSON.stringify(text)).toEqual(blocksByLines(text));
  });

  it("cuts every architecture.yaml of the fixtures and the example as splitting into lines does", () => {
    const files = ["test/fixtures", "examples"].flatMap((dir) =>
      readdirSync(dir, { recursive: true, encoding: "utf8" }).flatMap((path) => (path.endsWith("architecture.yaml") && statSync(join(dir, path)).isFile() ? [join(dir, path)] : [])),
    );
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const text = readFileSync(file, "utf8");
      expect(componentBlocks(text), file).toEqual(blocksByLines(text));
    }
  });
});

describe("ArchitectureReader over a history", () => {
  it("reads each version to the same values as a fresh reader, whatever it read before (a reverted edit included)", () => {
    const v1 = "components:\n  - id: a\n    name: A\n  - id: b\n    name: B\n";
    const v2 = v1.replace("name: B", "name: B2");
    const v3 = `${v2}  - id: c\n    name: C\n`;
    const working = v3.replace("name: A", "name: A3");
    const reader = new ArchitectureReader();
    reader.seed(working, {
      components: [
        { id: "a", name: "A3" },
        { id: "b", name: "B2" },
        { id: "c", name: "C" },
      ],
    });
    for (const text of [v3, v2, v1, v2, v3, v1, working, "components: [{ id: a }]\n", v1]) expect(reader.read(text), text).toEqual(new ArchitectureReader().read(text));
  });
});

describe("ArchitectureReader over a long history of edits", () => {
  it("reads every version as a fresh reader does: edits in place, insertions, removals, moves far away, a block that needs the whole file", () => {
    let seed = 7;
    const random = (n: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed >>> 8) % n;
    };
    let components = Array.from({ length: 40 }, (_, i) => `  - id: c${i}\n    name: C${i}\n    instances: ${i % 3}`);
    const versions: string[] = [];
    for (let v = 0; v < 60; v++) {
      const edit = random(5);
      const at = random(components.length);
      if (edit === 0) components[at] = components[at]!.replace(/instances: \d+/, `instances: ${random(9)}`);
      else if (edit === 1) components.splice(at, 0, `  - id: n${v}\n    name: N${v}`);
      else if (edit === 2 && components.length > 5) components.splice(at, 1);
      else if (edit === 3) components = [...components.slice(at), ...components.slice(0, at)];
      else if (!components[at]!.includes("notes:")) components[at] = `${components[at]}\n    notes: &n${v} anchored`;
      versions.push(`components:\n${components.join("\n")}\n`);
    }
    const reader = new ArchitectureReader();
    const working = versions[versions.length - 1]!;
    reader.seed(working, load(working));
    for (const text of [...versions].reverse()) expect(reader.read(text), text).toEqual(new ArchitectureReader().read(text));
  });
});
