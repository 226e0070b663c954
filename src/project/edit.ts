// Surgical text edits of YAML files: splice new text into the node ranges of the parsed
// document, so every byte outside the edited region stays as it was; then re-parse and
// check that the data is exactly what was intended.
import { isDeepStrictEqual } from "node:util";
import { isMap, isPair, isScalar, isSeq, parseDocument, stringify, type Document, type Node, type Pair, type YAMLMap } from "yaml";
import type { PathSegment } from "./source.js";

export interface Splice {
  from: number;
  to: number;
  text: string;
}

export function applySplice(text: string, splice: Splice): string {
  return text.slice(0, splice.from) + splice.text + text.slice(splice.to);
}

export function lineStart(text: string, offset: number): number {
  return text.lastIndexOf("\n", offset - 1) + 1;
}

/** Offset just after the newline that ends the line holding `offset` (or the end of the text). */
export function nextLine(text: string, offset: number): number {
  const newline = text.indexOf("\n", offset);
  return newline === -1 ? text.length : newline + 1;
}

export function columnOf(text: string, offset: number): number {
  return offset - lineStart(text, offset);
}

/** A one-line YAML scalar for a value: plain when that reads back the same, quoted otherwise. */
export function yamlScalar(value: string | number | boolean): string {
  if (typeof value === "string" && /[\n\r]/.test(value)) return JSON.stringify(value);
  return stringify(value, { lineWidth: 0 }).trimEnd();
}

export function yamlFlowList(values: readonly string[]): string {
  return `[${values.map((v) => yamlScalar(v)).join(", ")}]`;
}

function pairOf(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((p) => isPair(p) && (isScalar(p.key) ? p.key.value : p.key) === key) as Pair | undefined;
}

/** The map at `path` (the document root for []), or an error. */
export function mapAt(doc: Document, path: readonly PathSegment[]): YAMLMap {
  const node = path.length ? doc.getIn(path, true) : doc.contents;
  if (!isMap(node)) throw new Error(`expected a mapping at ${path.join(".") || "the top level"}`);
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
  if (!isScalar(node) || !node.range) throw new Error(`expected a value at ${path.join(".")}`);
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
  if (isSeq(list) && list.items.length) throw new Error(`${key} is written as a flow list; write it as a block list to append to it`);
  return replaceEntry(text, doc, path, key, `${" ".repeat(keyColumn)}${key}:\n${render(keyColumn + 2)}`);
}

/** Re-parses the edited text and checks that its data is exactly `expected`. */
export function verifyEdit(text: string, expected: unknown, what: string): void {
  const doc = parseDocument(text, { version: "1.2", uniqueKeys: true });
  if (doc.errors.length) throw new Error(`editing ${what} produced invalid YAML (${doc.errors[0]!.message}); nothing was written`);
  if (!isDeepStrictEqual(doc.toJS(), expected)) throw new Error(`editing ${what} would change more than intended; nothing was written`);
}
