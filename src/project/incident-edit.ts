// Surgical edits of YAML text: every byte outside the edited region stays as it was.
// Values are located through the parsed Document's node ranges; new entries are rendered
// in block style at the indentation of their neighbours. Callers re-parse the result to verify it.
import { isMap, isPair, isScalar, isSeq, parseDocument, stringify, type Document, type Node, type Pair, type YAMLMap, type YAMLSeq } from "yaml";

export type Plain = string | number | boolean | PlainObject | Plain[];
export interface PlainObject {
  [key: string]: Plain | undefined;
}

export class EditError extends Error {
  override name = "EditError";
}

export function parseYaml(text: string): Document.Parsed {
  const doc = parseDocument(text, { version: "1.2", uniqueKeys: true });
  if (doc.errors.length) throw new EditError(`the edited text does not parse: ${doc.errors[0]!.message.split("\n")[0]}`);
  return doc;
}

/** A scalar as YAML text on one line: plain when safe, else double-quoted. */
export function scalarText(value: string | number | boolean): string {
  if (typeof value !== "string") return String(value);
  if (/[\n\r]/.test(value)) return JSON.stringify(value);
  const text = stringify(value, { lineWidth: 0, minContentWidth: 0 }).trimEnd();
  return text.includes("\n") ? JSON.stringify(value) : text;
}

/** Flow-style text of a value, for replacing a flow collection or a one-line list. */
export function flowText(value: Plain): string {
  if (Array.isArray(value)) return `[${value.map(flowText).join(", ")}]`;
  if (typeof value === "object") {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    return `{ ${entries.map(([k, v]) => `${scalarText(k)}: ${flowText(v!)}`).join(", ")} }`;
  }
  return scalarText(value);
}

const isScalarList = (value: Plain): value is (string | number | boolean)[] => Array.isArray(value) && value.every((v) => typeof v !== "object");

/** Block-style lines of `key: value` at `indent` spaces (lists of scalars written inline). */
export function entryText(key: string, value: Plain, indent: number): string {
  const pad = " ".repeat(indent);
  if (typeof value !== "object" || isScalarList(value)) return `${pad}${scalarText(key)}: ${flowText(value)}\n`;
  if (Array.isArray(value)) return `${pad}${scalarText(key)}:\n${value.map((item) => seqItemText(item, indent + 2)).join("")}`;
  return `${pad}${scalarText(key)}:\n${mapText(value, indent + 2)}`;
}

export function mapText(value: PlainObject, indent: number): string {
  return Object.entries(value)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => entryText(k, v!, indent))
    .join("");
}

/** A block sequence item "- key: value" with the dash at `dashIndent`. */
export function seqItemText(value: Plain, dashIndent: number): string {
  const pad = " ".repeat(dashIndent);
  if (typeof value !== "object" || Array.isArray(value)) return `${pad}- ${flowText(value)}\n`;
  const body = mapText(value, dashIndent + 2);
  return `${pad}- ${body.slice(dashIndent + 2)}`;
}

/** The offset just past the end of the line holding `offset`. */
export function lineEndAfter(text: string, offset: number): number {
  const at = Math.max(0, offset);
  if (text[at] === "\n") return at + 1;
  const newline = text.indexOf("\n", at);
  return newline === -1 ? text.length : newline + 1;
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf("\n", offset - 1) + 1;
}

function columnOf(text: string, offset: number): number {
  return offset - lineStart(text, offset);
}

function splice(text: string, start: number, end: number, insert: string): string {
  return text.slice(0, start) + insert + text.slice(end);
}

/** The node at a path of keys and indices, or undefined. */
export function nodeAtPath(doc: Document, path: readonly (string | number)[]): Node | undefined {
  let node: unknown = doc.contents;
  for (const segment of path) {
    if (isMap(node)) node = (node.items.find((p) => isScalar(p.key) && p.key.value === segment) as Pair | undefined)?.value;
    else if (isSeq(node)) node = node.items[Number(segment)];
    else return undefined;
  }
  return (node ?? undefined) as Node | undefined;
}

function pairOf(map: YAMLMap, key: string): Pair<Node, Node | null> | undefined {
  return map.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === key) as Pair<Node, Node | null> | undefined;
}

function endOfPair(text: string, pair: Pair<Node, Node | null>): number {
  const end = pair.value?.range?.[1] ?? pair.key.range![1];
  return lineEndAfter(text, end - 1);
}

/**
 * Sets `key` of the block or flow map at `mapPath` to `value`. An existing scalar or flow value is replaced in place;
 * a new key goes before the first existing key that follows it in `order`, else after the last entry.
 * Returns the new text.
 */
export function setMapEntry(text: string, mapPath: readonly (string | number)[], key: string, value: Plain, order: readonly string[]): string {
  const doc = parseYaml(text);
  const map = nodeAtPath(doc, mapPath);
  if (!isMap(map)) throw new EditError(`no map at ${mapPath.join(".")}`);
  if (map.flow) {
    const merged = { ...(map.toJSON() as PlainObject), [key]: value };
    return splice(text, map.range![0], map.range![1], flowText(merged));
  }
  const pair = pairOf(map, key);
  if (pair) {
    const current = pair.value;
    const inPlace = current && (isScalar(current) || ((isMap(current) || isSeq(current)) && current.flow));
    if (inPlace) return splice(text, current.range![0], current.range![1], flowText(value));
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
  const seq = nodeAtPath(doc, seqPath);
  const rendered = (indent: number) => items.map((item) => seqItemText(item, indent)).join("");
  if (seq === undefined || (isScalar(seq) && (seq.value === null || seq.value === ""))) {
    // "key:" with no value, or "key: ~": the items go on the lines after the key.
    const parentPath = seqPath.slice(0, -1);
    const parent = nodeAtPath(doc, parentPath);
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
    const parent = nodeAtPath(doc, seqPath.slice(0, -1));
    const pair = isMap(parent) ? pairOf(parent, String(seqPath[seqPath.length - 1])) : undefined;
    if (!pair) throw new EditError(`no "${seqPath.join(".")}" to append to`);
    const keyColumn = columnOf(text, pair.key.range![0]);
    return splice(text, lineStart(text, pair.key.range![0]), endOfPair(text, pair), `${" ".repeat(keyColumn)}${scalarText(String(seqPath[seqPath.length - 1]))}:\n${rendered(keyColumn + defaultDashIndent)}`);
  }
  const last = list.items[list.items.length - 1]!;
  const first = list.items[0]!;
  const firstStart = first.range![0];
  const prefix = text.slice(lineStart(text, firstStart), firstStart);
  const dashIndent = prefix.indexOf("-");
  const at = lineEndAfter(text, last.range![1] - 1);
  const insert = rendered(dashIndent);
  return splice(text, at, at, at === text.length && !text.endsWith("\n") ? `\n${insert}` : insert);
}
