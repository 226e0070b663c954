// Surgical YAML edits: change one entry of one mapping by splicing text at the node's
// source range, so every other byte (comments, quoting, blank lines) stays as it was.
// Each edit is checked by parsing the result and comparing it with the intended data.
import { isMap, type Document } from "yaml";
import { EditError } from "../errors.js";
import type { PathSegment } from "./source.js";
import { lineStart, pairOf, parseForEdit, scalarText } from "./yaml-text.js";

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
export function setMapEntry(text: string, doc: Document, mapPath: readonly PathSegment[], key: string, value: FlatMap): string {
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
  const after = setMapEntry(text, doc, mapPath, key, value);
  verifyEntry(doc, after, mapPath, key, value);
  return after;
}
