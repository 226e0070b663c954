import { describe, expect, it } from "vitest";
import { ArchitectureReader, componentBlocks } from "../../../src/project/architecture-versions.js";
import { architectureVersions, commitsByFile, parseRawLog } from "../../../src/project/history.js";

const A = "a".repeat(40);
const B = "b".repeat(40);
const blob = (c: string) => c.repeat(40);
const ZERO = "0".repeat(40);

describe("componentBlocks", () => {
  it("cuts the components sequence into one block per item, with its comments, at any indentation", () => {
    const text = "# head\ncomponents:\n  # first\n  - id: fw\n    name: FW\n    # about lb\n\n  - id: lb\n    name: LB\nother: 1\n";
    expect(componentBlocks(text)).toEqual(["  - id: fw\n    name: FW\n    # about lb\n", "  - id: lb\n    name: LB"]);
    expect(componentBlocks("components:\n- id: a\n  name: A\n- id: b\n")).toEqual(["- id: a\n  name: A", "- id: b\n"]);
  });

  it("gives up on layouts it cannot cut safely: flow style, several documents, components named twice", () => {
    expect(componentBlocks("components: [{ id: a }]\n")).toBeUndefined();
    expect(componentBlocks("---\ncomponents:\n  - id: a\n")).toBeUndefined();
    expect(componentBlocks("components:\n  - id: a\nx: 1\ncomponents:\n  - id: b\n")).toBeUndefined();
  });
});

describe("ArchitectureReader", () => {
  it("reads the same values by blocks as by parsing the whole file, whatever the layout", () => {
    const reader = new ArchitectureReader();
    const plain = reader.read("components:\n  - id: fw\n    name: FW\n    instances: 2\n  - id: lb\n    name: LB\n")!;
    const flow = reader.read("components: [{ name: FW, instances: 2, id: fw }, { id: lb, name: LB }]\n")!;
    const anchored = reader.read("components:\n  - &x\n    id: fw\n    name: FW\n    instances: 2\n  - id: lb\n    name: LB\n")!;
    expect([...plain.keys()]).toEqual(["fw", "lb"]);
    expect(flow).toEqual(plain);
    expect(anchored).toEqual(plain);
    expect(reader.read("components: [unclosed\n")).toBeUndefined();
    const crlf = "\ufeffcomponents:\r\n  - id: fw\r\n    name: FW\r\n    instances: 2\r\n  - id: lb\r\n    name: LB\r\n";
    expect(componentBlocks(crlf)).toHaveLength(2);
    expect(reader.read(crlf)).toEqual(plain);
  });
});

describe("parseRawLog and commitsByFile", () => {
  const output = [
    `\x1e${A}\x1f1772366400\x1fAnn\x1fMove and edit\n`,
    `:100644 100644 ${blob("1")} ${blob("2")} R087\told/architecture.yaml\tsub/architecture.yaml`,
    `:100644 100644 ${blob("3")} ${blob("4")} M\tsub/docs/a.md`,
    `\x1e${B}\x1f1767225600\x1fBob\x1fAdd\n`,
    `:000000 100644 ${ZERO} ${blob("1")} A\told/architecture.yaml`,
    `:000000 100644 ${ZERO} ${blob("3")} A\tsub/docs/a.md`,
    "",
  ].join("\n");

  it("reads each commit's files with their blobs, renames included; the commit adding a file is no edit of it", () => {
    const log = parseRawLog(output);
    expect(log.map((entry) => entry.commit.author)).toEqual(["Ann", "Bob"]);
    expect(log[0]!.changes[0]).toEqual({ status: "R", oldBlob: blob("1"), newBlob: blob("2"), oldPath: "old/architecture.yaml", path: "sub/architecture.yaml" });
    expect([...commitsByFile(log, "sub/", new Set(["docs/a.md"])).entries()].map(([path, commits]) => [path, commits.map((c) => c.author)])).toEqual([["docs/a.md", ["Ann"]]]);
  });

  it("follows architecture.yaml back through a moved folder; the commit that adds it is no change", () => {
    expect(architectureVersions(parseRawLog(output), "sub/architecture.yaml")).toEqual([{ commit: expect.objectContaining({ hash: A }), before: blob("1"), after: blob("2") }]);
  });
});
