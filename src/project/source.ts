// One parsed YAML file with the means to turn a value's path into file:line:col.
import { createRequire } from "node:module";
import type { Document, LineCounter, Node } from "yaml";
import type { Issue, Location } from "../model/issues.js";
import { type NodePositions, offsetAt, positionsOfAcceptedText, readBlockYaml, readBlockYamlPositions } from "./block-yaml.js";
import { conflictMarkers, excessiveNesting, MAX_NESTING } from "./guards.js";
import type { FileKind } from "../model/files.js";

export type PathSegment = string | number;

/**
 * The \`yaml\` package, loaded on first use: a read command on a project without findings never
 * needs it (the fast read gives the data), and loading it costs about as much as reading a
 * small project.
 */
let yamlModule: typeof import("yaml") | undefined;
// In the bundle, \`require\` is the bundle's own: the one copy of \`yaml\` that the edits import too,
// evaluated on this first call. From the ES modules of dist/, Node's require from node_modules.
const yaml = () => (yamlModule ??= (typeof require === "function" ? require("yaml") : createRequire(import.meta.url)("yaml")) as typeof import("yaml"));

export interface SourceFile {
  /** Absolute path. */
  abs: string;
  /** Path relative to the project root, with forward slashes. */
  rel: string;
  kind: FileKind;
  text: string;
  doc: Document.Parsed;
  lineCounter: LineCounter;
  /** Plain data, or undefined when the file could not be parsed. */
  data: unknown;
  /** Syntax problems found while parsing. */
  parseIssues: Issue[];
}

/** Limits that keep hostile YAML (alias bombs) from exhausting memory. */
const MAX_ALIAS_COUNT = 100;

/** What the fast reader gave for a text: its data, and where its nodes are when asked for in the same pass. */
export type FastRead = { data: unknown; positions?: NodePositions | null };

/** Above this size a file's positions are read only when a finding in it is located (they take memory). */
const MAX_POSITIONS_WITH_DATA = 65_536;

/**
 * The data of a file that needs no finding, read the fast way, or undefined when the full parser
 * must look at it. The fast reader (block-yaml.ts) reads the plain subset tam's files are written
 * in and declines everything else; it either returns exactly the data the \`yaml\` package gives
 * (with the options of parseSource, and no finding) or declines, and a declined file goes straight
 * to \`yaml\`, the reader of record for every message and position.
 * test/unit/project/block-yaml.test.ts, fast-parse.test.ts and yaml-differential.test.ts check it.
 * `withPositions`: for a command that locates its findings, where the nodes are, from the same pass
 * (small files): a second pass over a file read without positions costs more than the positions,
 * as it runs the reader's code down other paths.
 */
export function fastData(body: string, withPositions = false): FastRead | undefined {
  return withPositions && body.length <= MAX_POSITIONS_WITH_DATA ? readBlockYamlPositions(body) : readBlockYaml(body);
}

/**
 * The plain data of a YAML text without its findings (a version of a file from git history): the
 * fast read, else the \`yaml\` package; undefined when the text has a finding.
 */
export function yamlData(text: string): { data: unknown } | undefined {
  const body = withoutBom(text);
  const fast = readBlockYaml(body);
  if (fast) return fast;
  const source = parseSource("", "", "architecture", body);
  return source.parseIssues.length === 0 && source.data !== undefined ? { data: source.data } : undefined;
}

/** Syntax errors listed per file; past them, one finding says how many more there are. */
const MAX_SYNTAX_ERRORS = 200;

/** A BOM is legal at the start of a file; positions and data are of the text after it. */
export const withoutBom = (text: string): string => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);

/**
 * A file as load.ts keeps it, given the result of fastData on its text: the data read the fast way when possible, the \`yaml\` Document
 * (for positions and edits) parsed on first use; otherwise the full parse, with its findings.
 */
export function readSource(abs: string, rel: string, kind: FileKind, text: string, fast: FastRead | undefined): SourceFile {
  const body = withoutBom(text);
  if (!fast) return releaseDocument(parseSource(abs, rel, kind, text));
  const source = lazyDocument({ abs, rel, kind, text: body, data: fast.data, parseIssues: [] });
  readFast.add(source);
  if (fast.positions !== undefined) fastPositions.set(source, { positions: fast.positions, lineStarts: lineStartsOf(body) });
  return source;
}

/** Files whose data the fast reader gave (readSource): their positions are read without building the data again. */
const readFast = new WeakSet<SourceFile>();

// Memory of large projects: a parsed yaml Document (every node with its range) takes several
// times the memory of the plain data, and 100,000 incidents held as Documents exceed 1 GiB.
// Commands need a file's Document only to locate a finding or to edit that file, so it is
// parsed from the kept text on first use (same text, same positions).
function lazyDocument(rest: Omit<SourceFile, "doc" | "lineCounter">): SourceFile {
  // The closure must not hold a Document: that would keep the first one alive.
  const { text } = rest;
  let parsed: { doc: Document.Parsed; lineCounter: LineCounter } | undefined;
  // The data is known (and the text was read without a finding): the Document alone, not its toJS again.
  const reparse = () => (parsed ??= documentOf(text));
  return Object.defineProperties(rest, {
    doc: { get: () => reparse().doc, enumerable: true },
    lineCounter: { get: () => reparse().lineCounter, enumerable: true },
  }) as SourceFile;
}

/** Drops a parsed Document that has no findings; it is parsed again on first use. */
function releaseDocument(source: SourceFile): SourceFile {
  // Files with findings are located right away; keep what was parsed.
  if (source.data === undefined || source.parseIssues.length > 0) return source;
  const { doc: _doc, lineCounter: _lineCounter, ...rest } = source;
  return lazyDocument(rest);
}

const DOCUMENT_OPTIONS = { prettyErrors: false, uniqueKeys: true, version: "1.2" } as const;

/** The `yaml` Document of a text (without a BOM), with its line index, as parseSource parses it. */
function documentOf(body: string): { doc: Document.Parsed; lineCounter: LineCounter } {
  const { LineCounter, parseDocument } = yaml();
  const lineCounter = new LineCounter();
  return { doc: parseDocument(body, { lineCounter, ...DOCUMENT_OPTIONS }), lineCounter };
}

export function parseSource(abs: string, rel: string, kind: FileKind, text: string): SourceFile {
  const { LineCounter, parseDocument } = yaml();
  const lineCounter = new LineCounter();
  // A BOM is legal at the start of a file; strip it so positions stay right.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // Conflict markers and absurd nesting get their own finding instead of a parser error (or a blown stack).
  const refused = [...conflictMarkers(body), ...[excessiveNesting(body)].filter((f) => f !== undefined)];
  if (refused.length > 0) {
    const doc = parseDocument("", { lineCounter: new LineCounter() });
    lineCounter.addNewLine(0);
    for (let i = body.indexOf("\n"); i >= 0; i = body.indexOf("\n", i + 1)) lineCounter.addNewLine(i + 1);
    const parseIssues = refused.map((f) => ({ severity: "error" as const, file: rel, ...f }));
    return { abs, rel, kind, text: body, doc, lineCounter, data: undefined, parseIssues };
  }
  const doc = parseDocument(body, { lineCounter, ...DOCUMENT_OPTIONS });
  const parseIssues: Issue[] = [];
  const seen = new Set<string>();
  // One broken value can make thousands of syntax errors (250,000 double quotes make 125,000): the
  // first MAX_SYNTAX_ERRORS are listed, then one finding counts the rest.
  let listed = 0;
  for (const error of doc.errors) {
    if (listed === MAX_SYNTAX_ERRORS) {
      const pos = lineCounter.linePos(error.pos[0]);
      parseIssues.push({
        severity: "error",
        code: "yaml-syntax",
        message: `${doc.errors.length - listed} more syntax error(s) from here on are not listed; fix the ones above first`,
        file: rel,
        line: pos.line,
        col: pos.col,
      });
      break;
    }
    let offset = error.pos[0];
    let message = firstLine(error.message);
    let code = error.code === "DUPLICATE_KEY" ? "duplicate-key" : "yaml-syntax";
    if (/Maximum call stack size exceeded/.test(error.message)) {
      code = "too-deep";
      message = "the file nests too deeply to be read";
    }
    // The parser notices a missing closing quote at the end of the file; point at where the string opens.
    const quote = /^Missing closing (["'])quote/.exec(error.message)?.[1];
    if (error.code === "MISSING_CHAR" && quote) {
      const opening = body.lastIndexOf(quote, offset - 1);
      if (opening >= 0) {
        offset = opening;
        message = `this quoted string is never closed (missing ${quote})`;
      }
    }
    const pos = lineCounter.linePos(offset);
    // A broken structure can make the parser repeat one error hundreds of times; say it once.
    const key = `${code}|${pos.line}|${pos.col}|${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    parseIssues.push({ severity: "error", code, message, file: rel, line: pos.line, col: pos.col });
    listed++;
  }
  for (const warning of doc.warnings) {
    const pos = lineCounter.linePos(warning.pos[0]);
    parseIssues.push({ severity: "warning", code: "yaml-warning", message: firstLine(warning.message), file: rel, line: pos.line, col: pos.col });
  }
  let data: unknown;
  // Walking every node for structural problems costs as much as a tenth of the parse, so the walk
  // runs only where a cheap test says it may find something: text that can hold a complex key,
  // or data with an unusable number or deep nesting (found on the plain data after toJS).
  const walk = () => (doc.errors.length === 0 ? structureProblems(doc, body) : undefined);
  let structure = MAY_HOLD_COMPLEX_KEY.test(body) ? walk() : undefined;
  if (doc.errors.length === 0 && !structure?.refused) {
    try {
      data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
      if (!structure && needsStructureWalk(data)) structure = walk();
    } catch (error) {
      const message = String((error as Error).message);
      const alias = /resource exhaustion|alias/i.test(message) ? firstAliasOffset(doc) : undefined;
      const pos = lineCounter.linePos(alias ?? 0);
      parseIssues.push(
        alias !== undefined
          ? { severity: "error", code: "too-many-aliases", message: "aliases (*name) expand to too much data (an alias bomb?); write the values out instead", file: rel, line: pos.line, col: pos.col }
          : { severity: "error", code: "yaml-syntax", message: firstLine(message), file: rel, line: pos.line, col: pos.col },
      );
    }
  }
  if (structure?.refused) {
    data = undefined;
    const pos = lineCounter.linePos(structure.refused.offset);
    parseIssues.push({ severity: "error", code: structure.refused.code, message: structure.refused.message, file: rel, line: pos.line, col: pos.col });
  } else if (structure) {
    for (const number of structure.numbers) {
      const pos = lineCounter.linePos(number.offset);
      parseIssues.push({
        severity: "error",
        code: "number-out-of-range",
        message: `${number.text} is not a number tam can hold exactly (too large, infinite or not a number)`,
        file: rel,
        line: pos.line,
        col: pos.col,
      });
    }
  }
  return { abs, rel, kind, text: body, doc, lineCounter, data, parseIssues };
}

/** "? key" (an explicit key) or "[a]: " / "{a: 1}: " (a collection as a key): the only ways to write a complex key. */
const MAY_HOLD_COMPLEX_KEY = /(^|[\s,[{])\?(\s|$)|[\]}]\s*:(\s|$)/m;

/** Whether plain data holds a number JavaScript cannot hold exactly, or nests deeper than MAX_NESTING. */
function needsStructureWalk(data: unknown): boolean {
  const stack: [unknown, number][] = [[data, 0]];
  while (stack.length) {
    const [value, depth] = stack.pop()!;
    if (typeof value === "number") {
      if (!Number.isFinite(value) || (Number.isInteger(value) && !Number.isSafeInteger(value))) return true;
    } else if (value !== null && typeof value === "object") {
      if (depth > MAX_NESTING) return true;
      for (const child of Array.isArray(value) ? value : Object.values(value)) if (child !== null && typeof child !== "string" && typeof child !== "boolean") stack.push([child, depth + 1]);
    }
  }
  return false;
}

/**
 * What makes a parsed document unsafe to turn into data, found in one walk of its nodes: nesting
 * deeper than MAX_NESTING or a mapping key that is itself a list or mapping (both stop the walk:
 * the file is refused), and numbers JavaScript cannot hold exactly, 1e400 (Infinity),
 * 99999999999999999999 (rounded), .nan (each reported).
 */
function structureProblems(doc: Document.Parsed, body: string): { refused?: { code: string; message: string; offset: number }; numbers: { offset: number; text: string }[] } {
  const { visit, isPair, isMap, isSeq, isScalar } = yaml();
  let refused: { code: string; message: string; offset: number } | undefined;
  const numbers: { offset: number; text: string }[] = [];
  visit(doc, (_key, node, path) => {
    if (path.length > MAX_NESTING * 2 + 2) {
      refused = { code: "too-deep", message: `collections nest more than ${MAX_NESTING} levels deep here; tam does not read such files`, offset: (node as Node).range?.[0] ?? 0 };
      return visit.BREAK;
    }
    if (isPair(node) && node.key !== null && (isMap(node.key) || isSeq(node.key))) {
      refused = { code: "complex-key", message: "a key must be plain text, not a list or mapping", offset: node.key.range?.[0] ?? 0 };
      return visit.BREAK;
    }
    if (isScalar(node) && typeof node.value === "number" && node.range) {
      const value = node.value;
      if (!Number.isFinite(value) || (Number.isInteger(value) && !Number.isSafeInteger(value))) numbers.push({ offset: node.range[0], text: body.slice(node.range[0], node.range[1]) });
    }
    return undefined;
  });
  return { refused, numbers };
}

function firstAliasOffset(doc: Document.Parsed): number | undefined {
  const { visit, isAlias } = yaml();
  let offset: number | undefined;
  visit(doc, {
    Alias(_key, node) {
      if (isAlias(node)) offset = node.range?.[0];
      return visit.BREAK;
    },
  });
  return offset;
}

function firstLine(message: string): string {
  return message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
}

/** How `nodeAt` reads its path. */
export interface NodeAtOptions {
  /** The node of the last key rather than its value (where an "unknown key" finding points). */
  key?: boolean;
  /**
   * Where the path leads nowhere, the nearest node on the way (a key with no value: that key)
   * rather than undefined: where a finding about a missing or empty value points.
   */
  nearest?: boolean;
}

/**
 * The node of the \`yaml\` Document at \`path\` (keys and indices; the document's root for []): the
 * one path walker over a Document, for positions (locate) and for surgical edits (yaml-text.ts).
 * A key matches a segment as the data reads it: \`2026:\` is the key "2026".
 */
export function nodeAt(doc: Document, path: readonly PathSegment[], options: NodeAtOptions = {}): Node | undefined {
  const { isMap, isSeq, isPair, isScalar } = yaml();
  const { key = false, nearest = false } = options;
  let node: unknown = doc.contents;
  let last = (doc.contents as Node | null) ?? undefined;
  const missing = () => (nearest ? last : undefined);
  for (let i = 0; i < path.length; i++) {
    const segment = path[i]!;
    if (isMap(node)) {
      // biome-ignore lint/suspicious/noDoubleEquals: a path segment is a string or an index; a key may be read as a number (2026:) or text
      const pair = node.items.find((p) => isPair(p) && (isScalar(p.key) ? p.key.value : p.key) == segment);
      if (!pair) return missing();
      if (key && i === path.length - 1) return (pair.key as Node | null) ?? missing();
      node = pair.value;
      // A key with no value ("key:") has a null value node.
      if (node == null) return nearest ? ((pair.key as Node | null) ?? last) : undefined;
    } else if (isSeq(node)) {
      const item = node.items[Number(segment)];
      if (item == null) return missing();
      node = item;
    } else {
      return missing();
    }
    last = node as Node;
  }
  return last;
}

/** Positions of files located without their Document, with their line starts (null: the fast reader declines the text). */
const fastPositions = new WeakMap<SourceFile, { positions: NodePositions | null; lineStarts: number[] } | null>();

function positionsOf(source: SourceFile): { positions: NodePositions | null; lineStarts: number[] } | null {
  let known = fastPositions.get(source);
  if (known === undefined) {
    const positions = readFast.has(source) ? positionsOfAcceptedText(source.text) : readBlockYamlPositions(source.text)?.positions;
    known = positions !== undefined ? { positions, lineStarts: lineStartsOf(source.text) } : null;
    fastPositions.set(source, known);
  }
  return known;
}

/** The offsets where the lines of `text` start. */
function lineStartsOf(text: string): number[] {
  const lineStarts = [0];
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) lineStarts.push(i + 1);
  return lineStarts;
}

/** Line and column (1-based) of an offset, from the offsets where lines start. */
function linePosition(lineStarts: readonly number[], offset: number): { line: number; col: number } {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (lineStarts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return { line: low + 1, col: offset - lineStarts[low]! + 1 };
}

/** Where the value at \`path\` (with \`key\`, its key) is written, as the \`yaml\` Document says. */
export function locate(source: SourceFile, path: readonly PathSegment[], key = false): Location {
  // Most files are plain block YAML: the fast reader gives their positions in the same pass as
  // their data, and the Document (the \`yaml\` package, a full parse) is needed only where it declines.
  if (source.parseIssues.length === 0 && source.data !== undefined) {
    const fast = positionsOf(source);
    const offset = fast ? offsetAt(fast.positions, path, key) : undefined;
    if (offset === -1) return { file: source.rel, line: 1, col: 1 };
    if (offset !== undefined) return { file: source.rel, ...linePosition(fast!.lineStarts, offset) };
  }
  return locateInDocument(source, path, key);
}

/** locate from the \`yaml\` Document alone (what the fast positions must equal). */
export function locateInDocument(source: SourceFile, path: readonly PathSegment[], key = false): Location {
  const node = nodeAt(source.doc, path, { key, nearest: true });
  const offset = node?.range?.[0];
  if (offset == null) return { file: source.rel, line: 1, col: 1 };
  const pos = source.lineCounter.linePos(offset);
  return { file: source.rel, line: pos.line, col: pos.col };
}
