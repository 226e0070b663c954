// The primitives of surgical YAML edits, shared by every writer (change files, docs.yaml,
// incident files): offsets and columns in the text, finding a node by path, rendering a
// scalar that reads back as the same value, and re-parsing to verify an edit.
import { isDeepStrictEqual } from "node:util";
import { isMap, isPair, isScalar, isSeq, parseDocument, stringify, type Document, type Node, type Pair, type YAMLMap } from "yaml";
import { EditError } from "../errors.js";
import type { PathSegment } from "./source.js";

export const EDIT_PARSE_OPTIONS = { version: "1.2", uniqueKeys: true } as const;

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

/** The node at a path of keys and indices (the document root for []), or undefined. */
export function nodeAtPath(doc: Document, path: readonly PathSegment[]): Node | undefined {
  let node: unknown = doc.contents;
  for (const segment of path) {
    if (isMap(node)) node = pairOf(node, String(segment))?.value;
    else if (isSeq(node)) node = node.items[Number(segment)];
    else return undefined;
  }
  return (node ?? undefined) as Node | undefined;
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
  const doc = parseForEdit(text, what);
  if (!isDeepStrictEqual(doc.toJS(), expected)) throw new EditError(`editing ${what} would change more than intended; nothing was written`);
}
