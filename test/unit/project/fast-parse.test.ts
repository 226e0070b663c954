// The fast read (fastData, the block reader) and the full parse (yaml) must agree wherever the fast
// read answers: same data, and the full parse finds nothing to report. Checked on every YAML file
// tam ships or tests with, and on seeded fuzz mutations of them (the mutation kinds of
// scripts/fuzz); block-yaml.test.ts checks the reader's edge cases, yaml-differential.test.ts
// generated documents.
import { readFileSync } from "node:fs";
import { isDeepStrictEqual } from "node:util";
import { describe, expect, it } from "vitest";
import { exampleMutations, REPO_ROOT, SHIPPED_YAML_FILES } from "../../helpers/yaml-files.js";
import { fastData, parseSource } from "../../../src/project/source.js";
import { generatedCases } from "../../helpers/tier.js";

const MUTATIONS = generatedCases(800, 200);

const _ROOT = REPO_ROOT;

const FILES = SHIPPED_YAML_FILES;

/** Whether the two readers agree on `text`; returns a description of the disagreement, or "". */
function disagreement(text: string): string {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const answers = [["fastData", fastData(body)]] as const;
  if (answers.every(([, answer]) => !answer)) return "";
  const full = parseSource("/x.yaml", "x.yaml", "architecture", text);
  for (const [reader, fast] of answers) {
    if (!fast) continue;
    if (full.parseIssues.length > 0) return `${reader} accepted what the full parse reports: ${full.parseIssues.map((i) => i.code).join(", ")}`;
    // node's deep equality compares prototypes; vitest's reads a "constructor" key as the type.
    if (!isDeepStrictEqual(fast.data, full.data)) {
      return `${reader}: data differs: ${JSON.stringify(fast.data)?.slice(0, 200)} vs ${JSON.stringify(full.data)?.slice(0, 200)}`;
    }
  }
  return "";
}

describe("fast YAML read", () => {
  it("reads most shipped files the fast way (the point of having it)", () => {
    const fast = FILES.filter((file) => fastData(readFileSync(file, "utf8")) !== undefined);
    expect(FILES.length).toBeGreaterThan(100);
    expect(fast.length / FILES.length).toBeGreaterThan(0.6);
  });

  it("agrees with the full parse on every YAML file of the examples, fixtures and templates", () => {
    const problems = FILES.map((file) => [file, disagreement(readFileSync(file, "utf8"))]).filter(([, problem]) => problem);
    expect(problems).toEqual([]);
  });

  it("agrees on constructs where YAML readers often differ", () => {
    const cases = [
      "a: 0b101\nb: 0o17\nc: 017\nd: 0x1F\ne: 1_000\nf: +12\ng: .5\nh: 1e3\n",
      "a: .inf\nb: -.Inf\nc: .NaN\n",
      "a: yes\nb: no\nc: on\nd: off\ne: y\nf: True\ng: NULL\nh: ~\n",
      "a: 2026-01-01\nb: 2026-01-01T10:00:00Z\nc: 10:30\n",
      "<<: { a: 1 }\nb: 2\n",
      "__proto__: { polluted: 1 }\nconstructor: x\n",
      "a: \"\\x41\\u00e9\\t\"\nb: 'it''s'\nc: >-\n  folded\n  text\nd: |\n  literal\n   kept\n",
      "a:\nb: []\nc: {}\nd: [1, [2, {e: f}]]\n",
      "a: 1\na: 2\n",
      "",
      "# only a comment\n",
      "- 1\n- 2\n",
      "a: 'unterminated\n",
      "a: b: c\n",
      "key with spaces: value # comment\n'quoted key': 1\n\"dq\": 2\n",
      "a: 99999999999999999999\nb: 1e400\n",
      "a:\n  - b\n  -\n  - c: d\n    e: f\n",
      "a: |+\n  keep\n\n\nb: x\n",
      "a: -\nb: - x\nc: x -\n",
      "a: 'multi\n  line'\nb: \"multi\n  line\"\nc: plain\n  continued\n",
    ];
    const problems = cases.map((text) => [text, disagreement(text)]).filter(([, problem]) => problem);
    expect(problems).toEqual([]);
  });

  it(`agrees on ${MUTATIONS} seeded fuzz mutations of the example`, () => {
    const problems = exampleMutations(MUTATIONS, 20261130).flatMap(({ label, text }) => {
      const problem = disagreement(text);
      return problem ? [`${label}: ${problem}`] : [];
    });
    expect(problems).toEqual([]);
  });
});
