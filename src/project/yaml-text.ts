// The primitives of surgical YAML edits, shared by every writer (change files, docs.yaml,
// incident files, and whatever the write transaction is given): offsets and columns in the text,
// finding a node by path, rendering a scalar that reads back as the same value, splicing new text
// into a node's source range so every byte outside it stays as it was, and re-parsing to verify.
import { isDeepStrictEqual } from "node:util";
import { isMap, isPair, isScalar, isSeq, parseDocument, stringify, type Document, type Node, type Pair, type YAMLMap, type YAMLSeq } from "yaml";
import { EditError } from "../errors.js";
import { readBlockYaml } from "./block-yaml.js";
import { nodeAt, type PathSegment } from "./source.js";

const EDIT_PARSE_OPTIONS = { version: "1.2", uniqueKeys: true } as const;

export function lineStart(text: string, offset: number): number {
  return text.lastIndexOf("\n", offset - 1) + 1;
}

/** Offset just after the newline that ends the line holding `offset` (or the end of the text). */
export function nextLine(text: string, offset: number): number {
  const at = Math.max(0, offset);
  const newline = text.indexOf("\n", at);
  return newline === -1 ? text.length : newline + 1;
}

export function columnOf(text: string, offset: number): number {
  return offset - lineStart(text, offset);
}

export function splice(text: string, from: number, to: number, insert: string): string {
  return text.slice(0, from) + insert + text.slice(to);
}

export function pairOf(map: YAMLMap, key: string): Pair<Node, Node | null> | undefined {
  return map.items.find((p) => isPair(p) && (isScalar(p.key) ? p.key.value : p.key) === key) as Pair<Node, Node | null> | undefined;
}

/**
 * A scalar as YAML text on one line: plain when that reads back as the same value, double-quoted
 * otherwise (multi-line text, and in flow collections text holding `,[]{}`).
 */
export function scalarText(value: string | number | boolean, inFlow = false): string {
  if (typeof value !== "string") return String(value);
  if (/[\n\r]/.test(value)) return JSON.stringify(value);
  const text = stringify(value, { lineWidth: 0, minContentWidth: 0 }).trimEnd();
  if (text.includes("\n")) return JSON.stringify(value);
  if (inFlow && !/^["']/.test(text) && /[,[\]{}]/.test(text)) return JSON.stringify(value);
  return text;
}

/** Parses text about to be written; an edit that breaks the YAML is refused. */
export function parseForEdit(text: string, what: string): Document.Parsed {
  const doc = parseDocument(text, EDIT_PARSE_OPTIONS);
  if (doc.errors.length) throw new EditError(`editing ${what} produced invalid YAML (${doc.errors[0]!.message.split("\n")[0]}); nothing was written`);
  return doc;
}

/** Re-parses the edited text and checks that its data is exactly `expected`. */
export function verifyEdit(text: string, expected: unknown, what: string): void {
  // The fast reader reads exactly what `yaml` reads, or declines (then `yaml` says what is wrong).
  const data = readBlockYaml(text)?.data ?? parseForEdit(text, what).toJS();
  if (!isDeepStrictEqual(data, expected)) throw new EditError(`editing ${what} would change more than intended; nothing was written`);
}

// --- Splices by node range (change files) ---

export interface Splice {
  from: number;
  to: number;
  text: string;
}

export function applySplice(text: string, splice: Splice): string {
  return text.slice(0, splice.from) + splice.text + text.slice(splice.to);
}

export const yamlScalar = (value: string | number | boolean): string => scalarText(value);

export function yamlFlowList(values: readonly string[]): string {
  return `[${values.map((v) => scalarText(v, true)).join(", ")}]`;
}

/** The map at `path` (the document root for []), or an error. */
export function mapAt(doc: Document, path: readonly PathSegment[]): YAMLMap {
  const node = path.length ? doc.getIn(path, true) : doc.contents;
  if (!isMap(node)) throw new EditError(`expected a mapping at ${path.join(".") || "the top level"}`);
  return node;
}

/**
 * Moves `end` back over blank lines and comments indented less than `column`: in a block
 * collection such lines belong to what follows it, not to its last item.
 */
export function endOfBlock(text: string, start: number, end: number, column: number): number {
  let to = end;
  while (to > start) {
    const lineEnd = text[to - 1] === "\n" ? to - 1 : to;
    const from = text.lastIndexOf("\n", lineEnd - 1) + 1;
    if (from < start) return to;
    const line = text.slice(from, lineEnd);
    const indent = line.length - line.trimStart().length;
    if (line.trim() !== "" && !(line.trimStart().startsWith("#") && indent < column)) return to;
    to = from;
  }
  return to;
}

/** Ends `text` with a newline when it does not, so appended lines start on their own line. */
function newlineBefore(text: string, offset: number): string {
  return offset > 0 && text[offset - 1] !== "\n" ? "\n" : "";
}

/**
 * Replaces `key: …` of the map at `path`, key line to the end of its value, by `block`
 * (complete lines, each ending in a newline); appends it after the map's last entry when absent.
 */
export function replaceEntry(text: string, doc: Document, path: readonly PathSegment[], key: string, block: string): Splice {
  const map = mapAt(doc, path);
  const pair = pairOf(map, key);
  if (pair) {
    const keyNode = pair.key as Node;
    const value = pair.value as Node | null;
    const column = columnOf(text, keyNode.range![0]) + 1;
    const end = value?.range ? endOfBlock(text, keyNode.range![1], value.range[1], column) : keyNode.range![1];
    const to = text[end - 1] === "\n" ? end : nextLine(text, end);
    return { from: lineStart(text, keyNode.range![0]), to, text: block };
  }
  const end = map.range![1];
  const at = text[end - 1] === "\n" || end === text.length ? end : nextLine(text, end);
  return { from: at, to: at, text: newlineBefore(text, at) + block };
}

/** Replaces the scalar value at `path` by `value`. */
export function setScalar(doc: Document, path: readonly PathSegment[], value: string): Splice {
  const node = doc.getIn(path, true) as Node | undefined;
  if (!isScalar(node) || !node.range) throw new EditError(`expected a value at ${path.join(".")}`);
  return { from: node.range[0], to: node.range[1], text: yamlScalar(value) };
}

/**
 * Appends an item to the block list `key` of the map at `path`; creates the list when absent.
 * `render(indent)` gives the item's lines ("- …") at that indentation.
 */
export function appendListItem(text: string, doc: Document, path: readonly PathSegment[], key: string, render: (indent: number) => string): Splice {
  const map = mapAt(doc, path);
  const pair = pairOf(map, key);
  const keyColumn = columnOf(text, (map.items[0]!.key as Node).range![0]);
  const list = pair?.value as Node | undefined;
  if (isSeq(list) && !list.flow && list.items.length && list.range) {
    const at = endOfBlock(text, list.range[0], list.range[1], columnOf(text, list.range[0]));
    return { from: at, to: at, text: newlineBefore(text, at) + render(columnOf(text, list.range[0])) };
  }
  if (isSeq(list) && list.items.length) throw new EditError(`${key} is written as a flow list; write it as a block list to append to it`);
  return replaceEntry(text, doc, path, key, `${" ".repeat(keyColumn)}${key}:\n${render(keyColumn + 2)}`);
}

// --- Entries and list items of any value, in block style at their neighbours' indentation (incident files) ---

export type Plain = string | number | boolean | PlainObject | Plain[];
export interface PlainObject {
  [key: string]: Plain | undefined;
}

export function parseYaml(text: string): Document.Parsed {
  return parseForEdit(text, "the incident file");
}

/** Flow-style text of a value, for replacing a flow collection or a one-line list. */
function flowText(value: Plain): string {
  if (Array.isArray(value)) return `[${value.map(flowText).join(", ")}]`;
  if (typeof value === "object") {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    return `{ ${entries.map(([k, v]) => `${scalarText(k, true)}: ${flowText(v!)}`).join(", ")} }`;
  }
  return scalarText(value, true);
}

/** A value after "key: " in block context: scalars as block scalars, collections in flow style. */
function valueText(value: Plain): string {
  return typeof value === "object" ? flowText(value) : scalarText(value);
}

const isScalarList = (value: Plain): value is (string | number | boolean)[] => Array.isArray(value) && value.every((v) => typeof v !== "object");

/** Block-style lines of `key: value` at `indent` spaces (lists of scalars written inline). */
function entryText(key: string, value: Plain, indent: number): string {
  const pad = " ".repeat(indent);
  if (typeof value !== "object" || isScalarList(value)) return `${pad}${scalarText(key)}: ${valueText(value)}\n`;
  if (Array.isArray(value)) return `${pad}${scalarText(key)}:\n${value.map((item) => seqItemText(item, indent + 2)).join("")}`;
  return `${pad}${scalarText(key)}:\n${mapText(value, indent + 2)}`;
}

function mapText(value: PlainObject, indent: number): string {
  return Object.entries(value)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => entryText(k, v!, indent))
    .join("");
}

/** A block sequence item "- key: value" with the dash at `dashIndent`. */
export function seqItemText(value: Plain, dashIndent: number): string {
  const pad = " ".repeat(dashIndent);
  if (typeof value !== "object" || Array.isArray(value)) return `${pad}- ${valueText(value)}\n`;
  const body = mapText(value, dashIndent + 2);
  return `${pad}- ${body.slice(dashIndent + 2)}`;
}

function endOfPair(text: string, pair: Pair<Node, Node | null>): number {
  const end = pair.value?.range?.[1] ?? pair.key.range![1];
  return nextLine(text, end - 1);
}

/**
 * Sets `key` of the block or flow map at `mapPath` to `value`. An existing scalar or flow value is replaced in place;
 * a new key goes before the first existing key that follows it in `order`, else after the last entry.
 * Returns the new text.
 */
export function setMapEntry(text: string, mapPath: readonly (string | number)[], key: string, value: Plain, order: readonly string[]): string {
  const doc = parseYaml(text);
  const map = nodeAt(doc, mapPath);
  if (!isMap(map)) throw new EditError(`no map at ${mapPath.join(".")}`);
  if (map.flow) {
    const merged = { ...(map.toJSON() as PlainObject), [key]: value };
    return splice(text, map.range![0], map.range![1], flowText(merged));
  }
  const pair = pairOf(map, key);
  if (pair) {
    const current = pair.value;
    const inPlace = current && (isScalar(current) || ((isMap(current) || isSeq(current)) && current.flow));
    if (inPlace) return splice(text, current.range![0], current.range![1], valueText(value));
    // A block collection replaced by another value: rewrite the entry's lines.
    const start = lineStart(text, pair.key.range![0]);
    return splice(text, start, endOfPair(text, pair), entryText(key, value, columnOf(text, pair.key.range![0])));
  }
  const pairs = map.items as Pair<Node, Node | null>[];
  const indent = columnOf(text, pairs[0]!.key.range![0]);
  const rank = order.indexOf(key);
  const next = rank === -1 ? undefined : pairs.find((p) => isScalar(p.key) && order.indexOf(String(p.key.value)) > rank);
  const at = next ? lineStart(text, next.key.range![0]) : endOfPair(text, pairs[pairs.length - 1]!);
  const insert = entryText(key, value, indent);
  // After the last line of a file without a final newline, start a new line first.
  return splice(text, at, at, at === text.length && !text.endsWith("\n") ? `\n${insert}` : insert);
}

/** Appends items to the sequence at `seqPath` (block style, at the indentation of its items). */
export function appendSeqItems(text: string, seqPath: readonly (string | number)[], items: Plain[], defaultDashIndent: number): string {
  const doc = parseYaml(text);
  const seq = nodeAt(doc, seqPath);
  const rendered = (indent: number) => items.map((item) => seqItemText(item, indent)).join("");
  if (seq === undefined || (isScalar(seq) && (seq.value === null || seq.value === ""))) {
    // "key:" with no value, or "key: ~": the items go on the lines after the key.
    const parentPath = seqPath.slice(0, -1);
    const parent = nodeAt(doc, parentPath);
    const pair = isMap(parent) ? pairOf(parent, String(seqPath[seqPath.length - 1])) : undefined;
    if (!pair) throw new EditError(`no "${seqPath.join(".")}" to append to`);
    const indent = columnOf(text, pair.key.range![0]) + defaultDashIndent;
    const start = lineStart(text, pair.key.range![0]);
    return splice(text, start, endOfPair(text, pair), `${" ".repeat(indent - defaultDashIndent)}${scalarText(String(seqPath[seqPath.length - 1]))}:\n${rendered(indent)}`);
  }
  if (!isSeq(seq)) throw new EditError(`"${seqPath.join(".")}" is not a list`);
  const list = seq as YAMLSeq<Node>;
  if (list.flow) {
    if (list.items.length > 0) return splice(text, list.range![0], list.range![1], flowText([...(list.toJSON() as Plain[]), ...items]));
    // "key: []": the items go on the lines after the key (a comment after [] goes with it).
    const parent = nodeAt(doc, seqPath.slice(0, -1));
    const pair = isMap(parent) ? pairOf(parent, String(seqPath[seqPath.length - 1])) : undefined;
    if (!pair) throw new EditError(`no "${seqPath.join(".")}" to append to`);
    const keyColumn = columnOf(text, pair.key.range![0]);
    return splice(
      text,
      lineStart(text, pair.key.range![0]),
      endOfPair(text, pair),
      `${" ".repeat(keyColumn)}${scalarText(String(seqPath[seqPath.length - 1]))}:\n${rendered(keyColumn + defaultDashIndent)}`,
    );
  }
  const last = list.items[list.items.length - 1]!;
  const first = list.items[0]!;
  const firstStart = first.range![0];
  const prefix = text.slice(lineStart(text, firstStart), firstStart);
  const dashIndent = prefix.indexOf("-");
  const at = nextLine(text, last.range![1] - 1);
  const insert = rendered(dashIndent);
  return splice(text, at, at, at === text.length && !text.endsWith("\n") ? `\n${insert}` : insert);
}

/** Removes `key` from the map at `mapPath` (its lines, in block style); the text unchanged when absent. */
export function removeMapEntry(text: string, mapPath: readonly (string | number)[], key: string): string {
  const doc = parseYaml(text);
  const map = nodeAt(doc, mapPath);
  if (!isMap(map)) throw new EditError(`no map at ${mapPath.join(".")}`);
  const pair = pairOf(map, key);
  if (!pair) return text;
  if (map.flow) {
    const rest = { ...(map.toJSON() as PlainObject) };
    delete rest[key];
    return splice(text, map.range![0], map.range![1], flowText(rest));
  }
  if (map.items.length === 1) throw new EditError(`cannot remove the only key "${key}" of ${mapPath.join(".")}`);
  const start = lineStart(text, pair.key.range![0]);
  // The first key of an item ("- id: …") shares its line with the dash: never the case for the keys import removes.
  if (text.slice(start, pair.key.range![0]).trim() !== "") throw new EditError(`"${key}" does not start its line in ${mapPath.join(".")}`);
  return splice(text, start, endOfPair(text, pair), "");
}

// --- One entry of a mapping of scalars, kept in its own style (docs.yaml) ---

export type ScalarValue = string | number | boolean;
/** A mapping of scalars; undefined values are left out. */
export type FlatMap = Record<string, ScalarValue | undefined>;

function entriesOf(value: FlatMap): [string, ScalarValue][] {
  return Object.entries(value).filter((entry): entry is [string, ScalarValue] => entry[1] !== undefined);
}

function renderFlow(value: FlatMap): string {
  const entries = entriesOf(value);
  if (entries.length === 0) return "{}";
  return `{ ${entries.map(([key, item]) => `${scalarText(key, true)}: ${scalarText(item, true)}`).join(", ")} }`;
}

function renderBlockLines(value: FlatMap, indent: string): string[] {
  return entriesOf(value).map(([key, item]) => `${indent}${scalarText(key, false)}: ${scalarText(item, false)}`);
}

/** Sets `key` of the mapping at `mapPath` to `value` (a mapping of scalars), editing only that entry's text. */
export function setFlatMapEntry(text: string, doc: Document, mapPath: readonly PathSegment[], key: string, value: FlatMap): string {
  const map = mapPath.length ? doc.getIn(mapPath, true) : doc.contents;
  if (!isMap(map) || !map.range) throw new EditError(`no mapping at ${mapPath.join(".")}`);
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  const pair = pairOf(map, key);
  const splice = (from: number, to: number, insert: string) => text.slice(0, from) + insert + text.slice(to);

  if (pair) {
    const old = pair.value as { range?: [number, number, number] } | null;
    if (isMap(old) && !old.flow && old.range && entriesOf(value).length > 0) {
      // A block mapping: rewrite its lines at its own indentation; the first line's indent is already in place.
      const [from, to] = old.range;
      const indent = " ".repeat(from - lineStart(text, from));
      const lines = renderBlockLines(value, indent);
      lines[0] = lines[0]!.trimStart();
      const trailing = text.slice(from, to).endsWith("\n") ? eol : "";
      return splice(from, to, lines.join(eol) + trailing);
    }
    if (old?.range && old.range[1] > old.range[0]) return splice(old.range[0], old.range[1], renderFlow(value));
    // "key:" with nothing after it.
    const colon = text.indexOf(":", (pair.key as { range?: [number, number, number] }).range![1]);
    return splice(colon + 1, colon + 1, ` ${renderFlow(value)}`);
  }

  const [start, end] = map.range;
  if (map.flow) {
    let close = end - 1;
    while (close > start && text[close] !== "}") close--;
    let at = close;
    while (at > start && /\s/.test(text[at - 1]!)) at--;
    const comma = map.items.length ? "," : "";
    return splice(at, at, `${comma} ${scalarText(key, true)}: ${renderFlow(value)}`);
  }
  // A block mapping (a list item's "- " counts as indentation): append the entry after its last line.
  const indent = " ".repeat(start - lineStart(text, start));
  const lead = end > 0 && text[end - 1] !== "\n" ? eol : "";
  const lines = [`${indent}${scalarText(key, false)}:`, ...renderBlockLines(value, `${indent}  `)];
  return splice(end, end, lead + lines.join(eol) + eol);
}

/** Throws unless `after` parses cleanly to exactly `before` with the entry set. */
export function verifyEntry(before: Document, after: string, mapPath: readonly PathSegment[], key: string, value: FlatMap): void {
  const parsed = parseForEdit(after, `the entry ${key}`);
  const expected = before.clone();
  expected.setIn([...mapPath, key], Object.fromEntries(entriesOf(value)));
  if (JSON.stringify(parsed.toJS()) !== JSON.stringify(expected.toJS())) throw new EditError("the edited YAML does not read back as intended; the file was left unchanged");
}

/** The text with one entry set surgically, verified to read back as intended. */
export function editMapEntry(text: string, mapPath: readonly PathSegment[], key: string, value: FlatMap, what: string): string {
  const doc = parseForEdit(text, what);
  const after = setFlatMapEntry(text, doc, mapPath, key, value);
  verifyEntry(doc, after, mapPath, key, value);
  return after;
}
