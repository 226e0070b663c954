// One parsed YAML file with the means to turn a value's path into file:line:col.
import { LineCounter, parseDocument, isMap, isSeq, isPair, isScalar, type Document, type Node } from "yaml";
import type { Issue, Location } from "../issues.js";
import type { FileKind } from "./model.js";

export type PathSegment = string | number;

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

export function parseSource(abs: string, rel: string, kind: FileKind, text: string): SourceFile {
  const lineCounter = new LineCounter();
  // A BOM is legal at the start of a file; strip it so positions stay right.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const doc = parseDocument(body, { lineCounter, prettyErrors: false, uniqueKeys: true, version: "1.2" });
  const parseIssues: Issue[] = [];
  for (const error of doc.errors) {
    let offset = error.pos[0];
    let message = firstLine(error.message);
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
    parseIssues.push({
      severity: "error",
      code: error.code === "DUPLICATE_KEY" ? "duplicate-key" : "yaml-syntax",
      message,
      file: rel,
      line: pos.line,
      col: pos.col,
    });
  }
  for (const warning of doc.warnings) {
    const pos = lineCounter.linePos(warning.pos[0]);
    parseIssues.push({ severity: "warning", code: "yaml-warning", message: firstLine(warning.message), file: rel, line: pos.line, col: pos.col });
  }
  let data: unknown = undefined;
  if (doc.errors.length === 0) {
    try {
      data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (error) {
      parseIssues.push({ severity: "error", code: "yaml-syntax", message: firstLine(String((error as Error).message)), file: rel, line: 1, col: 1 });
    }
  }
  return { abs, rel, kind, text: body, doc, lineCounter, data, parseIssues };
}

function firstLine(message: string): string {
  return message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
}

/**
 * The YAML node at `path`. With `key: true` the node of the last key rather than its value
 * (used for "unknown key" findings). Walks up to the nearest existing node when the path is missing.
 */
export function nodeAt(doc: Document, path: readonly PathSegment[], key = false): Node | null {
  let node: unknown = doc.contents;
  let last: Node | null = (doc.contents as Node | null) ?? null;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i]!;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && (isScalar(p.key) ? p.key.value : p.key) == segment);
      if (!pair) return last;
      if (key && i === path.length - 1) return (pair.key as Node) ?? last;
      node = pair.value;
      // A key with no value ("key:") has a null value node; point at the key then.
      if (node == null) return (pair.key as Node) ?? last;
    } else if (isSeq(node)) {
      const item = node.items[Number(segment)];
      if (item == null) return last;
      node = item;
    } else {
      return last;
    }
    last = node as Node;
  }
  return last;
}

export function locate(source: SourceFile, path: readonly PathSegment[], key = false): Location {
  const node = nodeAt(source.doc, path, key);
  const offset = node?.range?.[0];
  if (offset == null) return { file: source.rel, line: 1, col: 1 };
  const pos = source.lineCounter.linePos(offset);
  return { file: source.rel, line: pos.line, col: pos.col };
}
