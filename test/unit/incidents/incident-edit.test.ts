// Surgical YAML edits: only the edited region changes.
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { appendSeqItems, scalarText, setMapEntry } from "../../../src/project/yaml-text.js";

const ORDER = ["id", "title", "opened", "responded", "resolved", "pauses", "cause", "status", "actions"];
const FILE = `# yaml-language-server: $schema=../schemas/incidents.schema.json
# Incidents of October.
incidents:
  - id: INC-0001   # first one
    title: "Shop: 502"
    opened: 2026-10-05T09:30:00+03:00
    cause:
      category: capacity   # checked
    status: open
    actions: >-
      Raised the pool,
      added an alert.

  # the second one
  - id: INC-0002
    title: VPN drops
    opened: 2026-10-06T09:30:00+03:00
    pauses: [{ from: 2026-10-06T10:00:00+03:00, reason: client }]
    status: open
# end of file
`;

describe("surgical YAML edits", () => {
  it("inserts a missing key in order and keeps every other byte", () => {
    const out = setMapEntry(FILE, ["incidents", 0], "responded", "2026-10-05T09:41:00+03:00", ORDER);
    expect(out).toBe(FILE.replace("    cause:\n", "    responded: 2026-10-05T09:41:00+03:00\n    cause:\n"));
  });

  it("replaces a scalar in place, keeping its comment", () => {
    const out = setMapEntry(FILE, ["incidents", 0, "cause"], "category", "software", ["category", "root_cause"]);
    expect(out).toBe(FILE.replace("category: capacity   # checked", "category: software   # checked"));
    const added = setMapEntry(FILE, ["incidents", 0, "cause"], "root_cause", "pool too small", ["category", "root_cause"]);
    expect(added).toBe(FILE.replace("# checked\n", "# checked\n      root_cause: pool too small\n"));
  });

  it("appends after a folded block scalar at the end of an item", () => {
    const out = setMapEntry(FILE, ["incidents", 0], "external_id", "SD-1", ORDER);
    expect(out).toBe(FILE.replace("      added an alert.\n", "      added an alert.\n    external_id: SD-1\n"));
  });

  it("rewrites a flow collection as flow", () => {
    const out = setMapEntry(FILE, ["incidents", 1], "pauses", [{ from: "2026-10-06T10:00:00+03:00", reason: "client", to: "2026-10-06T11:00:00+03:00" }], ORDER);
    expect(parse(out).incidents[1].pauses).toEqual([{ from: "2026-10-06T10:00:00+03:00", reason: "client", to: "2026-10-06T11:00:00+03:00" }]);
    expect(out.split("\n").filter((line) => !line.includes("pauses:"))).toEqual(FILE.split("\n").filter((line) => !line.includes("pauses:")));
  });

  it("appends list items at the indentation of the others, before the closing comment", () => {
    const out = appendSeqItems(FILE, ["incidents"], [{ id: "INC-0003", title: "a: b", components: ["x", "y"], status: "open" }], 2);
    expect(out).toBe(FILE.replace("# end of file", '  - id: INC-0003\n    title: "a: b"\n    components: [x, y]\n    status: open\n# end of file'));
  });

  it("fills an empty list or a key without value", () => {
    expect(appendSeqItems("incidents: []\n", ["incidents"], [{ id: "A" }], 2)).toBe("incidents:\n  - id: A\n");
    expect(appendSeqItems("# c\nincidents:\n", ["incidents"], [{ id: "A" }], 2)).toBe("# c\nincidents:\n  - id: A\n");
  });

  it("quotes what YAML would misread", () => {
    for (const text of ["true", "null", "1.5", "~", "- x", "a: b", "[x]", "'q'", " lead", "100"]) expect(parse(`k: ${scalarText(text)}`, { version: "1.2" }).k).toBe(text);
    expect(scalarText("a\nb")).toBe('"a\\nb"');
    expect(scalarText("# not a comment")).toBe('"# not a comment"');
  });
});
