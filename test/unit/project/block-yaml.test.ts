// The block reader (src/project/block-yaml.ts) against the `yaml` package's full parse: wherever it
// answers, the full parse must find nothing to report and give the same data (node's deep strict
// equality: same types, -0 apart from 0, same prototypes). Refusing is always allowed, but the
// reader must accept the plain files tam ships and generates, or it does not pay.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isDeepStrictEqual } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exampleMutations, REPO_ROOT, SHIPPED_YAML_FILES, yamlFiles } from "../../helpers/yaml-files.js";
import { parseDocument } from "yaml";
import { readBlockYaml, readBlockYamlExplained } from "../../../src/project/block-yaml.js";
import { plainScalarValue, UNSAFE_NUMBER } from "../../../src/project/core-scalars.js";
import { fastData, parseSource } from "../../../src/project/source.js";
// @ts-expect-error plain JavaScript module without types
import { generateProject } from "../../../scripts/generate-project.mjs";
// @ts-expect-error plain JavaScript module without types
import { prng } from "../../../scripts/fuzz/mutations.mjs";
import { generatedCases } from "../../helpers/tier.js";

const MUTATIONS = generatedCases(300, 100);

const _ROOT = REPO_ROOT;

const FILES = SHIPPED_YAML_FILES;

/** The text fastData is given: load.ts strips a BOM and passes line ends (LF or CRLF) through. */
const body = (text: string) => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);

/** Whether the block reader and the full parse disagree on `text`: a description, or "" (agree or refused). */
function disagreement(text: string): string {
  const block = readBlockYaml(body(text));
  if (!block) return "";
  const full = parseSource("/x.yaml", "x.yaml", "architecture", text);
  if (full.parseIssues.length > 0) return `block reader accepted what the full parse reports: ${full.parseIssues.map((i) => `${i.code} ${i.message}`).join("; ")}`;
  if (!isDeepStrictEqual(block.data, full.data)) return `data differs: ${JSON.stringify(block.data)?.slice(0, 300)} vs ${JSON.stringify(full.data)?.slice(0, 300)}`;
  return "";
}

// Each case alone (one refusal must not hide another case). `accept`: the reader must answer it.
const CASES: { text: string; accept?: boolean }[] = [
  // Scalar resolution under the YAML 1.2 core schema.
  { text: "a: 0x1F\nb: 0o17\nc: 017\nd: +12\ne: 1e3\nf: 1_000\ng: 0b101\nh: .5\ni: 1.\nj: -1e-3\nk: .5e3\nl: 0X1F\n", accept: true },
  { text: "a: -0\nb: +0\nc: 0.0\nd: -0.0\ne: 0o\nf: 0x\ng: 1e\nh: e3\n", accept: true },
  { text: "a: +\nb: .\nc: +.\nd: 1.2.3\ne: 1e3.5\nf: --1\n", accept: true },
  { text: "a: -.inf\n" },
  { text: "a: .inf\n" },
  { text: "a: .NaN\n" },
  { text: "a: -.nan\nb: .Nan\n", accept: true },
  { text: "a: 99999999999999999999\n" },
  { text: "a: 1e400\n" },
  { text: "a: 9007199254740991\nb: 1.7976931348623157e308\n" },
  { text: "a: yes\nb: no\nc: on\nd: off\ne: y\nf: n\ng: Yes\n", accept: true },
  { text: "a: true\nb: True\nc: TRUE\nd: tRUE\ne: false\nf: False\ng: FALSE\n", accept: true },
  { text: "a: null\nb: Null\nc: NULL\nd: nULL\ne: ~\nf:\ng: ~x\n", accept: true },
  { text: "a: 2026-11-30\nb: 2026-11-30T10:00:00Z\nc: 10:30\nd: 2026-10-05T10:00:00+03:00\n", accept: true },
  // Quoted scalars.
  { text: "a: 'it''s'\nb: ''\nc: ''''\nd: '  spaced  '\ne: 'a \"b\" # c'\n", accept: true },
  { text: 'a: "\\u00e9\\t\\n"\nb: "\\x41\\"\\\\\\/\\ \\0\\a\\b\\e\\f\\r\\v\\N\\_\\L\\P"\nc: "\\U0001F600"\nd: ""\ne: "tr  "\n', accept: true },
  { text: 'a: "\\ud83d\\ude00"\nb: "\\ud800"\n', accept: true },
  { text: 'a: "\\q"\n' },
  { text: 'a: "\\x4"\n' },
  { text: 'a: "\\U00110000"\n' },
  { text: 'a: "line\\\n  continued"\n' },
  { text: "a: 'multi\n  line'\nb: \"multi\n  line\"\nc: plain\n  continued\n" },
  { text: 'a: "x"#c\n' },
  { text: "a: 'x' y\n" },
  // Comments, plain scalars with # and :.
  { text: "key: value # comment\nb: a#b\nc: a #b\nurl: http://x:80/\nd: x:y\ne: x :y\n", accept: true },
  { text: "a#b: c\na :b: c\na:: b\n", accept: true },
  { text: "# only a comment\n", accept: true },
  { text: "", accept: true },
  { text: "\n\n   \n", accept: true },
  { text: "---\n", accept: true },
  { text: "--- # a document\na: 1\n", accept: true },
  { text: "---\n- a\n", accept: true },
  { text: "a: 1\n---\nb: 2\n" },
  { text: "a: 1\n...\n" },
  { text: "--- a: 1\n" },
  { text: "%YAML 1.2\n---\na: 1\n" },
  // Keys.
  { text: 'key with spaces: 1\n\'quoted key\': 2\n"dq key": 3\n"with: colon": 4\n\'a # b\': 5\n"": 6\n', accept: true },
  { text: "1: a\n0x1F: b\n1e3: c\n.5: d\ntrue: e\nnull: f\n-0: g\n", accept: true },
  { text: "~: a\n'': b\n" },
  { text: "1: a\n1.0: b\n" },
  { text: "1: a\n'1': b\n" },
  { text: "a: 1\na: 2\n" },
  { text: "a: {b: 1, b: 2}\n" },
  { text: "__proto__: { polluted: 1 }\nconstructor: x\ntoString: y\nhasOwnProperty: z\n", accept: true },
  { text: "<<: { a: 1 }\nb: 2\n" },
  { text: "a:\n  <<: x\n" },
  { text: "? complex\n: value\n" },
  { text: "[a, b]: c\n" },
  { text: "{a: 1}: c\n" },
  { text: `${"k".repeat(1100)}: v\n` },
  { text: `${"k".repeat(900)}: v\n`, accept: true },
  // Trailing spaces and CRLF.
  { text: "a: b   \nc:   \n  d: e  \nf: 'g'  \n", accept: true },
  { text: 'key   : v\n"q"  : w\n', accept: true },
  { text: "a: x\r\nb:\r\n  - y\r\n  - 'z'\r\nc: |\r\n  l1\r\n\r\n  l2\r\n", accept: true },
  { text: "a: b\rc: d\n" },
  // Sequences, indented and not, nested.
  { text: "a:\n  - b\n  -\n  - c: d\n    e: f\n", accept: true },
  { text: "a:\n- b\n- c\nd: e\n", accept: true },
  { text: "- a:\n  - x\n  b: 1\n- c\n", accept: true },
  { text: "- - a\n  - b\n- - c\n- -\n  - x\n", accept: true },
  { text: "-   a: 1\n    b: 2\n-\n  c: 3\n", accept: true },
  { text: "-   a: 1\n  b: 2\n" },
  { text: "- a\n  - b\n" },
  { text: "a: - b\n" },
  { text: "a: -\n" },
  { text: "a:\n  - b\n  c: d\n" },
  { text: "a: 1\n- b\n" },
  { text: "  a: 1\n  b:\n  - x\n", accept: true },
  { text: "  a: 1\nb: 2\n" },
  { text: "a:\n  b: 1\n c: 2\n" },
  { text: "a:\n    b: 1\n  c: 2\n" },
  { text: "a:\n  b\n" },
  { text: "a:\n# comment\n  b: 1\nc: # comment\n  - d\n", accept: true },
  { text: "a: x\n  # comment\nb: y\n", accept: true },
  { text: "a: x\n  # comment\n  y\n" },
  // Flow collections on one line.
  { text: "a: []\nb: {}\nc: [1, 'two', \"three\", null, true]\nd: {e: f, 'g': 1, \"h i\": [j]}\ne: [a b, c]\n", accept: true },
  { text: "a: [1, [2, {e: f}]]\nb: { at: 2026-10-10T02:55:44+03:00, status: todo, by: Anna Volkova }\n", accept: true },
  { text: "a: [a, b, ]\nb: {x: 1, }\nc: [http://x:80/, x:y]\n", accept: true },
  { text: "a: [b, c] # comment\n", accept: true },
  { text: "a: [b,c]x\n" },
  { text: "a: [a: b]\n" },
  { text: "a: {x: }\n" },
  { text: 'a: {"x":1}\n' },
  { text: "a: [b,\n  c]\n" },
  { text: "a: [-x, -, ?x]\n" },
  { text: "a: [b #c]\n" },
  { text: 'a: [it\'s, "q"]\n', accept: true },
  { text: "[a, b]\n", accept: true },
  { text: "{a: 1}\n", accept: true },
  { text: "[a]\nb\n" },
  // Block scalars.
  { text: "a: |\n  literal\n   kept\n\n  after blank\nb: >-\n  folded\n  text\n\n  para\nc: |-\n  strip\n\n\nd: >\n  clip\n\n\n", accept: true },
  { text: "a: |+\n  keep\n\n\nb: >+\n  keep\n\n", accept: true },
  { text: "a: |\n\n  leading blank\n", accept: true },
  { text: "a: |\n    \n  x\n" },
  { text: "a: |\n  x\n     \n  y\n" },
  { text: "a: |\n  x" },
  { text: "a: |+\n  x\n  " },
  { text: "a: |\n  x\n  ", accept: true },
  { text: "a: |-\n  x\n\n  \nb: >+\n  y\n \n", accept: true },
  { text: "a: |\nb: 1\n" },
  { text: "a: |2\n   x\n" },
  { text: "a: >\n  x\n   more indented\n  y\n" },
  { text: "a: >\n  x  \n  y\n", accept: true },
  { text: "a: | # comment\n  # not a comment\n  x\n", accept: true },
  { text: "a: |\n    x\n  # trailing comment\nb: 1\n", accept: true },
  { text: "- |\n  x\n- >-\n  y\n  z\n- a: |\n    w\n", accept: true },
  { text: "a:\n- |\n x\n", accept: true },
  { text: "- a: |\n  x\n" },
  { text: "|\n  x\n" },
  // Tags, anchors, aliases, indicators.
  { text: "a: &x 1\nb: *x\n" },
  { text: "a: !!str 1\n" },
  { text: "a: b &c *d !e\n", accept: true },
  { text: "a: @x\n" },
  { text: "a: `x\n" },
  { text: "a: %x\n" },
  { text: "a: ,x\n" },
  { text: "a: :x\n" },
  { text: "a: ?x\n" },
  { text: "a: x: y\n" },
  { text: "a:\tb\n" },
  { text: "a:\n\t- b\n" },
  { text: "a: x\u0085y\n" },
  { text: "a: x\u2028y\n" },
  { text: "a: x\u00a0y\nemoji: \ud83d\ude00 ok\ncyrillic: Ошибка диска\n", accept: true },
  // Conflict markers and nesting that guards.ts reports.
  { text: "a: 1\n<<<<<<< HEAD\nb: 2\n=======\nb: 3\n>>>>>>> branch\n" },
  { text: "a: |\n  x\n<<<<<<< HEAD\n" },
  { text: `a: |\n${"  [x\n".repeat(120)}` },
  { text: `a: |\n  ${"- ".repeat(120)}x\n` },
  { text: `a: x-[y\nb: ${"[".repeat(50)}1${"]".repeat(50)}\nc: ${"[".repeat(60)}1${"]".repeat(60)}\n` },
  { text: `a: ${"[".repeat(120)}${"]".repeat(120)}\n` },
  { text: `${"- ".repeat(120)}x\n` },
];

describe("block YAML reader", () => {
  it("reads almost all YAML files tam ships or tests with (the point of having it)", () => {
    const accepted = FILES.filter((file) => readBlockYaml(body(readFileSync(file, "utf8"))) !== undefined);
    expect(FILES.length).toBeGreaterThan(100);
    expect(accepted.length / FILES.length).toBeGreaterThan(0.9);
  });

  it("agrees with the full parse on every YAML file of the examples, fixtures and templates", () => {
    const problems = FILES.map((file) => [file, disagreement(readFileSync(file, "utf8"))]).filter(([, problem]) => problem);
    expect(problems).toEqual([]);
  });

  it("agrees on the edge cases of the subset, and reads those it must", () => {
    const problems = CASES.map(({ text }) => [text, disagreement(text)]).filter(([, problem]) => problem);
    expect(problems).toEqual([]);
    const refused = CASES.filter(({ text, accept }) => accept && readBlockYaml(text) === undefined).map(({ text }) => [text, readBlockYamlExplained(text)]);
    expect(refused).toEqual([]);
  });

  it("resolves 3,000 random number-like plain scalars as the yaml package does", () => {
    const random = prng(1130);
    const chars = "0123456789+-._eExXoabcdfinNaIFtTrul~";
    const problems: string[] = [];
    for (let i = 0; i < 3000; i++) {
      const length = 1 + random.int(7);
      let scalar = "";
      for (let k = 0; k < length; k++) scalar += chars[random.int(chars.length)];
      if (/^[-.~]/.test(scalar) && random.next() < 0.5) scalar = `${random.pick(["0", "1", "+", "."])}${scalar}`;
      const doc = parseDocument(`a: ${scalar}\n`, { version: "1.2", uniqueKeys: true });
      if (doc.errors.length > 0) continue;
      const expected = (doc.toJS() as { a: unknown }).a;
      const unsafe = typeof expected === "number" && (!Number.isFinite(expected) || (Number.isInteger(expected) && !Number.isSafeInteger(expected)));
      const actual = plainScalarValue(scalar);
      if (unsafe ? actual !== UNSAFE_NUMBER : !Object.is(actual, expected)) problems.push(`${scalar}: ${String(actual)} vs ${String(expected)}`);
    }
    expect(problems).toEqual([]);
  });

  it("builds the same objects on every read of the same shapes (read three times)", () => {
    const texts = [
      "- {id: a, '1': x, constructor: c, \"q\\\"k\": d, é: e, 'a b': f}\n- {id: b, '1': y, constructor: c, \"q\\\"k\": d, é: e, 'a b': g}\n",
      "- id: 1\n  2: two\n  toString: t\n- id: 2\n  2: two\n  toString: t\n- __proto__: p\n  id: 3\n- __proto__: p\n  id: 4\n- {}\n- {}\n",
      `${Array.from({ length: 40 }, (_, i) => `k${i}: ${i}`).join("\n")}\n`,
    ];
    for (let round = 0; round < 3; round++) {
      const problems = texts.map((text) => [text, disagreement(text)]).filter(([, problem]) => problem);
      expect(problems).toEqual([]);
      expect(texts.every((text) => readBlockYaml(text) !== undefined)).toBe(true);
    }
  });

  it("is what fastData answers with where it reads a file", () => {
    for (const { text } of CASES) {
      const block = readBlockYaml(text);
      if (block) expect(fastData(text)).toEqual(block);
    }
  });

  it(`agrees on ${MUTATIONS} more seeded fuzz mutations of the example (fast-parse.test.ts runs more through fastData)`, () => {
    const problems = exampleMutations(MUTATIONS, 20261201).flatMap(({ label, text }) => {
      const problem = disagreement(text);
      return problem ? [`${label}: ${problem}`] : [];
    });
    expect(problems).toEqual([]);
  });

  describe("on a generated project (scripts/generate-project.mjs, size S)", () => {
    let parent: string;
    let files: string[];
    beforeAll(() => {
      parent = mkdtempSync(join(tmpdir(), "tam-block-yaml-"));
      generateProject({ size: "S", out: join(parent, "S") });
      files = yamlFiles(join(parent, "S"));
    });
    afterAll(() => rmSync(parent, { recursive: true, force: true }));

    it("reads every file", () => {
      const refused = files.map((file) => [file, readBlockYamlExplained(readFileSync(file, "utf8"))]).filter(([, result]) => typeof result === "object" && "refused" in result);
      expect(files.length).toBeGreaterThan(40);
      expect(refused).toEqual([]);
    });

    it("agrees with the full parse (all but 21 of the 24 monthly incident files: they are alike, and the full parse is slow)", () => {
      const sample = files.filter((file) => !/incidents[\\/]2025-(0[4-9]|1\d)|incidents[\\/]2026-(0[1-9]|1[0-1])/.test(file));
      expect(sample.some((file) => /incidents/.test(file))).toBe(true);
      const problems = sample.map((file) => [file, disagreement(readFileSync(file, "utf8"))]).filter(([, problem]) => problem);
      expect(problems).toEqual([]);
    });
  });
});
