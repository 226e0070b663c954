// Surgical edits of YAML text: every byte outside the edited region stays as it was.
// Values are located through the parsed Document's node ranges; new entries are rendered
// in block style at the indentation of their neighbours. Callers re-parse the result to verify it.
import { isMap, isScalar, isSeq, type Document, type Node, type Pair, type YAMLSeq } from "yaml";
import { EditError } from "../errors.js";
import { columnOf, lineStart, nextLine, nodeAtPath, pairOf, parseForEdit, scalarText, splice } from "./yaml-text.js";

export { EditError } from "../errors.js";
export { scalarText } from "./yaml-text.js";

export type Plain = string | number | boolean | PlainObject | Plain[];
export interface PlainObject {
  [key: string]: Plain | undefined;
}

export function parseYaml(text: string): Document.Parsed {
  return parseForEdit(text, "the incident file");
}

/** Flow-style text of a value, for replacing a flow collection or a one-line list. */
export function flowText(value: Plain): string {
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
export function entryText(key: string, value: Plain, indent: number): string {
  const pad = " ".repeat(indent);
  if (typeof value !== "object" || isScalarList(value)) return `${pad}${scalarText(key)}: ${valueText(value)}\n`;
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
  const at = nextLine(text, last.range![1] - 1);
  const insert = rendered(dashIndent);
  return splice(text, at, at, at === text.length && !text.endsWith("\n") ? `\n${insert}` : insert);
}

/** Removes `key` from the map at `mapPath` (its lines, in block style); the text unchanged when absent. */
export function removeMapEntry(text: string, mapPath: readonly (string | number)[], key: string): string {
  const doc = parseYaml(text);
  const map = nodeAtPath(doc, mapPath);
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
