// tam's read path (the fast reader, or the `yaml` package for what it declines) against the `yaml`
// package alone, with the options tam gives it, on generated documents full of the constructs where
// YAML readers differ: lone CR and CR CR LF line ends, `~`, `null` and empty keys, escaped line
// breaks followed by blank lines in double-quoted scalars, document markers, block scalars with
// indentation indicators. The data must be the same, and neither may read what the other refuses;
// where the fast reader reads a document, its positions must be the Document's.
import { isDeepStrictEqual } from "node:util";
import { describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { fastData, locate, locateInDocument, type PathSegment, parseSource, readSource, withoutBom } from "../../../src/project/source.js";
// @ts-expect-error plain JavaScript module without types
import { prng } from "../../../scripts/fuzz/mutations.mjs";
import { generatedCases } from "../../helpers/tier.js";

const DOCUMENTS = generatedCases(4000, 1000);

type Random = { next(): number; int(n: number): number; pick<T>(list: readonly T[]): T };

/** What tam's loader keeps of a text: its data, or "refused" when it reports an error. */
function tamRead(text: string): { data: unknown } | "refused" {
  const source = readSource("/x.yaml", "x.yaml", "architecture", text, fastData(withoutBom(text)));
  if (source.data === undefined || source.parseIssues.some((issue) => issue.severity === "error")) return "refused";
  return { data: source.data };
}

/** The `yaml` package alone, with the options parseSource gives it. */
function yamlRead(text: string): { data: unknown } | "refused" {
  const doc = parseDocument(withoutBom(text), { prettyErrors: false, uniqueKeys: true, version: "1.2" });
  if (doc.errors.length > 0) return "refused";
  try {
    return { data: doc.toJS({ maxAliasCount: 100 }) };
  } catch {
    return "refused";
  }
}

/** A description of how the two disagree on `text`, or "". */
function difference(text: string): string {
  const tam = tamRead(text);
  const reference = yamlRead(text);
  if (tam === "refused" || reference === "refused") return tam === reference ? "" : `tam ${tam === "refused" ? "refuses" : "reads"}, yaml ${reference === "refused" ? "refuses" : "reads"}`;
  return isDeepStrictEqual(tam.data, reference.data) ? "" : `data differs: ${JSON.stringify(tam.data)} vs ${JSON.stringify(reference.data)}`;
}

/** Every path of the data, and beside each collection paths that are not there. */
function pathsOf(data: unknown, prefix: PathSegment[] = [], out: PathSegment[][] = []): PathSegment[][] {
  out.push(prefix);
  if (Array.isArray(data)) {
    data.forEach((item, i) => pathsOf(item, [...prefix, i], out));
    out.push([...prefix, data.length], [...prefix, "key"]);
  } else if (data !== null && typeof data === "object") {
    for (const [key, value] of Object.entries(data)) pathsOf(value, [...prefix, key], out);
    out.push([...prefix, "no-such-key"], [...prefix, 0], [...prefix, 1]);
  } else out.push([...prefix, "below"]);
  return out;
}

/** Where the fast positions (locate, for a file the fast reader read) and the Document (locateInDocument) differ, or "". */
function positionDifference(text: string): string {
  const source = parseSource("/x.yaml", "x.yaml", "architecture", text);
  if (source.parseIssues.length > 0 || source.data === undefined) return "";
  for (const path of pathsOf(source.data)) {
    for (const key of [false, true]) {
      const got = locate(source, path, key);
      const want = locateInDocument(source, path, key);
      if (got.line !== want.line || got.col !== want.col) return `${JSON.stringify(path)} key=${key}: ${got.line}:${got.col} vs ${want.line}:${want.col}`;
    }
  }
  return "";
}

// ---- the generator: a document as lines (without line ends), then joined with chosen line ends

const KEYS = ["a", "name", "status", "k1", "a b", "c", "~", "null", '""', "''", '"q k"', "'s k'", "1", "true", "__proto__", "x-y", "url", "id", "by"];
const PLAIN = ["x", "hello world", "1", "-2", "0.5", "1e3", "0x1F", "~", "null", "true", "False", "2026-11-20", "10:30", "http://x:80/", "a#b", "it's", ""];
const FLOW = ["[]", "{}", "[a, b]", "[a, ~, null, 1]", "{x: 1}", "{ k: v, n: [1, 2] }", "[\"q\", 's']", "[a, b, ]"];

function scalarLine(random: Random): string {
  switch (random.int(6)) {
    case 0:
      return `'${random.pick(["it''s", "", "a b", "# no comment", "x: y"])}'`;
    case 1:
      return `"${random.pick(["a\\tb", "\\u00e9", "", 'q\\"q', "x\\\\y", "\\x41"])}"`;
    case 2:
      return random.pick(FLOW);
    default:
      return random.pick(PLAIN);
  }
}

/** A value written over several lines at `indent` (continuation lines indented more than it): the constructs readers differ on. */
function multiLineValue(random: Random, indent: number): string[] {
  const pad = " ".repeat(indent + 2);
  switch (random.int(7)) {
    case 0: // an escaped line break followed by a blank line, inside double quotes
      return [`"x\\`, "", `${pad}y"`];
    case 1: // an escaped line break, then a line
      return [`"x\\`, `${pad}y"`];
    case 2: // a quoted scalar folded over a blank line
      return [random.pick([`'x`, `"x`]), "", `${pad}y${random.pick(["'", '"'])}`];
    case 3: // a plain scalar over lines
      return ["x", `${pad}y`];
    default: {
      // a block scalar, perhaps with an indentation indicator and chomping
      const style = random.pick(["|", ">"]);
      const chomp = random.pick(["", "-", "+"]);
      const indicator = random.pick(["", "", "1", "2", "3"]);
      const header = random.next() < 0.5 ? `${style}${indicator}${chomp}` : `${style}${chomp}${indicator}`;
      const body: string[] = [];
      const lines = 1 + random.int(3);
      for (let i = 0; i < lines; i++) {
        if (random.next() < 0.25) body.push(random.pick(["", " ".repeat(indent + 1)]));
        body.push(`${pad}${" ".repeat(random.int(3) === 0 ? 1 : 0)}${random.pick(["text", "more text", "# not a comment", "- x"])}`);
      }
      if (random.next() < 0.3) body.push("");
      return [header, ...body];
    }
  }
}

/** A block node at `indent`: lines, the first without its indentation (the caller places it). */
function blockNode(random: Random, indent: number, depth: number): string[] {
  const pad = " ".repeat(indent);
  const lines: string[] = [];
  const sequence = random.next() < 0.3;
  const count = 1 + random.int(3);
  const used = new Set<string>();
  for (let i = 0; i < count; i++) {
    // Mostly a key not used yet in this mapping; now and then one again (readers differ on duplicates too).
    let key = random.pick(KEYS);
    while (used.has(key) && random.next() < 0.9) key = random.pick(KEYS);
    used.add(key);
    const lead = sequence ? "- " : random.next() < 0.05 ? ": " : `${key}: `;
    const roll = random.next();
    let entry: string[];
    if (depth < 3 && roll < 0.25) {
      const inner = blockNode(random, indent + 2, depth + 1);
      entry = [lead.trimEnd(), `${" ".repeat(indent + 2)}${inner[0]}`, ...inner.slice(1)];
    } else if (roll < 0.4) {
      const value = multiLineValue(random, indent);
      entry = [`${lead}${value[0]}`, ...value.slice(1)];
    } else if (roll < 0.5) {
      entry = [lead.trimEnd()];
    } else {
      entry = [`${lead}${scalarLine(random)}${random.next() < 0.1 ? " # c" : ""}`];
    }
    if (i > 0 && random.next() < 0.1) lines.push(`${pad}# comment`);
    lines.push(i === 0 ? entry[0]! : `${pad}${entry[0]}`, ...entry.slice(1));
  }
  return lines;
}

function document(random: Random): string {
  const lines = blockNode(random, 0, 0);
  // Document markers and directives around (and sometimes inside) the content.
  if (random.next() < 0.3) lines.unshift(random.pick(["---", "--- # doc", "%YAML 1.2\n---", "---   "]));
  if (random.next() < 0.25) lines.push(random.pick(["...", "...\n# after", "---", "...\n---\nb: 2", "--- x"]));
  if (random.next() < 0.05) lines.splice(random.int(lines.length + 1), 0, random.pick(["...", "---"]));
  const split = lines.join("\n").split("\n");
  // Line ends: mostly LF, else CRLF, else a mix with lone CRs and CR CR LF (a file converted twice).
  const mode = random.next();
  let text = "";
  split.forEach((line, i) => {
    const eol = mode < 0.55 ? "\n" : mode < 0.75 ? "\r\n" : random.pick(["\n", "\r\n", "\r", "\r\r\n"]);
    text += i < split.length - 1 || random.next() < 0.9 ? line + eol : line;
  });
  return random.next() < 0.05 ? `\ufeff${text}` : text;
}

describe("tam's read path against the yaml package (generated documents)", () => {
  it(`reads the same data (and positions) or refuses the same documents, ${DOCUMENTS} of them, and the fast reader answers for many`, () => {
    const random = prng(20261206) as Random;
    const problems: string[] = [];
    let fast = 0;
    const count = DOCUMENTS;
    for (let i = 0; i < count; i++) {
      const text = document(random);
      const read = fastData(withoutBom(text));
      if (read) fast++;
      const problem = difference(text) || (read ? positionDifference(text) : "");
      if (problem && problems.length < 20) problems.push(`${JSON.stringify(text)}: ${problem}`);
    }
    expect(problems).toEqual([]);
    // The comparison means something only where the fast reader answers (elsewhere both are `yaml`).
    expect(fast).toBeGreaterThan(count * 0.2);
  });

  // The documents of the defects issue (25, point 9), each alone.
  const CASES: Record<string, string> = {
    "a lone CR (line ends converted twice)": "a: 1\rb: 2\n",
    "a lone CR at the end": "a: 1\r",
    "CR CR LF": "a: 1\r\r\nb: 2\r\r\n",
    "~ as a key": "~: a\n",
    "null as a key": "null: a\nb: 1\n",
    "~ and an empty quoted key": "'': a\n~: b\n",
    "an empty key": ": a\n",
    "an escaped line break, then a blank line": 'note: "x\\\n\n  y"\n',
    "an escaped line break, then text": 'note: "x\\\n  y"\n',
    "a document end marker": "a: 1\n...\n",
    "a document end marker, then a comment": "a: 1\n...\n# c\n",
    "document start and end": "---\na: 1\n...\n",
    "a second document": "a: 1\n---\nb: 2\n",
    "an indentation indicator": "a: |2\n   x\n  y\n",
    "an indentation indicator with chomping": "a: >1-\n  x\n\n",
    "an indentation indicator after chomping": "a: |-2\n  x\n",
  };
  for (const [name, text] of Object.entries(CASES)) {
    it(`agrees on ${name}`, () => {
      expect(difference(text)).toBe("");
      expect(positionDifference(text)).toBe("");
    });
  }
});
