// tam's fast reader, for the plain subset of YAML that tam's files are written in: block mappings and
// sequences by indentation, one-line plain and quoted scalars, one-line flow collections, block
// scalars, comments. It reads line by line with indexOf and charCodeAt, and gives the data and, on
// request, where each node is (readBlockYamlPositions). Whatever lies outside the subset, or where
// YAML readers could differ (anchors, aliases, tags, directives, document markers, multi-line plain
// or quoted scalars, complex, duplicate or omitted keys, tabs, lone carriage returns, odd indentation,
// indentation indicators, numbers JavaScript cannot hold exactly), is declined: the caller then reads
// the file with the `yaml` package (source.ts). Declining is always safe; an answer must be exactly
// the data and positions the `yaml` package (YAML 1.2, core schema, uniqueKeys) gives without any
// finding, which block-yaml, fast-parse, fast-positions and yaml-differential in test/unit/project/
// check against it.
import { excessiveNesting } from "./guards.js";
import { Entries } from "./object-shapes.js";
import { plainScalarValue, UNSAFE_NUMBER } from "./core-scalars.js";

/** Thrown (one shared instance) to give up on a text; `reason` says why, for measurements. */
class Refusal {
  reason = "";
}
const REFUSAL = new Refusal();
function refuse(reason: string): never {
  REFUSAL.reason = reason;
  throw REFUSAL;
}

/**
 * Characters the reader leaves to the full parser: tabs (indentation and separation rules differ
 * for them), control characters, C1 and Unicode line separators, a BOM or non-characters inside
 * the text, a carriage return that does not end a line.
 */
const UNSUPPORTED_CHARACTER = /[\t\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]/;
const LONE_CR = /\r(?!\n)/;

/** Deeper collections are refused (guards.ts refuses files past MAX_NESTING anyway; real files nest fewer than 10). */
const MAX_DEPTH = 64;
/** YAML allows implicit keys of up to 1024 characters; longer ones are the full parser's to report. */
const MAX_KEY_LENGTH = 1000;

/** Slots of the caches of short keys and values (a power of two), and the longest text cached. */
const CACHE_SLOTS = 512;
const MAX_CACHED_LENGTH = 32;

const SPACE = 32;
const HASH = 35;
const COLON = 58;
const DASH = 45;
const CR = 13;

// How a plain scalar scanned in block context ended.
const AT_END = 0; // end of line
const AT_COMMENT = 1; // " #"
const AT_COLON = 2; // ": " or ":" at the end of the line: the scalar is a key

/**
 * Where the nodes of a text are, as the `yaml` package's Document gives them (a node's range[0]):
 * a map's keys with their own offsets, a sequence's items. An empty value is where `yaml` puts its
 * empty scalar. `textKeys` is false when a key of the map is not text under the core schema (a
 * number, boolean or null: the Document compares those by value).
 */
export interface NodePositions {
  offset: number;
  keys?: Map<string, { key: number; value: NodePositions }>;
  textKeys?: boolean;
  items?: NodePositions[];
}

/** The data of `text`, or undefined when the text is outside the subset this reader answers for. */
export function readBlockYaml(text: string): { data: unknown } | undefined {
  const result = readBlockYamlExplained(text);
  return "data" in result ? result : undefined;
}

/**
 * The data of `text` and, from the same pass, where each node is (null for an empty document); or
 * undefined where readBlockYaml declines. Used to locate findings without the `yaml` Document.
 */
export function readBlockYamlPositions(text: string): { data: unknown; positions: NodePositions | null } | undefined {
  const result = readBlockYamlExplained(text, true);
  return "data" in result ? (result as { data: unknown; positions: NodePositions | null }) : undefined;
}

/**
 * The positions of a text that readBlockYaml has read (it gave data): those readBlockYamlPositions
 * gives, without the data built a second time (mappings, lists, scalar values), nor the checks that
 * text passed already. A finding is located this way in a file read without positions.
 */
export function positionsOfAcceptedText(text: string): NodePositions | null | undefined {
  try {
    const reader = new BlockReader(text, true, false);
    reader.document();
    return reader.last;
  } catch {
    return undefined; // not a text readBlockYaml accepted: the caller locates another way
  }
}

/** Like readBlockYaml, with the reason of a refusal (for tests and measurements); with `track`, the positions too. */
export function readBlockYamlExplained(text: string, track = false): { data: unknown; positions?: NodePositions | null } | { refused: string } {
  // Two tests: a character class alone is scanned faster, and most files have no CR at all.
  if (UNSUPPORTED_CHARACTER.test(text) || (text.includes("\r") && LONE_CR.test(text))) return { refused: "unsupported character" };
  try {
    const reader = new BlockReader(text, track);
    const data = reader.document();
    // The full parse reports too deep nesting from guards.ts's count: run it where it might find something.
    if (reader.nestingRisk && excessiveNesting(text) !== undefined) return { refused: "guards.ts finds too deep nesting" };
    return track ? { data, positions: reader.last } : { data };
  } catch (error) {
    if (error === REFUSAL) return { refused: REFUSAL.reason };
    // A RangeError (stack) or anything unforeseen: the other readers decide.
    return { refused: `error: ${(error as Error)?.message}` };
  }
}

/**
 * The offset the \`yaml\` Document gives for \`path\` (nodeAt in source.ts: with \`key\`, the last
 * key's own offset; a missing path stops at the nearest node there is), from the positions of a
 * read; -1 for an empty document; undefined where the Document could answer otherwise (a map with
 * keys that are not text, which it compares by value).
 */
export function offsetAt(root: NodePositions | null, path: readonly (string | number)[], key = false): number | undefined {
  if (root === null) return -1;
  let node = root;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i]!;
    let next: NodePositions | undefined;
    if (node.keys) {
      if (!node.textKeys) return undefined;
      let entry: { key: number; value: NodePositions } | undefined;
      if (typeof segment === "string") entry = node.keys.get(segment);
      // A number is compared with a text key as the Document does (text == number).
      else {
        for (const [text, candidate] of node.keys) {
          if (Number(text) === segment) {
            entry = candidate;
            break;
          }
        }
      }
      if (!entry) return node.offset;
      if (key && i === path.length - 1) return entry.key;
      next = entry.value;
    } else if (node.items) {
      next = node.items[Number(segment)];
      if (!next) return node.offset;
    } else return node.offset;
    node = next;
  }
  return node.offset;
}

class BlockReader {
  private readonly text: string;
  private readonly length: number;
  /** Start of the next line not read yet. */
  private next = 0;
  /** The current line: its start, and its end without the line break (and a CR before it). */
  private lineStart = 0;
  private contentEnd = 0;
  /** The current token (the first character of a content line, or a compact node inside one) and its column; col -1 at the end of the text. */
  private pos = 0;
  private col = -1;
  private depth = 0;
  private readonly keys: (string | undefined)[] = new Array(CACHE_SLOTS);
  private readonly values: (string | undefined)[] = new Array(CACHE_SLOTS);
  private readonly entries: Entries[] = [];
  /** Whether the first content line has been read. */
  private started = false;
  /**
   * Whether the text holds something guards.ts's excessiveNesting may count as a flow collection
   * opening or may skip differently from this reader: a block scalar, a "[", "{" or quote in a plain
   * scalar, a "#" in a plain scalar inside a flow collection. Without any, the only brackets it counts
   * are those of the one-line flow collections read here, which nest less than MAX_DEPTH, and lines of
   * dashes nest less than MAX_DEPTH too: it cannot find anything, so it need not run.
   */
  nestingRisk = false;
  /** Set by the scalar readers: index just past what they read; for plain scalars, how they ended. */
  private after = 0;
  private stop = AT_END;
  /** Whether positions are recorded; then `last` is where the node read last is, and `keyIsText` whether the key read last is text. */
  private readonly track: boolean;
  last: NodePositions | null = null;
  private keyIsText = true;

  /** Whether the data is built (false: positions only, of a text read before with its data). */
  private readonly build: boolean;

  constructor(text: string, track: boolean, build = true) {
    this.text = text;
    this.length = text.length;
    this.track = track;
    this.build = build;
  }

  document(): unknown {
    this.advance();
    this.started = true;
    // "---" before the content is allowed alone on its line (a comment may follow).
    if (this.col === 0 && this.isDocumentMarker(this.pos)) {
      if (this.text.charCodeAt(this.pos) !== DASH) refuse("document end marker");
      this.endOfLine(this.pos + 3);
      this.advance();
    }
    if (this.col < 0) {
      this.last = null;
      return null;
    }
    let data: unknown;
    const c = this.text.charCodeAt(this.pos);
    if (c === 0x7c || c === 0x3e) refuse("block scalar as the document");
    if (this.isDashEntry()) data = this.sequence(this.col);
    else if (c === 0x5b || c === 0x7b) {
      data = this.flowNode(this.pos);
      this.endOfLine(this.after);
      this.advance();
    } else if (this.isKeyLine()) data = this.mapping(this.col);
    else data = this.inlineValue(-1, this.pos);
    if (this.col >= 0) refuse("content after the document's root node");
    return data;
  }

  // ---- lines

  /** Moves to the next line holding content (not blank, not a comment); col -1 at the end of the text. */
  private advance(): void {
    const text = this.text;
    while (this.next < this.length) {
      const start = this.next;
      let end = text.indexOf("\n", start);
      if (end < 0) end = this.length;
      this.next = end + 1;
      let p = start;
      while (p < end && text.charCodeAt(p) === SPACE) p++;
      const contentEnd = end > start && text.charCodeAt(end - 1) === CR ? end - 1 : end;
      if (p >= contentEnd || text.charCodeAt(p) === HASH) continue;
      this.lineStart = start;
      this.contentEnd = contentEnd;
      this.pos = p;
      this.col = p - start;
      if (p === start) {
        const c = text.charCodeAt(p);
        // Merge-conflict markers (<<<<<<<, =======, >>>>>>>, |||||||) and document markers: guards.ts and the full parser report them.
        if (c === 0x3c || c === 0x3d || c === 0x3e || c === 0x7c) refuse("line starting with < = > or |");
        // A document marker: "---" may open the document (read by document()); any other is refused.
        if ((c === DASH || c === 0x2e) && this.started && this.isDocumentMarker(p)) refuse("document marker");
      }
      return;
    }
    this.pos = this.length;
    this.col = -1;
  }

  private isDocumentMarker(p: number): boolean {
    const text = this.text;
    const c = text.charCodeAt(p);
    if (text.charCodeAt(p + 1) !== c || text.charCodeAt(p + 2) !== c) return false;
    return p + 3 >= this.contentEnd || text.charCodeAt(p + 3) === SPACE;
  }

  /** Nothing but spaces and a comment may follow `p` on the current line. */
  private endOfLine(p: number): void {
    const text = this.text;
    const start = p;
    while (p < this.contentEnd && text.charCodeAt(p) === SPACE) p++;
    if (p === this.contentEnd) return;
    if (p > start && text.charCodeAt(p) === HASH) return;
    refuse("unexpected text after a value");
  }

  private isDashEntry(): boolean {
    return this.text.charCodeAt(this.pos) === DASH && (this.pos + 1 === this.contentEnd || this.text.charCodeAt(this.pos + 1) === SPACE);
  }

  /** Whether the current token starts a `key: value` pair. */
  private isKeyLine(): boolean {
    const c = this.text.charCodeAt(this.pos);
    if (c === 0x22) {
      this.doubleQuoted(this.pos);
      return this.colonAfterQuotedKey(this.after) >= 0;
    }
    if (c === 0x27) {
      this.singleQuoted(this.pos);
      return this.colonAfterQuotedKey(this.after) >= 0;
    }
    if (!this.canStartPlain(this.pos)) return false;
    this.scanPlain(this.pos);
    return this.stop === AT_COLON;
  }

  // ---- block collections

  private enter(): void {
    if (++this.depth > MAX_DEPTH) refuse("nesting too deep");
  }

  /** A block sequence whose dashes are at column `indent`; the current token is its first dash. */
  private sequence(indent: number): unknown[] {
    this.enter();
    const items: unknown[] = [];
    const text = this.text;
    const positions: NodePositions | undefined = this.track ? { offset: this.pos, items: [] } : undefined;
    for (;;) {
      let p = this.pos + 1;
      while (p < this.contentEnd && text.charCodeAt(p) === SPACE) p++;
      if (p === this.contentEnd || text.charCodeAt(p) === HASH) {
        // "-" alone: the item is on the next lines, or empty (an empty scalar where the line's content ends).
        this.advance();
        if (this.col > indent) {
          const item = this.blockNode();
          if (this.build) items.push(item);
        } else {
          if (this.build) items.push(null);
          if (this.track) this.last = { offset: p };
        }
      } else {
        this.pos = p;
        this.col = p - this.lineStart;
        const item = this.compactNode(indent);
        if (this.build) items.push(item);
      }
      if (positions) positions.items!.push(this.last!);
      if (this.col !== indent) break;
      if (!this.isDashEntry()) break; // a key of the mapping this sequence is the value of (checked there)
    }
    if (this.col > indent) refuse("sequence item indented more than the sequence");
    this.depth--;
    if (positions) this.last = positions;
    return items;
  }

  /** The entries of the mapping being read at the current depth (nested mappings are deeper). */
  private entriesHere(): Entries {
    return (this.entries[this.depth] ??= new Entries()).clear();
  }

  /** A block mapping whose keys are at column `indent`; the current token is its first key. */
  private mapping(indent: number): Record<string, unknown> {
    this.enter();
    const entries = this.build ? this.entriesHere() : undefined;
    const positions: NodePositions | undefined = this.track ? { offset: this.pos, keys: new Map(), textKeys: true } : undefined;
    for (;;) {
      const keyOffset = this.pos;
      const key = this.key();
      if (entries && !entries.key(key)) refuse("duplicate key");
      const keyIsText = this.keyIsText;
      const value = this.mappingValue(indent, this.after);
      if (entries) entries.value(value);
      if (positions) {
        positions.keys!.set(key, { key: keyOffset, value: this.last! });
        if (!keyIsText) positions.textKeys = false;
      }
      if (this.col !== indent) break;
      if (this.isDashEntry()) refuse("sequence item at a mapping's indentation");
    }
    if (this.col > indent) refuse("mapping line indented more than its keys");
    this.depth--;
    if (positions) this.last = positions;
    return entries ? entries.object() : null!;
  }

  /** The key at the current token, checked to be new in `map` by the caller's caller; `after` is set past its colon. */
  private key(): string {
    const text = this.text;
    const start = this.pos;
    const c = text.charCodeAt(start);
    let key: string;
    let colon: number;
    if (c === 0x22 || c === 0x27) {
      key = c === 0x22 ? this.doubleQuoted(start) : this.singleQuoted(start);
      colon = this.colonAfterQuotedKey(this.after);
      if (colon < 0) refuse("quoted scalar where a key is expected");
      this.keyIsText = true;
    } else {
      if (!this.canStartPlain(start)) refuse("key starting with an indicator");
      const end = this.scanPlain(start);
      if (this.stop !== AT_COLON) refuse("line without a key where a key is expected");
      colon = this.after;
      key = this.cachedText(start, end, true) as string;
      if (this.track) this.keyIsText = typeof plainScalarValue(text.slice(start, end)) === "string";
    }
    if (colon - start > MAX_KEY_LENGTH) refuse("key too long");
    this.after = colon + 1;
    return key;
  }

  /** Index of the ":" ending a quoted key whose closing quote ends before `p`, or -1. */
  private colonAfterQuotedKey(p: number): number {
    const text = this.text;
    while (p < this.contentEnd && text.charCodeAt(p) === SPACE) p++;
    if (text.charCodeAt(p) !== COLON || p >= this.contentEnd) return -1;
    return p + 1 === this.contentEnd || text.charCodeAt(p + 1) === SPACE ? p : -1;
  }

  /** The value of a mapping's key whose colon ends before `p`. */
  private mappingValue(indent: number, p: number): unknown {
    const text = this.text;
    while (p < this.contentEnd && text.charCodeAt(p) === SPACE) p++;
    if (p < this.contentEnd && text.charCodeAt(p) !== HASH) return this.inlineValue(indent, p);
    // "key:" alone: the value is on the next lines, a sequence may stand at the key's column, or it
    // is empty (an empty scalar where the line's content or its comment starts).
    this.advance();
    if (this.col > indent) return this.blockNode();
    if (this.col === indent && this.isDashEntry()) return this.sequence(indent);
    if (this.track) this.last = { offset: p };
    return null;
  }

  /** The block node at the current token, which starts a line. */
  private blockNode(): unknown {
    if (this.isDashEntry()) return this.sequence(this.col);
    return this.mapping(this.col);
  }

  /** The value after "- " at the current token: a nested sequence, a compact mapping or an inline value. */
  private compactNode(indent: number): unknown {
    if (this.isDashEntry()) return this.sequence(this.col);
    if (this.isKeyLine()) return this.mapping(this.col);
    return this.inlineValue(indent, this.pos);
  }

  /**
   * A value that starts at `p` on the current line (not a comment): a scalar or flow collection on
   * this line, or a block scalar. Leaves the current token at the next content line, which must not
   * be indented more than `indent` (the column of the collection holding the value).
   */
  private inlineValue(indent: number, p: number): unknown {
    const text = this.text;
    const c = text.charCodeAt(p);
    let value: unknown;
    if (this.track) this.last = { offset: p };
    if (c === 0x7c || c === 0x3e) return this.blockScalar(indent, p);
    if (c === 0x22 || c === 0x27) {
      value = c === 0x22 ? this.doubleQuoted(p) : this.singleQuoted(p);
      this.endOfLine(this.after);
    } else if (c === 0x5b || c === 0x7b) {
      value = this.flowNode(p);
      this.endOfLine(this.after);
    } else {
      if (!this.canStartPlain(p)) refuse("value starting with an indicator");
      const end = this.scanPlain(p);
      if (this.stop === AT_COLON) refuse("mapping inside a value on one line");
      value = this.build ? this.cachedText(p, end, false) : null;
    }
    this.advance();
    if (this.col > indent) refuse("value continued on a more indented line");
    return value;
  }

  // ---- scalars

  /**
   * The key (keyText) or value (scalarValue) of the plain scalar text[start, end). Short texts that
   * stand for themselves are kept in a small cache: keys and values such as "status: closed" repeat
   * on every item, and one string for all saves slicing, hashing it as a property name and memory.
   */
  private cachedText(start: number, end: number, isKey: boolean): unknown {
    const text = this.text;
    const length = end - start;
    if (length > MAX_CACHED_LENGTH) return isKey ? keyText(text.slice(start, end)) : scalarValue(text.slice(start, end));
    const slot = (text.charCodeAt(start) * 31 + text.charCodeAt(end - 1) * 7 + length) & (CACHE_SLOTS - 1);
    const cache = isKey ? this.keys : this.values;
    const cached = cache[slot];
    if (cached !== undefined && cached.length === length && text.startsWith(cached, start)) return cached;
    const source = text.slice(start, end);
    const value = isKey ? keyText(source) : scalarValue(source);
    if (value === source) cache[slot] = source;
    return value;
  }

  /** Whether a plain scalar may start at `p` (block context): not at an indicator, "-", "?" or ":" only before a non-space. */
  private canStartPlain(p: number): boolean {
    const c = this.text.charCodeAt(p);
    switch (c) {
      case 0x2c: // ,
      case 0x5b: // [
      case 0x5d: // ]
      case 0x7b: // {
      case 0x7d: // }
      case HASH:
      case 0x26: // &
      case 0x2a: // *
      case 0x21: // !
      case 0x7c: // |
      case 0x3e: // >
      case 0x27: // '
      case 0x22: // "
      case 0x25: // %
      case 0x40: // @
      case 0x60: // `
      case 0x3f: // ? (explicit keys, or a rare plain "?x")
      case COLON: // : (an empty key, or a rare plain ":x")
        return false;
      case DASH:
        return p + 1 < this.contentEnd && this.text.charCodeAt(p + 1) !== SPACE;
      default:
        return true;
    }
  }

  /**
   * Scans a plain scalar in block context from `p` to the end of the line, a comment or a ": ".
   * Returns the end of its text (trailing spaces excluded); sets `stop`, and `after` to the colon when it ends at one.
   */
  private scanPlain(p: number): number {
    const text = this.text;
    const end = this.contentEnd;
    let last = p;
    for (let i = p; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c === SPACE) continue;
      // "[" or "{" (0x5b | 0x20 === 0x7b), or a quote.
      if ((c | 0x20) === 0x7b || c === 0x22 || c === 0x27) this.nestingRisk = true;
      if (c === COLON && (i + 1 === end || text.charCodeAt(i + 1) === SPACE)) {
        this.stop = AT_COLON;
        this.after = i;
        return last;
      }
      if (c === HASH && text.charCodeAt(i - 1) === SPACE) {
        this.stop = AT_COMMENT;
        return last;
      }
      last = i + 1;
    }
    this.stop = AT_END;
    return last;
  }

  /** A single-quoted scalar on one line starting at `p`; sets `after` past the closing quote. */
  private singleQuoted(p: number): string {
    const text = this.text;
    let value = "";
    let run = p + 1;
    for (;;) {
      const quote = text.indexOf("'", run);
      if (quote < 0 || quote >= this.contentEnd) refuse("quoted scalar not closed on its line");
      if (text.charCodeAt(quote + 1) === 0x27 && quote + 1 < this.contentEnd) {
        value += text.slice(run, quote + 1);
        run = quote + 2;
        continue;
      }
      this.after = quote + 1;
      return value + text.slice(run, quote);
    }
  }

  /** A double-quoted scalar on one line starting at `p`, escapes as the `yaml` package reads them; sets `after`. */
  private doubleQuoted(p: number): string {
    const text = this.text;
    const end = this.contentEnd;
    let value = "";
    let run = p + 1;
    for (let i = run; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        this.after = i + 1;
        return value + text.slice(run, i);
      }
      if (c !== 0x5c) continue;
      value += text.slice(run, i);
      if (i + 1 >= end) refuse("escaped line break");
      const e = text[i + 1]!;
      const simple = ESCAPES[e];
      if (simple !== undefined) {
        value += simple;
        i += 1;
      } else if (e === "x" || e === "u" || e === "U") {
        const digits = e === "x" ? 2 : e === "u" ? 4 : 8;
        const hex = text.slice(i + 2, i + 2 + digits);
        if (i + 2 + digits > end || !/^[0-9a-fA-F]+$/.test(hex)) refuse("bad escape");
        const code = parseInt(hex, 16);
        if (code > 0x10ffff) refuse("bad escape");
        value += String.fromCodePoint(code);
        i += 1 + digits;
      } else refuse("unknown escape");
      run = i + 1;
    }
    return refuse("quoted scalar not closed on its line");
  }

  /**
   * A block scalar (| or >, with - or + chomping; no indentation indicator) whose header is at `p`,
   * inside a collection at column `indent`. Folded scalars with more-indented lines, whitespace-only
   * lines longer than the content's indentation, an empty body and a last line without a line break are refused.
   */
  private blockScalar(indent: number, p: number): string {
    const text = this.text;
    const folded = text.charCodeAt(p) === 0x3e;
    this.nestingRisk = true;
    let chomp = 0; // -1 strip, 0 clip, 1 keep
    let h = p + 1;
    const ch = text.charCodeAt(h);
    if (ch === DASH) {
      chomp = -1;
      h++;
    } else if (ch === 0x2b) {
      chomp = 1;
      h++;
    }
    if (h < this.contentEnd && text.charCodeAt(h) !== SPACE) refuse("block scalar header");
    this.endOfLine(h);
    let value = "";
    let contentIndent = -1;
    let empties = 0; // empty lines since the last content line
    let leadingSpaces = 0; // the longest whitespace-only line before the first content line
    let cursor = this.next;
    let lastEmptyHasBreak = true;
    while (cursor < this.length) {
      let end = text.indexOf("\n", cursor);
      const hasBreak = end >= 0;
      if (!hasBreak) end = this.length;
      const contentEnd = end > cursor && text.charCodeAt(end - 1) === CR ? end - 1 : end;
      let s = cursor;
      while (s < contentEnd && text.charCodeAt(s) === SPACE) s++;
      const spaces = s - cursor;
      if (s === contentEnd) {
        if (contentIndent < 0) leadingSpaces = Math.max(leadingSpaces, spaces);
        else if (spaces > contentIndent) refuse("whitespace-only line longer than the block scalar's indentation");
        empties++;
        lastEmptyHasBreak = hasBreak;
        cursor = end + 1;
        continue;
      }
      if (contentIndent < 0) {
        if (spaces <= indent) break;
        if (leadingSpaces > spaces) refuse("block scalar with more-indented leading empty lines");
        contentIndent = spaces;
        if (folded && empties > 0) refuse("folded block scalar with leading empty lines");
        value = "\n".repeat(empties);
      } else {
        if (spaces < contentIndent) break;
        if (folded) value += empties === 0 ? " " : "\n".repeat(empties);
        else value += "\n".repeat(empties + 1);
      }
      if (folded && spaces > contentIndent) refuse("folded block scalar with more-indented lines");
      if (!hasBreak) refuse("block scalar without a final line break");
      value += text.slice(cursor + contentIndent, contentEnd);
      empties = 0;
      cursor = end + 1;
    }
    if (contentIndent < 0) refuse("empty block scalar");
    if (chomp === 0) value += "\n";
    else if (chomp === 1) {
      if (empties > 0 && !lastEmptyHasBreak) refuse("kept block scalar ending without a line break");
      value += "\n".repeat(empties + 1);
    }
    this.next = cursor;
    this.advance();
    return value;
  }

  // ---- flow collections on one line

  /** A flow sequence or mapping starting at `p` and closed on the same line; sets `after`. */
  private flowNode(p: number): unknown {
    const c = this.text.charCodeAt(p);
    if (this.track) this.last = { offset: p };
    if (c === 0x5b) return this.flowSequence(p);
    if (c === 0x7b) return this.flowMapping(p);
    if (c === 0x22) return this.doubleQuoted(p);
    if (c === 0x27) return this.singleQuoted(p);
    const end = this.scanFlowPlain(p);
    if (this.stop !== AT_END) refuse("flow scalar followed by ':'");
    return scalarValue(this.text.slice(p, end));
  }

  private skipSpaces(p: number): number {
    while (p < this.contentEnd && this.text.charCodeAt(p) === SPACE) p++;
    return p;
  }

  private flowSequence(p: number): unknown[] {
    this.enter();
    const text = this.text;
    const items: unknown[] = [];
    const positions: NodePositions | undefined = this.track ? { offset: p, items: [] } : undefined;
    p = this.skipSpaces(p + 1);
    while (text.charCodeAt(p) !== 0x5d || p >= this.contentEnd) {
      items.push(this.flowNode(p));
      if (positions) positions.items!.push(this.last!);
      p = this.skipSpaces(this.after);
      const c = text.charCodeAt(p);
      if (p >= this.contentEnd) refuse("flow sequence not closed on its line");
      if (c === 0x2c) p = this.skipSpaces(p + 1);
      else if (c !== 0x5d) refuse("unexpected character in a flow sequence");
    }
    this.after = p + 1;
    this.depth--;
    if (positions) this.last = positions;
    return items;
  }

  private flowMapping(p: number): Record<string, unknown> {
    this.enter();
    const text = this.text;
    const entries = this.entriesHere();
    const positions: NodePositions | undefined = this.track ? { offset: p, keys: new Map(), textKeys: true } : undefined;
    p = this.skipSpaces(p + 1);
    while (text.charCodeAt(p) !== 0x7d || p >= this.contentEnd) {
      const start = p;
      const c = text.charCodeAt(p);
      let key: string;
      let colon: number;
      if (c === 0x22 || c === 0x27) {
        key = c === 0x22 ? this.doubleQuoted(p) : this.singleQuoted(p);
        colon = this.colonAfterQuotedKey(this.after);
        if (colon < 0 || colon + 1 === this.contentEnd) refuse("flow mapping key without ': '");
      } else {
        const end = this.scanFlowPlain(p);
        if (this.stop !== AT_COLON) refuse("flow mapping key without ': '");
        colon = this.after;
        key = this.cachedText(p, end, true) as string;
        if (positions && typeof plainScalarValue(text.slice(p, end)) !== "string") positions.textKeys = false;
      }
      if (colon - start > MAX_KEY_LENGTH) refuse("key too long");
      if (!entries.key(key)) refuse("duplicate key");
      p = this.skipSpaces(colon + 1);
      const v = text.charCodeAt(p);
      if (p >= this.contentEnd || v === 0x2c || v === 0x7d) refuse("flow mapping key without a value");
      entries.value(this.flowNode(p));
      if (positions) positions.keys!.set(key, { key: start, value: this.last! });
      p = this.skipSpaces(this.after);
      const sep = text.charCodeAt(p);
      if (p >= this.contentEnd) refuse("flow mapping not closed on its line");
      if (sep === 0x2c) p = this.skipSpaces(p + 1);
      else if (sep !== 0x7d) refuse("unexpected character in a flow mapping");
    }
    this.after = p + 1;
    this.depth--;
    if (positions) this.last = positions;
    return entries.object();
  }

  /**
   * A plain scalar inside a flow collection at `p`: ends at , [ ] { } or ": " (stop AT_COLON, `after`
   * at the colon). A comment, the end of the line or anything unusual is refused.
   */
  private scanFlowPlain(p: number): number {
    const text = this.text;
    const end = this.contentEnd;
    const first = text.charCodeAt(p);
    if (p >= end || !this.canStartPlain(p)) refuse("flow scalar starting with an indicator");
    if (first === DASH && isFlowIndicator(text.charCodeAt(p + 1))) refuse("flow scalar starting with an indicator");
    let last = p;
    for (let i = p; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c === SPACE) continue;
      if (c === 0x2c || c === 0x5d || c === 0x7d) {
        this.stop = AT_END;
        this.after = last;
        return last;
      }
      if (c === 0x5b || c === 0x7b) refuse("flow indicator inside a flow scalar");
      if (c === COLON) {
        const n = i + 1 < end ? text.charCodeAt(i + 1) : -1;
        if (n === SPACE) {
          this.stop = AT_COLON;
          this.after = i;
          return last;
        }
        if (n === -1 || isFlowIndicator(n)) refuse("':' before a flow indicator");
      }
      if (c === HASH) {
        if (text.charCodeAt(i - 1) === SPACE) refuse("comment inside a flow collection");
        this.nestingRisk = true;
      }
      if (c === 0x22 || c === 0x27) this.nestingRisk = true;
      last = i + 1;
    }
    return refuse("flow collection not closed on its line");
  }
}

const isFlowIndicator = (c: number) => c === 0x2c || c === 0x5b || c === 0x5d || c === 0x7b || c === 0x7d;

/** Escapes of one character after the backslash, as resolve-flow-scalar.js of the `yaml` package maps them (tab excluded: tabs are refused). */
const ESCAPES: Record<string, string | undefined> = Object.assign(Object.create(null) as Record<string, string>, {
  "0": "\0",
  a: "\x07",
  b: "\b",
  e: "\x1b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "\t",
  v: "\v",
  N: "\u0085",
  _: "\u00a0",
  L: "\u2028",
  P: "\u2029",
  " ": " ",
  '"': '"',
  "/": "/",
  "\\": "\\",
});

/** A plain scalar's value (core-scalars.ts); numbers tam cannot hold are refused, as tam reports them. */
function scalarValue(source: string): unknown {
  const value = plainScalarValue(source);
  if (value === UNSAFE_NUMBER) refuse("number tam cannot hold");
  return value;
}

/** A plain key as the `yaml` package turns it into a property name: String of its value, null as "". */
function keyText(source: string): string {
  const value = scalarValue(source);
  if (typeof value === "string") {
    if (value === "<<") refuse("merge key");
    return value;
  }
  return value === null ? "" : String(value);
}
