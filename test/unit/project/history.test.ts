import { describe, expect, it } from "vitest";
import { commitsByFile, componentLines, parseBlame } from "../../../src/project/history.js";
import { parseSource } from "../../../src/project/source.js";

const A = "a".repeat(40);
const B = "b".repeat(40);
const ZERO = "0".repeat(40);

describe("parseBlame", () => {
  it("maps each final line to its commit, reading headers given once per commit", () => {
    const output = [
      `${A} 1 1 2`, "author Ann", "author-time 1767225600", "summary First", "filename architecture.yaml", "\tcomponents:",
      `${A} 2 2`, "\t  - id: fw",
      `${B} 3 3 1`, "author Bob", "author-time 1772366400", "summary Second", "previous x architecture.yaml", "filename architecture.yaml", "\t    name: FW",
      `${ZERO} 4 4 1`, "author Not Committed Yet", "author-time 1780000000", "summary Version of architecture.yaml from architecture.yaml", "filename architecture.yaml", "\t    kind: firewall",
      "",
    ].join("\n");
    const lines = parseBlame(output);
    expect(lines.get(1)!.commit).toEqual({ hash: A, time: 1767225600000, author: "Ann", subject: "First" });
    expect(lines.get(2)!.hash).toBe(A);
    expect(lines.get(3)!.commit!.subject).toBe("Second");
    expect(lines.get(4)!.hash).toBe(ZERO);
  });
});

describe("componentLines", () => {
  it("gives each component's first and last line, without trailing comments or blank lines", () => {
    const text = "components:\n  - id: fw\n    name: FW\n    # about lb\n\n  - id: lb\n    name: LB\n";
    const source = parseSource("/x/architecture.yaml", "architecture.yaml", "architecture", text);
    expect([...componentLines(source)]).toEqual([["fw", { first: 2, last: 3 }], ["lb", { first: 6, last: 7 }]]);
  });
});

describe("commitsByFile", () => {
  it("strips the project's prefix and keeps only the wanted files, newest first", () => {
    const output = `\x1e${A}\x1f1772366400\x1fAnn\x1fEdit docs\n\nsub/docs/a.md\nsub/docs/b.md\n\x1e${B}\x1f1767225600\x1fBob\x1fAdd\n\nsub/docs/a.md\nother/docs/a.md\n`;
    const files = commitsByFile(output, "sub/", new Set(["docs/a.md"]));
    expect([...files.keys()]).toEqual(["docs/a.md"]);
    expect(files.get("docs/a.md")!.map((c) => c.author)).toEqual(["Ann", "Bob"]);
  });
});
