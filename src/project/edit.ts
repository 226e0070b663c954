// Surgical text edits of YAML files: splice new text into the node ranges of the parsed
// document, so every byte outside the edited region stays as it was; then re-parse and
// check that the data is exactly what was intended.
import { isMap, isScalar, isSeq, type Document, type Node, type YAMLMap } from "yaml";
import { EditError } from "../errors.js";
import type { PathSegment } from "./source.js";
import { columnOf, lineStart, nextLine, pairOf, scalarText } from "./yaml-text.js";

export { columnOf, lineStart, nextLine, verifyEdit } from "./yaml-text.js";

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
