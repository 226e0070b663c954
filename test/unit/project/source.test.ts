import { describe, expect, it } from "vitest";
import { locate, parseSource } from "../../../src/project/source.js";

const text = `# comment
components:
  - id: fw
    name: Firewall
    depends_on: [a, b]
  - id: os
    kind: linux-os
`;

describe("parseSource and locate", () => {
  const source = parseSource("/x/architecture.yaml", "architecture.yaml", "architecture", text);

  it("parses to plain data", () => {
    expect(source.parseIssues).toEqual([]);
    expect(source.data).toEqual({
      components: [
        { id: "fw", name: "Firewall", depends_on: ["a", "b"] },
        { id: "os", kind: "linux-os" },
      ],
    });
  });

  it("locates values, keys and list items", () => {
    expect(locate(source, ["components", 0, "name"])).toEqual({ file: "architecture.yaml", line: 4, col: 11 });
    expect(locate(source, ["components", 0, "depends_on", 1])).toEqual({ file: "architecture.yaml", line: 5, col: 21 });
    expect(locate(source, ["components", 1, "kind"], true)).toEqual({ file: "architecture.yaml", line: 7, col: 5 });
    expect(locate(source, ["components", 1])).toEqual({ file: "architecture.yaml", line: 6, col: 5 });
  });

  it("falls back to the nearest existing node for a missing path", () => {
    expect(locate(source, ["components", 1, "missing"])).toEqual({ file: "architecture.yaml", line: 6, col: 5 });
  });

  it("keeps positions right after a byte-order mark", () => {
    const bom = parseSource("/x/a.yaml", "a.yaml", "architecture", `\ufeff${text}`);
    expect(locate(bom, ["components", 0, "name"]).line).toBe(4);
    expect(locate(bom, ["components", 0, "name"]).col).toBe(11);
  });

  it("reports syntax errors and duplicate keys with positions, without data", () => {
    const bad = parseSource("/x/a.yaml", "a.yaml", "architecture", 'a: "unclosed\nb: 1\n');
    expect(bad.data).toBeUndefined();
    expect(bad.parseIssues[0]).toMatchObject({ severity: "error", code: "yaml-syntax", file: "a.yaml", line: 1 });
    const dup = parseSource("/x/a.yaml", "a.yaml", "architecture", "a: 1\nb: 2\na: 3\n");
    expect(dup.parseIssues[0]).toMatchObject({ code: "duplicate-key", line: 3, col: 1 });
  });

  it("refuses alias bombs instead of expanding them", () => {
    const lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"];
    for (let i = 0; i < 8; i++)
      lines.push(
        `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10)
          .fill(`*${String.fromCharCode(97 + i)}`)
          .join(", ")}]`,
      );
    const bomb = parseSource("/x/a.yaml", "a.yaml", "architecture", `${lines.join("\n")}\n`);
    expect(bomb.data).toBeUndefined();
    expect(bomb.parseIssues.some((i) => i.severity === "error")).toBe(true);
  });
});
