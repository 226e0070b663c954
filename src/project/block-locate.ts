// Where a value is written in block-style YAML, found from the text's lines and indentation,
// without the `yaml` package's Document. Findings need a file:line:col; building a Document for
// that costs more than the read itself (loading the package on a small project, parsing 1,000
// change files on a large one). The answer must be the one `locate` gives from the Document
// (source.ts, nodeAt): anything this reader does not follow exactly returns undefined, and the
// Document decides. test/unit/project/block-locate.test.ts compares the two on every path of
// every file tam ships or tests with.

export type PathSegment = string | number;

/** A map's keys or a sequence's items, with the offset of each node. */
interface Container {
  kind: "map" | "seq";
  /** Offset of the container node (its first key, or the "-" of its first item). */
  offset: number;
  /** Map: key text -> entry (first of duplicates); seq: entries in order. */
  keys?: Map<string, Entry>;
  items?: Entry[];
}

type NodeRef = { offset: number; container?: Container; flow?: boolean };

interface Entry {
  /** Offset of the key (maps) or of the "-" (sequences). */
  keyOffset: number;
  /** The node (offset and, when it is a block collection, the container); null for an empty value; undefined when unsure. Read on first use. */
  value(): NodeRef | null | undefined;
}

/** A value computed on first use: only the containers on a located path are read. */
function once<T>(compute: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) {
      value = compute();
      done = true;
    }
    return value;
  };
}

/** Lines, indentation and containers of one text, computed once per text and on demand. */
export interface BlockIndex {
  text: string;
  /** Offset of the first character of each line. */
  lineStarts: number[];
  containers: Map<number, Container | null>;
  root: { offset: number; container?: Container } | null | undefined;
}

/** Anchors, aliases, tags, directives, complex keys, tabs, more than one document: constructs this reader leaves to the Document. */
const UNSUPPORTED = /(^|[\s,[{:-])[*&!][^\s,[\]{}]|^%|^ *\? |^ *\?$|\t|\n(---|\.\.\.)([ \r\n]|$)|^\.\.\.|^--- *[^ \r\n]/;

export function blockIndex(text: string): BlockIndex | undefined {
  if (UNSUPPORTED.test(text) || /^ *\?[ \r\n]|^%/m.test(text)) return undefined;
  const lineStarts = [0];
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) lineStarts.push(i + 1);
  return { text, lineStarts, containers: new Map(), root: undefined };
}

/** Line and column (1-based) of an offset. */
export function linePosition(index: BlockIndex, offset: number): { line: number; col: number } {
  const starts = index.lineStarts;
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return { line: low + 1, col: offset - starts[low]! + 1 };
}

/**
 * The offset `locate` reports for `path` (with `key`, the last key's own offset), or undefined
 * when the text holds something this reader does not follow. -1: an empty document (line 1, col 1).
 */
export function blockLocate(index: BlockIndex, path: readonly PathSegment[], key = false): number | undefined {
  const root = rootOf(index);
  if (root === undefined) return undefined;
  if (root === null) return -1;
  let node: NodeRef = root;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i]!;
    if (node.flow && !node.container) {
      const flow = flowContainer(index.text, node.offset);
      if (!flow) return undefined;
      node = { offset: node.offset, container: flow };
    }
    const container = node.container;
    // A scalar: the path goes no further (nodeAt returns it).
    if (!container) return node.offset;
    let value: NodeRef | null | undefined;
    if (container.kind === "map") {
      const entry = typeof segment === "string" ? container.keys!.get(segment) : numberKey(container.keys!, segment);
      if (!entry) return node.offset;
      if (key && i === path.length - 1) return entry.keyOffset;
      value = entry.value();
      if (value === null) return entry.keyOffset;
    } else {
      // As nodeAt does: a text segment is read as a number (and finds nothing unless it is one).
      const entry = container.items![Number(segment)];
      if (!entry) return node.offset;
      value = entry.value();
      if (value === null) return undefined;
    }
    if (value === undefined) return undefined;
    node = value;
  }
  return node.offset;
}

/** The first key equal to a number as nodeAt compares them (text == number reads the text as a number). */
function numberKey(keys: Map<string, Entry>, segment: number): Entry | undefined {
  for (const [key, entry] of keys) if (Number(key) === segment) return entry;
  return undefined;
}

function rootOf(index: BlockIndex): { offset: number; container?: Container } | null | undefined {
  if (index.root !== undefined) return index.root;
  const first = nextContentLine(index, 0);
  if (first === undefined) return (index.root = null);
  let line = first.line;
  let offset = first.offset;
  // A document start marker on the first line; the content follows.
  if (index.text.startsWith("---", offset) && /^---\s*(#.*)?$/.test(lineText(index, line))) {
    const next = nextContentLine(index, line + 1);
    if (next === undefined) return (index.root = null);
    line = next.line;
    offset = next.offset;
  }
  const node = nodeAtContent(index, line, offset, -1);
  index.root = node === undefined || node === null || !node.container ? undefined : node;
  return index.root;
}

/** The text of line `line` without its line break. */
function lineText(index: BlockIndex, line: number): string {
  const start = index.lineStarts[line]!;
  const end = line + 1 < index.lineStarts.length ? index.lineStarts[line + 1]! - 1 : index.text.length;
  return index.text.slice(start, end > start && index.text.charCodeAt(end - 1) === 13 ? end - 1 : end);
}

/** First line from `line` on with content (not blank, not only a comment): its number, offset of the content and indentation. */
function nextContentLine(index: BlockIndex, line: number): { line: number; offset: number; indent: number } | undefined {
  const { text, lineStarts } = index;
  for (let l = line; l < lineStarts.length; l++) {
    const start = lineStarts[l]!;
    let i = start;
    while (text.charCodeAt(i) === 32) i++;
    const c = text.charCodeAt(i);
    if (Number.isNaN(c) || c === 10 || c === 13 || c === 35 /* # */) continue;
    return { line: l, offset: i, indent: i - start };
  }
  return undefined;
}

/**
 * The node whose content starts at `offset` on `line`: a block map (a key follows), a block
 * sequence ("- "), or a scalar or flow collection. `parentIndent`: indentation of the enclosing
 * collection (a map's value must be indented more, a sequence under a map key may not be).
 */
function nodeAtContent(index: BlockIndex, line: number, offset: number, parentIndent: number): NodeRef | undefined {
  const { text } = index;
  const c = text.charCodeAt(offset);
  if (c === 45 /* - */ && isBreakOrSpace(text.charCodeAt(offset + 1))) {
    const container = containerAt(index, line, offset, "seq", parentIndent);
    return container ? { offset, container } : undefined;
  }
  const key = keyAt(text, offset);
  if (key === undefined) return undefined;
  if (key !== null) {
    const container = containerAt(index, line, offset, "map", parentIndent);
    return container ? { offset, container } : undefined;
  }
  if (c === 91 /* [ */ || c === 123 /* { */) return flowCollection(text, offset, lineEnd(text, offset)) ? { offset, flow: true } : undefined;
  if (c === 63 || c === 38 || c === 42 || c === 33 || c === 37 || c === 64 || c === 96) return undefined; // ? & * ! % @ `
  if ((c === 34 || c === 39) && !closedOnItsLine(text, offset)) return undefined; // a quoted scalar over several lines
  return { offset };
}

/**
 * A flow collection on one line ("[a, b]", "{ by: X, owns: [vm] }"): its items or keys with their
 * offsets, nested collections included; undefined for anything else (over several lines, empty
 * values, keys the core schema reads as other than text, comments).
 */
function flowContainer(text: string, offset: number): Container | undefined {
  const parsed = flowNode(text, offset, lineEnd(text, offset));
  return parsed?.node.container;
}

const FLOW_KEY = /^[A-Za-z_][\w-]*$/;
const NOT_TEXT_KEY = /^(?:null|Null|NULL|true|True|TRUE|false|False|FALSE)$/;

/** The flow node at `i` (a collection or a scalar) and the offset after it, on the line ending at `eol`. */
function flowNode(text: string, i: number, eol: number): { node: NodeRef; end: number } | undefined {
  const c = text.charCodeAt(i);
  if (c === 91 || c === 123) return flowCollection(text, i, eol);
  const end = flowScalarEnd(text, i, eol);
  return end === undefined || end === i ? undefined : { node: { offset: i }, end };
}

function flowCollection(text: string, offset: number, eol: number): { node: NodeRef; end: number } | undefined {
  const isMap = text.charCodeAt(offset) === 123;
  const close = isMap ? 125 : 93;
  const items: Entry[] = [];
  const keys = new Map<string, Entry>();
  const done = (end: number) => ({ node: { offset, container: isMap ? ({ kind: "map", offset, keys } as Container) : ({ kind: "seq", offset, items } as Container) }, end });
  let i = offset + 1;
  const skipSpaces = () => {
    while (text.charCodeAt(i) === 32) i++;
  };
  skipSpaces();
  if (text.charCodeAt(i) === close) return done(i + 1);
  for (;;) {
    const start = i;
    if (isMap) {
      const keyEnd = flowScalarEnd(text, i, eol);
      if (keyEnd === undefined) return undefined;
      const key = text.slice(start, keyEnd).trimEnd();
      if (!FLOW_KEY.test(key) || NOT_TEXT_KEY.test(key)) return undefined;
      i = keyEnd;
      skipSpaces();
      if (text.charCodeAt(i) !== 58 || text.charCodeAt(i + 1) !== 32) return undefined;
      i++;
      skipSpaces();
      const value = flowNode(text, i, eol);
      if (!value) return undefined;
      i = value.end;
      if (!keys.has(key)) keys.set(key, { keyOffset: start, value: () => value.node });
    } else {
      const item = flowNode(text, i, eol);
      if (!item) return undefined;
      i = item.end;
      skipSpaces();
      if (text.charCodeAt(i) === 58) return undefined; // a single-pair map inside a sequence: not followed
      items.push({ keyOffset: start, value: () => item.node });
    }
    skipSpaces();
    const c = text.charCodeAt(i);
    if (c === close) return done(i + 1);
    if (c !== 44 || i >= eol) return undefined;
    i++;
    skipSpaces();
    // A trailing comma before the end.
    if (text.charCodeAt(i) === close) return done(i + 1);
  }
}

/** The end of the plain or quoted scalar at `i` inside a flow collection; undefined when it is not one that ends well on this line. */
function flowScalarEnd(text: string, i: number, eol: number): number | undefined {
  const c = text.charCodeAt(i);
  if (c === 34 || c === 39) {
    for (let j = i + 1; j < eol; j++) {
      const d = text.charCodeAt(j);
      if (c === 34 && d === 92) j++;
      else if (d === c) {
        if (c === 39 && text.charCodeAt(j + 1) === 39) j++;
        else return j + 1;
      }
    }
    return undefined;
  }
  // , [ ] { } # & * ! ? | > @ ` cannot start a plain scalar here (or start something this reader does not follow).
  if (c === 44 || c === 91 || c === 93 || c === 123 || c === 125 || c === 35 || c === 38 || c === 42 || c === 33 || c === 63 || c === 124 || c === 62 || c === 64 || c === 96) return undefined;
  let j = i;
  for (; j < eol; j++) {
    const d = text.charCodeAt(j);
    if (d === 44 || d === 93 || d === 125 || d === 91 || d === 123) break;
    if (d === 58) {
      const after = text.charCodeAt(j + 1);
      if (after === 32 || after === 44 || after === 93 || after === 125) break;
    }
    if (d === 35 && text.charCodeAt(j - 1) === 32) return undefined;
  }
  while (j > i && text.charCodeAt(j - 1) === 32) j--;
  return j;
}

/** Whether the quoted scalar starting at `offset` ends on the same line. */
function closedOnItsLine(text: string, offset: number): boolean {
  return flowScalarEnd(text, offset, lineEnd(text, offset)) !== undefined;
}

function isBreakOrSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || Number.isNaN(c);
}

/**
 * The key starting at `offset` when the line holds "key: …" there: its text and the offset after
 * the colon; null when it is a scalar, not a key; undefined when unsure (a key that the core schema
 * reads as a number, boolean or null, escapes in a quoted key, a colon inside a flow value …).
 */
function keyAt(text: string, offset: number): { key: string; after: number } | null | undefined {
  const c = text.charCodeAt(offset);
  let end: number;
  let key: string;
  if (c === 34 /* " */ || c === 39 /* ' */) {
    const close = text.indexOf(String.fromCharCode(c), offset + 1);
    const eol = lineEnd(text, offset);
    if (close < 0 || close > eol) return undefined; // a quoted scalar over several lines
    key = text.slice(offset + 1, close);
    if (key.includes("\\") || (c === 39 && text.charCodeAt(close + 1) === 39)) return undefined;
    end = close + 1;
    while (text.charCodeAt(end) === 32) end++;
    if (text.charCodeAt(end) !== 58 /* : */) return null;
    if (!isBreakOrSpace(text.charCodeAt(end + 1))) return undefined;
    return { key, after: end + 1 };
  }
  if (c === 91 || c === 123 || c === 124 || c === 62) return null; // [ { | >: a value, not a key
  const eol = lineEnd(text, offset);
  let colon = -1;
  for (let i = offset; i < eol; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 58 && isBreakOrSpace(text.charCodeAt(i + 1))) {
      colon = i;
      break;
    }
    if (ch === 35 /* # */ && text.charCodeAt(i - 1) === 32) return null; // a comment before any colon
  }
  if (colon < 0) return null;
  end = colon;
  while (end > offset && text.charCodeAt(end - 1) === 32) end--;
  key = text.slice(offset, end);
  // Keys the core schema reads as something other than text compare differently in nodeAt.
  if (key === "" || /^(?:[-+.0-9~]|(?:null|Null|NULL|true|True|TRUE|false|False|FALSE)$)/.test(key) || /[[\]{},"']/.test(key)) return undefined;
  return { key, after: colon + 1 };
}

function lineEnd(text: string, offset: number): number {
  const newline = text.indexOf("\n", offset);
  const end = newline < 0 ? text.length : newline;
  return end > offset && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
}

/** The map or sequence whose first key or item starts at `offset` on `line`, read once per text. */
function containerAt(index: BlockIndex, line: number, offset: number, kind: "map" | "seq", parentIndent: number): Container | undefined {
  const cached = index.containers.get(offset);
  if (cached !== undefined) return cached ?? undefined;
  const built = buildContainer(index, line, offset, kind, parentIndent);
  index.containers.set(offset, built ?? null);
  return built;
}

function buildContainer(index: BlockIndex, line: number, offset: number, kind: "map" | "seq", parentIndent: number): Container | undefined {
  const { text, lineStarts } = index;
  const indent = offset - lineStarts[line]!;
  const entryLines: { line: number; offset: number }[] = [{ line, offset }];
  // Lines of the container: to the first content line indented less (or, in a sequence, as much but not an item).
  let end = lineStarts.length;
  for (let l = line + 1; l < lineStarts.length; l++) {
    const next = nextContentLine(index, l);
    if (!next) break;
    l = next.line;
    if (next.indent < indent) {
      end = l;
      break;
    }
    if (next.indent === indent) {
      const isItem = text.charCodeAt(next.offset) === 45 && isBreakOrSpace(text.charCodeAt(next.offset + 1));
      if (kind === "seq" && !isItem) {
        end = l;
        break;
      }
      // A map's sibling at the same indentation that is an item belongs to the previous key's
      // value (a sequence not indented under its key) — unless the map is itself an item's content.
      if (kind === "map" && isItem) {
        if (indent <= parentIndent) return undefined;
        continue;
      }
      entryLines.push(next);
    }
  }
  if (kind === "seq") {
    const items: Entry[] = [];
    for (let k = 0; k < entryLines.length; k++) {
      const at = entryLines[k]!;
      const until = k + 1 < entryLines.length ? entryLines[k + 1]!.line : end;
      items.push({ keyOffset: at.offset, value: once(() => itemValue(index, at.line, at.offset, indent, until)) });
    }
    return { kind, offset, items };
  }
  const keys = new Map<string, Entry>();
  for (let k = 0; k < entryLines.length; k++) {
    const at = entryLines[k]!;
    const found = keyAt(text, at.offset);
    if (!found) return undefined; // a line at the map's indentation that is no key: a multi-line scalar or worse
    const until = k + 1 < entryLines.length ? entryLines[k + 1]!.line : end;
    if (!keys.has(found.key)) keys.set(found.key, { keyOffset: at.offset, value: once(() => pairValue(index, at.line, found.after, indent, until)) });
  }
  return { kind, offset, keys };
}

/** The value of a key whose colon ends at `after`: on the same line, or on the lines below up to `until`. */
function pairValue(index: BlockIndex, line: number, after: number, indent: number, until: number): NodeRef | null | undefined {
  const { text } = index;
  let i = after;
  while (text.charCodeAt(i) === 32) i++;
  const c = text.charCodeAt(i);
  if (!(Number.isNaN(c) || c === 10 || c === 13 || c === 35)) {
    if (c === 45 && isBreakOrSpace(text.charCodeAt(i + 1))) return undefined; // "key: - a" is not YAML
    const key = keyAt(text, i);
    if (key !== null) return undefined; // "a: b: c" is not YAML; unsure
    return nodeAtContent(index, line, i, indent);
  }
  // An empty value is an empty scalar where the line's content ends (or its comment starts).
  const empty = { offset: i };
  const next = nextContentLine(index, line + 1);
  if (!next || next.line >= until) return empty;
  if (next.indent < indent) return empty;
  if (next.indent === indent && !(text.charCodeAt(next.offset) === 45 && isBreakOrSpace(text.charCodeAt(next.offset + 1)))) return empty;
  const node = nodeAtContent(index, next.line, next.offset, indent);
  // A plain scalar on the lines below its key: multi-line, not followed here.
  if (node && !node.container && !node.flow) return undefined;
  return node;
}

/** The node of a sequence item whose "-" is at `offset`: on the same line, or on the lines below up to `until`. */
function itemValue(index: BlockIndex, line: number, offset: number, indent: number, until: number): NodeRef | null | undefined {
  const { text } = index;
  let i = offset + 1;
  while (text.charCodeAt(i) === 32) i++;
  const c = text.charCodeAt(i);
  if (!(Number.isNaN(c) || c === 10 || c === 13 || c === 35)) return nodeAtContent(index, line, i, indent);
  const next = nextContentLine(index, line + 1);
  if (!next || next.line >= until || next.indent <= indent) return undefined; // an empty item
  const node = nodeAtContent(index, next.line, next.offset, indent);
  if (node && !node.container && !node.flow) return undefined;
  return node;
}
