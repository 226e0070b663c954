// The positions of the fast reader (block-yaml.ts, read in the same pass as the data) must be
// exactly those the yaml Document gives (locateInDocument), or the reader must decline: checked on
// every path of every YAML file tam ships or tests with, on paths that do not exist, and on
// hand-written cases of the constructs where the two could differ. yaml-differential.test.ts does
// the same on generated documents.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { exampleMutations, REPO_ROOT, SHIPPED_YAML_FILES } from "../../helpers/yaml-files.js";
import { offsetAt, positionsOfAcceptedText, readBlockYaml, readBlockYamlPositions } from "../../../src/project/block-yaml.js";
import { fastData, locate, locateInDocument, parseSource, type PathSegment, readSource, withoutBom } from "../../../src/project/source.js";
import { generatedCases } from "../../helpers/tier.js";

const MUTATIONS = generatedCases(600, 150);

const ROOT = REPO_ROOT;

/** Every path of the data, and beside each collection a path that is not there. */
function pathsOf(data: unknown, prefix: PathSegment[] = [], out: PathSegment[][] = [], limit = 3000): PathSegment[][] {
  if (out.length >= limit) return out;
  out.push(prefix);
  if (Array.isArray(data)) {
    data.forEach((item, i) => pathsOf(item, [...prefix, i], out, limit));
    out.push([...prefix, data.length], [...prefix, "key"]);
  } else if (data !== null && typeof data === "object") {
    for (const [key, value] of Object.entries(data)) pathsOf(value, [...prefix, key], out, limit);
    out.push([...prefix, "no-such-key"], [...prefix, 0]);
  } else {
    out.push([...prefix, "below-a-scalar"]);
  }
  return out;
}

/** Compares the two readers on every path of `text`; returns how many answers the block reader gave and declined. */
function compare(text: string, label: string, countDeclined = true): { answered: number; declined: number } {
  const read = readBlockYamlPositions(withoutBom(text));
  // A text the fast reader declines is located by the Document alone: nothing to compare (its full parse is slow on large mutations).
  if (!read && !countDeclined) return { answered: 0, declined: 0 };
  const source = parseSource("/x.yaml", "x.yaml", "architecture", text);
  if (source.parseIssues.length > 0 || source.data === undefined) return { answered: 0, declined: 0 };
  let answered = 0;
  let declined = 0;
  for (const path of pathsOf(source.data)) {
    for (const key of [false, true]) {
      const offset = read && offsetAt(read.positions, path, key);
      if (offset === undefined) {
        declined++;
        continue;
      }
      answered++;
      const want = locateInDocument(source, path, key);
      // What findings get: locate, which takes the fast positions where they answer.
      const got = locate(source, path, key);
      // One expect per difference, not per path: millions of paths are compared.
      if (got.line !== want.line || got.col !== want.col) expect({ line: got.line, col: got.col }, `${label} ${JSON.stringify(path)} key=${key}`).toEqual({ line: want.line, col: want.col });
    }
  }
  return { answered, declined };
}

describe("positions from the fast reader", () => {
  it("agree with the yaml Document on every path of the examples, fixtures and templates", () => {
    const files = SHIPPED_YAML_FILES;
    let answered = 0;
    let declined = 0;
    for (const file of files) {
      const result = compare(readFileSync(file, "utf8"), file.slice(ROOT.length + 1));
      answered += result.answered;
      declined += result.declined;
    }
    // The reader must answer for most paths of real files, or it does not pay for itself.
    expect(answered).toBeGreaterThan(10 * declined);
  });

  it(`agrees or declines on ${MUTATIONS} seeded fuzz mutations of the example`, () => {
    for (const { label, text } of exampleMutations(MUTATIONS, 20261201)) compare(text, label, false);
  });

  const CASES: Record<string, string> = {
    "nested maps and sequences": "a:\n  b: 1\n  c:\n    - x\n    - y: 2\n      z: 3\nd: [1, 2]\n",
    "sequence not indented under its key": "tasks:\n- id: a\n  after: [b]\n- id: b\nnext: 1\n",
    "empty values and comments": "a:\nb: # c\n  # inside\n  c: 1\nd: ~\ne: ''\n# end\n",
    "document start": "---\na: 1\nb:\n  - 1\n",
    "document start with comment": "--- # x\na: 1\n",
    "quoted keys and values": "\"a b\": 1\n'c': \"x: y\"\nd: 'it''s'\ne: \"multi\n  line\"\nf: 1\n",
    "block scalars": "a: |\n  line 1\n\n  line 3\nb: >-\n  folded\n  text\nc:\n  - |\n    x\n  - y\n",
    "plain scalar over lines": "a: one\n  two\nb: 1\nc:\n  three\n  four\n",
    "urls and colons": "url: http://x:80/a\nb: a:b\nc: 'x: y'\n",
    "numbers and booleans as keys": "1: a\ntrue: b\nnull: c\n2026-10: d\nx: 1\n",
    "sequence of sequences": "- - a\n  - b\n- - c\n-\n  - d\n",
    crlf: "a:\r\n  b: 1\r\n  c:\r\n  - x\r\n",
    "trailing spaces": "a:   \n  b: 1   \nc: 2 # x  \n",
    "empty document": "# only a comment\n",
    "flow collections over lines": "a: [1,\n  2]\nb: {x: 1}\nc: 3\n",
    anchors: "a: &x 1\nb: *x\n",
    "deeper indentation steps": "a:\n     b:\n          - 1\n          - 2\n     c: 3\n",
    "empty item": "a:\n  -\n  - 1\n",
    "hash in values": "a: x#y\nb: x # y\nc: '#'\n",
    "keys with spaces before colon": "a   : 1\nb :\n  c: 2\n",
    "nested flow collections": "a: { b: [1, 2], c: { d: e } }\nf: [[1], {g: h}]\ni: [ 'x, y', \"z]\" ]\nj: {k: l:m}\n",
    "flow with quotes inside plain scalars": "a: { b: it's here, c: \"q\" }\nd: [Women's Day]\n",
    "flow with colons": "a: {b: http://x:80, c: 2026-01-01T10:00:00+03:00}\nd: [a:b, c]\n",
    "numeric-looking quoted keys": "'0': a\n'00': b\n' 1': c\n",
  };
  for (const [name, text] of Object.entries(CASES)) {
    it(`agrees or declines: ${name}`, () => {
      compare(text, name);
    });
  }
});

describe("positions of a text the fast reader has read", () => {
  /** positionsOfAcceptedText must give the positions readBlockYamlPositions gives, for every text readBlockYaml accepts. */
  const same = (text: string, label: string) => {
    const body = withoutBom(text);
    const read = readBlockYamlPositions(body);
    if (!read || !readBlockYaml(body)) return 0;
    expect(positionsOfAcceptedText(body), label).toEqual(read.positions);
    return 1;
  };

  it("are those read with the data, on every YAML file tam ships or tests with", () => {
    let compared = 0;
    for (const file of SHIPPED_YAML_FILES) compared += same(readFileSync(file, "utf8"), file.slice(ROOT.length + 1));
    expect(compared).toBeGreaterThan(SHIPPED_YAML_FILES.length / 2);
  });

  it("are those read with the data, on seeded fuzz mutations of the example", () => {
    for (const { label, text } of exampleMutations(MUTATIONS, 20261206)) same(text, label);
  });

  it("locate a finding in a file whose data the fast reader gave as in its yaml Document", () => {
    const text = "incidents:\n  - id: INC-1\n    review:\n      due: 2026-01-02\n  - id: INC-2\n    tags: [a, b]\n";
    const fast = readSource("/x.yaml", "x.yaml", "incidents", text, fastData(text));
    const full = parseSource("/x.yaml", "x.yaml", "incidents", text);
    for (const path of pathsOf(full.data)) for (const key of [false, true]) expect(locate(fast, path, key), JSON.stringify(path)).toEqual(locateInDocument(full, path, key));
  });
});
