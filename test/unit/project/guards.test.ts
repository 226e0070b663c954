import { describe, expect, it } from "vitest";
import { conflictMarkers, decodeText, excessiveNesting, MAX_NESTING } from "../../../src/project/guards.js";
import { parseSource } from "../../../src/project/source.js";

describe("decodeText", () => {
  it("accepts UTF-8 and keeps a BOM for the parser to strip", () => {
    expect(decodeText(new TextEncoder().encode("a: é\n"))).toEqual({ text: "a: é\n" });
    expect(decodeText(Uint8Array.from([0xef, 0xbb, 0xbf, 0x61]))).toEqual({ text: "\ufeffa" });
  });

  it("locates the first byte that is not UTF-8", () => {
    const bytes = Uint8Array.from([...new TextEncoder().encode("a: 1\nname: Caf"), 0xe9, 0x0a]);
    expect(decodeText(bytes)).toEqual({ problem: expect.objectContaining({ code: "not-utf8", line: 2, col: 10 }) });
  });

  it("calls a NUL byte binary data", () => {
    const result = decodeText(Uint8Array.from([0x61, 0x3a, 0x00]));
    expect(result).toEqual({ problem: expect.objectContaining({ code: "not-utf8", line: 1, col: 3 }) });
  });
});

describe("conflictMarkers", () => {
  it("reports each conflict at its <<<<<<< line, and stray markers", () => {
    expect(conflictMarkers("a: 1\n<<<<<<< HEAD\nb: 1\n=======\nb: 2\n>>>>>>> x\n").map((f) => f.line)).toEqual([2]);
    expect(conflictMarkers("a: 1\r\n>>>>>>> x\r\n").map((f) => f.line)).toEqual([2]);
    expect(conflictMarkers("a: '<<<<<<< not at the start'\nb: ========\n")).toEqual([]);
  });
});

describe("excessiveNesting", () => {
  it("finds flow nesting past the limit, at the bracket that crosses it", () => {
    const finding = excessiveNesting(`a: ${"[".repeat(MAX_NESTING + 5)}`);
    expect(finding).toMatchObject({ code: "too-deep", line: 1, col: 4 + MAX_NESTING });
  });

  it("finds nesting exactly at the limit's edge, with [ and { mixed", () => {
    expect(excessiveNesting(`a: ${"[".repeat(MAX_NESTING)}`)).toBeUndefined();
    expect(excessiveNesting(`a: ${"[".repeat(MAX_NESTING + 1)}`)).toMatchObject({ code: "too-deep", col: 4 + MAX_NESTING });
    expect(excessiveNesting(`a: ${"[{".repeat(MAX_NESTING / 2)}`)).toBeUndefined();
    expect(excessiveNesting(`a: ${"[{".repeat(MAX_NESTING / 2)}{`)).toMatchObject({ code: "too-deep", col: 4 + MAX_NESTING });
  });

  it("ignores brackets in plain text, quotes and comments", () => {
    const text = `a: x ${"[".repeat(300)}\nb: "${"{".repeat(300)}"\n# ${"[".repeat(300)}\nc: [1, [2]]\n`;
    expect(excessiveNesting(text)).toBeUndefined();
  });
});

describe("parseSource on hostile text", () => {
  it("refuses conflict markers before parsing", () => {
    const source = parseSource("/x/a.yaml", "a.yaml", "architecture", "a: 1\n<<<<<<< HEAD\nb: 1\n=======\nb: 2\n>>>>>>> x\n");
    expect(source.data).toBeUndefined();
    expect(source.parseIssues.map((i) => [i.code, i.line, i.col])).toEqual([["merge-conflict", 2, 1]]);
  });

  it("reports numbers JavaScript cannot hold", () => {
    const source = parseSource("/x/a.yaml", "a.yaml", "architecture", "a: 1e400\nb: 99999999999999999999\nc: 9007199254740991\nd: 1.5\n");
    expect(source.parseIssues.map((i) => [i.code, i.line, i.col])).toEqual([
      ["number-out-of-range", 1, 4],
      ["number-out-of-range", 2, 4],
    ]);
  });

  it("stops an alias bomb at the first alias", () => {
    let text = 'a0: &a0 ["x","x","x","x","x","x","x","x","x"]\n';
    for (let i = 1; i < 9; i++)
      text += `a${i}: &a${i} [${Array(9)
        .fill(`*a${i - 1}`)
        .join(", ")}]\n`;
    const source = parseSource("/x/a.yaml", "a.yaml", "architecture", text);
    expect(source.data).toBeUndefined();
    expect(source.parseIssues.map((i) => [i.code, i.line, i.col])).toEqual([["too-many-aliases", 2, 10]]);
  });

  it("keeps __proto__ as a plain key without touching Object.prototype", () => {
    const source = parseSource("/x/a.yaml", "a.yaml", "architecture", "__proto__: { polluted: true }\n");
    expect(Object.keys(source.data as object)).toEqual(["__proto__"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
