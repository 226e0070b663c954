import { describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { setFlatMapEntry as setMapEntry, verifyEntry } from "../../../src/project/yaml-text.js";
import { scalarText as renderScalar } from "../../../src/project/yaml-text.js";

const review = { date: "2026-11-20", by: "Anna Volkova", note: "Checked: VLANs, #120" };

function edit(text: string, index: number, value = review): string {
  const doc = parseDocument(text, { version: "1.2" });
  const after = setMapEntry(text, doc, ["docs", index], "last_review", value);
  verifyEntry(doc, after, ["docs", index], "last_review", value);
  return after;
}

describe("setMapEntry", () => {
  it("replaces an existing block mapping and keeps every other byte", () => {
    const text = [
      "# head comment",
      "docs:",
      "  - id: a   # first",
      "    last_review:",
      "      date: 2026-01-01",
      "      by: X   # gone with the old value",
      "    # trailing comment",
      "  - id: b",
      "",
    ].join("\n");
    expect(edit(text, 0)).toBe(
      [
        "# head comment",
        "docs:",
        "  - id: a   # first",
        "    last_review:",
        "      date: 2026-11-20",
        "      by: Anna Volkova",
        '      note: "Checked: VLANs, #120"',
        "    # trailing comment",
        "  - id: b",
        "",
      ].join("\n"),
    );
  });

  it("adds the entry after the item's last line, before comments that follow it", () => {
    const text = "docs:\n  - id: a\n    covers: [x, y]\n    # NB keep me\n\n  - id: b\n";
    expect(edit(text, 0, { date: "2026-11-20", by: "Ann", note: undefined } as never)).toBe(
      "docs:\n  - id: a\n    covers: [x, y]\n    last_review:\n      date: 2026-11-20\n      by: Ann\n    # NB keep me\n\n  - id: b\n",
    );
  });

  it("adds to the last item of a file without a final newline, and keeps CRLF line ends", () => {
    expect(edit("docs:\n  - id: a\n    owner: x", 0, { date: "2026-11-20" } as never)).toBe("docs:\n  - id: a\n    owner: x\n    last_review:\n      date: 2026-11-20\n");
    expect(edit("docs:\r\n  - id: a\r\n    owner: x\r\n", 0, { date: "2026-11-20" } as never)).toBe("docs:\r\n  - id: a\r\n    owner: x\r\n    last_review:\r\n      date: 2026-11-20\r\n");
  });

  it("edits flow mappings in flow style", () => {
    expect(edit("docs:\n  - { id: a, last_review: { date: 2026-01-01 } }  # c\n", 0)).toBe(
      'docs:\n  - { id: a, last_review: { date: 2026-11-20, by: Anna Volkova, note: "Checked: VLANs, #120" } }  # c\n',
    );
    expect(edit("docs:\n  - { id: a }\n", 0, { date: "2026-11-20" } as never)).toBe("docs:\n  - { id: a, last_review: { date: 2026-11-20 } }\n");
    expect(edit("docs:\n  - id: a\n    last_review: { date: 2026-01-01 }\n", 0, { date: "2026-11-20" } as never)).toBe("docs:\n  - id: a\n    last_review: { date: 2026-11-20 }\n");
  });

  it("fills an empty value", () => {
    expect(edit("docs:\n  - id: a\n    last_review:\n  - id: b\n", 0, { date: "2026-11-20" } as never)).toBe("docs:\n  - id: a\n    last_review: { date: 2026-11-20 }\n  - id: b\n");
  });
});

describe("renderScalar", () => {
  it("quotes what would not read back as the same string", () => {
    expect(renderScalar("2026-11-20", false)).toBe("2026-11-20");
    expect(renderScalar("yes", false)).toBe("yes");
    expect(renderScalar("12", false)).toBe('"12"');
    expect(renderScalar("a, b", true)).toBe('"a, b"');
    expect(renderScalar("a, b", false)).toBe("a, b");
    expect(renderScalar("two\nlines", false)).toBe('"two\\nlines"');
  });
});
