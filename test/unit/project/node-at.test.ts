// nodeAt is the one path walker over a `yaml` Document: exact for edits (yaml-text.ts, incident
// files), the nearest node on the way for positions (locate), a key's own node with `key`.
import { describe, expect, it } from "vitest";
import { parseDocument, type Node } from "yaml";
import { nodeAt } from "../../../src/project/source.js";

const text = ["changes:", "  - id: CHG-1", "    tasks:", "      - id: T1", "holidays:", "  2026: [2026-01-01]", ""].join("\n");
const doc = parseDocument(text, { version: "1.2" });
const at = (node: Node | undefined) => (node?.range ? text.slice(node.range[0], node.range[1]).split("\n")[0] : node);

describe("nodeAt", () => {
  it("finds the node at a path of keys and indices, the root for []", () => {
    expect(at(nodeAt(doc, ["changes", 0, "tasks", 0, "id"]))).toBe("T1");
    expect(nodeAt(doc, [])).toBe(doc.contents);
  });

  it("exact (for edits): undefined where the path leads nowhere", () => {
    expect(nodeAt(doc, ["changes", 0, "tasks", 5])).toBeUndefined();
    expect(nodeAt(doc, ["changes", 0, "missing"])).toBeUndefined();
    expect(nodeAt(doc, ["changes", 0, "id", "deeper"])).toBeUndefined();
  });

  it("nearest (for positions): the last node on the way", () => {
    expect(at(nodeAt(doc, ["changes", 0, "tasks", 5], { nearest: true }))).toBe("- id: T1");
    expect(at(nodeAt(doc, ["changes", 0, "missing"], { nearest: true }))).toBe("id: CHG-1");
    expect(at(nodeAt(doc, ["changes", 0, "id", "deeper"], { nearest: true }))).toBe("CHG-1");
  });

  it("with key: the last key's own node", () => {
    expect(at(nodeAt(doc, ["changes", 0, "tasks"], { key: true }))).toBe("tasks");
  });

  it('matches a key as the data reads it: 2026: is the key "2026", in both modes', () => {
    expect(at(nodeAt(doc, ["holidays", "2026"]))).toBe("[2026-01-01]");
    expect(at(nodeAt(doc, ["holidays", "2026"], { nearest: true }))).toBe("[2026-01-01]");
  });
});
