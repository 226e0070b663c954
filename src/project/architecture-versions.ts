// Reads one version of architecture.yaml (as git stored it) into each component's value, for
// comparing versions by meaning. Hundreds of versions of a file of thousands of components are
// read in one `docs check`, so each version is cut into its components' blocks by lines, and a
// block is parsed only when the version read before did not have its exact text: the parsing
// cost follows what the commits changed, not the size of the file times the number of commits. Anything the cut by
// lines cannot be sure of (flow style, anchors, a block that does not parse alone) is read by
// parsing the whole version instead. The reader is the loader's (yamlData in source.ts: the fast
// reader, else the `yaml` package), so the working tree's data can stand for the blocks it shares
// with history.
import { canonicalJson } from "../domain/freshness/component-diff.js";
import type { ComponentValue } from "../domain/freshness/types.js";
import { yamlData } from "./source.js";

export type ComponentVersion = ReadonlyMap<string, ComponentValue>;

interface ParsedBlock {
  id: string;
  value: ComponentValue;
}

export class ArchitectureReader {
  /** The working tree's blocks, from the loader's data: kept for the whole read (the last version read is the working tree's). */
  private readonly seeded = new Map<string, ParsedBlock | null>();
  /**
   * The blocks of the version read last, in order, with their values. History is read newest
   * first and each commit changes a few components, so the next version shares nearly all of them,
   * mostly at the same place: a block is matched against the last version's at its position (a
   * string comparison, no hashing), then a few places further (components removed going back in
   * time), then among the working tree's; a block seen only further back (a reverted edit, a
   * component moved far) is parsed again. Keeping every block ever seen instead would hold the text
   * of every version (each block is a slice of its version's text).
   */
  private latest: { blocks: readonly string[]; values: readonly (ParsedBlock | null)[] } = { blocks: [], values: [] };

  /**
   * Takes the blocks of a text already parsed elsewhere (the working tree's architecture.yaml, read
   * by the loader) from that data, so that the version most of history shares is not parsed again.
   */
  seed(text: string, data: unknown): void {
    const blocks = componentBlocks(text);
    const items = data !== null && typeof data === "object" ? (data as Record<string, unknown>).components : undefined;
    if (!blocks || !Array.isArray(items) || items.length !== blocks.length) return;
    const parsed = items.map(toParsed);
    if (parsed.every((item) => item !== null)) for (const [i, block] of blocks.entries()) this.seeded.set(block, parsed[i]!);
  }

  /** id → value of every component of this text; undefined when the text is not a readable architecture. */
  read(text: string): ComponentVersion | undefined {
    return this.readByBlocks(text) ?? readWhole(text);
  }

  private readByBlocks(text: string): ComponentVersion | undefined {
    const blocks = componentBlocks(text);
    if (!blocks) return undefined;
    const values = this.match(blocks);
    const unseen = new Set(blocks.filter((_, i) => values[i] === undefined));
    if (unseen.size) {
      const parsed = new Map<string, ParsedBlock | null>();
      parseNew([...unseen], parsed);
      blocks.forEach((block, i) => {
        if (values[i] === undefined) values[i] = parsed.get(block)!;
      });
    }
    const known = values as (ParsedBlock | null)[];
    this.latest = { blocks, values: known };
    const version = new Map<string, ComponentValue>();
    for (const parsed of known) {
      if (!parsed || version.has(parsed.id)) return undefined;
      version.set(parsed.id, parsed.value);
    }
    return version;
  }

  /** The value of each block the last version or the working tree has (undefined for the others). */
  private match(blocks: readonly string[]): (ParsedBlock | null | undefined)[] {
    const { blocks: last, values: lastValues } = this.latest;
    const values: (ParsedBlock | null | undefined)[] = new Array(blocks.length);
    let j = 0;
    for (let i = 0; i < blocks.length; i++) {
      const block = blocks[i]!;
      const at = findNear(last, block, j);
      if (at >= 0) {
        values[i] = lastValues[at]!;
        j = at + 1;
        continue;
      }
      values[i] = this.seeded.get(block);
      // Edited in place: the next blocks line up again one place further in both.
      if (j < last.length && blocks[i + 1] !== undefined && blocks[i + 1] === last[j + 1]) j++;
    }
    return values;
  }
}

/** How far ahead of its place a block is looked for in the last version. */
const NEAR = 8;

function findNear(blocks: readonly string[], block: string, from: number): number {
  const end = Math.min(blocks.length, from + NEAR);
  for (let k = from; k < end; k++) if (blocks[k] === block) return k;
  return -1;
}

/** Blocks not seen yet (distinct), parsed together as one sequence (one parser run, not one per block), else one by one. */
function parseNew(unique: readonly string[], into: Map<string, ParsedBlock | null>): void {
  if (unique.length > 1 && !unique.some((block) => ALIAS_OR_ANCHOR.test(block))) {
    const items = parseItems(`components:\n${unique.join("\n")}\n`);
    const parsed = items?.length === unique.length ? items.map(toParsed) : undefined;
    if (parsed?.every((item) => item !== null)) {
      for (const [i, block] of unique.entries()) into.set(block, parsed[i]!);
      return;
    }
  }
  for (const block of unique) into.set(block, parseBlock(block));
}

function parseItems(text: string): unknown[] | undefined {
  const data = yamlData(text)?.data;
  const items = data !== null && typeof data === "object" ? (data as Record<string, unknown>).components : undefined;
  return Array.isArray(items) ? items : undefined;
}

const TOP_KEY = /^[^\s#-]/;
const ALIAS_OR_ANCHOR = /(^|[\s[{,:-])[&*!][^\s]/m;
const COMPONENTS_LINE = /^components:[ \t]*(#.*)?\r?$/;
const BLANK_OR_COMMENT = /^\s*(#.*)?\r?$/;
const DOCUMENT_MARK = /^(---|\.\.\.|%)/;
/** A later `components:` key or document marker: the components might be named twice. */
const NAMED_AGAIN = /(^|\n)(components:|---|\.\.\.)/;
const SPACE = 32;
const DASH = 45;
const CR = 13;

/**
 * The text of each item of the top-level `components:` sequence, cut at the lines that start an
 * item at the sequence's indentation; undefined when the layout is not that plain block style.
 * Each block is a slice of `text` (hundreds of versions of thousands of lines are cut in one
 * `docs check`): the lines are walked by offsets, not split into strings.
 */
export function componentBlocks(text: string): string[] | undefined {
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  // The `components:` line; a document marker or directive before it means more than one plain document: read it whole.
  for (;;) {
    const end = lineEnd(text, pos);
    const line = text.slice(pos, end);
    if (COMPONENTS_LINE.test(line)) break;
    if (DOCUMENT_MARK.test(line) || end === text.length) return undefined;
    pos = end + 1;
  }
  pos = lineEnd(text, pos) + 1;
  let indent = -1;
  const blocks: string[] = [];
  let blockStart = -1;
  let blockEnd = -1;
  while (pos <= text.length) {
    const end = lineEnd(text, pos);
    if (indent < 0) {
      if (BLANK_OR_COMMENT.test(text.slice(pos, end))) {
        pos = end + 1;
        continue;
      }
      let dash = pos;
      while (text.charCodeAt(dash) === SPACE) dash++;
      if (dash >= end || text.charCodeAt(dash) !== DASH || !endsItemMark(text, dash + 1, end)) return undefined;
      indent = dash - pos;
    }
    const first = text.charCodeAt(pos);
    if (startsItem(text, pos, end, indent)) {
      if (blockStart >= 0) blocks.push(text.slice(blockStart, blockEnd));
      blockStart = pos;
      blockEnd = end;
    } else if ((first !== SPACE && pos < end && TOP_KEY.test(text.slice(pos, pos + 1))) || (indent > 0 && first === DASH)) {
      // Another top-level key: the components are over, and nothing after may name them again.
      if (NAMED_AGAIN.test(text.slice(pos))) return undefined;
      break;
    } else if (blockStart >= 0) blockEnd = end;
    pos = end + 1;
  }
  if (blockStart >= 0) blocks.push(text.slice(blockStart, blockEnd));
  return blocks;
}

/** Offset of the line's "\n", or the end of the text for the last line. */
function lineEnd(text: string, pos: number): number {
  const eol = text.indexOf("\n", pos);
  return eol < 0 ? text.length : eol;
}

/** Does the line at `pos` start an item: `indent` spaces, then "-" followed by a space or the end of the line? */
function startsItem(text: string, pos: number, end: number, indent: number): boolean {
  const dash = pos + indent;
  if (dash >= end || text.charCodeAt(dash) !== DASH) return false;
  for (let i = pos; i < dash; i++) if (text.charCodeAt(i) !== SPACE) return false;
  return endsItemMark(text, dash + 1, end);
}

/** After an item's "-": a space, or nothing more on the line (a "\r" of CRLF aside). */
function endsItemMark(text: string, at: number, end: number): boolean {
  return at === end || text.charCodeAt(at) === SPACE || (at === end - 1 && text.charCodeAt(at) === CR);
}

function parseBlock(block: string): ParsedBlock | null {
  if (ALIAS_OR_ANCHOR.test(block)) return null;
  const items = yamlData(block)?.data;
  if (!Array.isArray(items) || items.length !== 1) return null;
  return toParsed(items[0]);
}

function toParsed(item: unknown): ParsedBlock | null {
  if (item === null || typeof item !== "object" || Array.isArray(item)) return null;
  const { id, ...rest } = item as Record<string, unknown>;
  if (typeof id !== "string") return null;
  return { id, value: { content: canonicalJson(rest), value: rest } };
}

function readWhole(text: string): ComponentVersion | undefined {
  const read = yamlData(text);
  if (!read) return undefined;
  const data = read.data;
  const list = data !== null && typeof data === "object" ? (data as Record<string, unknown>).components : undefined;
  if (!Array.isArray(list)) return list === undefined || list === null ? new Map() : undefined;
  const version = new Map<string, ComponentValue>();
  for (const item of list) {
    const parsed = toParsed(item);
    if (parsed && !version.has(parsed.id)) version.set(parsed.id, parsed.value);
  }
  return version;
}
