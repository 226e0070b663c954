// Reads one version of architecture.yaml (as git stored it) into each component's value, for
// comparing versions by meaning. Hundreds of versions of a file of thousands of components are
// read in one `docs check`, so each version is cut into its components' blocks by lines, and a
// block is parsed only the first time its exact text is seen: the parsing cost follows what the
// commits changed, not the size of the file times the number of commits. Anything the cut by
// lines cannot be sure of (flow style, anchors, a block that does not parse alone) is read by
// parsing the whole version instead. The reader is js-yaml (core schema), as for the loader's
// fast path, so the working tree's data can stand for the blocks it shares with history.
import { CORE_SCHEMA, load } from "js-yaml";
import { canonicalJson } from "../domain/freshness/component-diff.js";
import type { ComponentValue } from "../domain/freshness/types.js";

export type ComponentVersion = ReadonlyMap<string, ComponentValue>;

interface ParsedBlock {
  id: string;
  value: ComponentValue;
}

export class ArchitectureReader {
  private readonly blocks = new Map<string, ParsedBlock | null>();

  /**
   * Takes the blocks of a text already parsed elsewhere (the working tree's architecture.yaml, read
   * by the loader) from that data, so that the version most of history shares is not parsed again.
   */
  seed(text: string, data: unknown): void {
    const blocks = componentBlocks(text);
    const items = data !== null && typeof data === "object" ? (data as Record<string, unknown>).components : undefined;
    if (!blocks || !Array.isArray(items) || items.length !== blocks.length) return;
    const parsed = items.map(toParsed);
    if (parsed.every((item) => item !== null)) for (const [i, block] of blocks.entries()) this.blocks.set(block, parsed[i]!);
  }

  /** id → value of every component of this text; undefined when the text is not a readable architecture. */
  read(text: string): ComponentVersion | undefined {
    return this.readByBlocks(text) ?? readWhole(text);
  }

  private readByBlocks(text: string): ComponentVersion | undefined {
    const blocks = componentBlocks(text);
    if (!blocks) return undefined;
    this.parseNew(blocks.filter((block) => !this.blocks.has(block)));
    const version = new Map<string, ComponentValue>();
    for (const block of blocks) {
      const parsed = this.blocks.get(block);
      if (!parsed || version.has(parsed.id)) return undefined;
      version.set(parsed.id, parsed.value);
    }
    return version;
  }

  /** Blocks not seen yet, parsed together as one sequence (one parser run, not one per block), else one by one. */
  private parseNew(blocks: readonly string[]): void {
    const unique = [...new Set(blocks)];
    if (unique.length > 1 && !unique.some((block) => ALIAS_OR_ANCHOR.test(block))) {
      const items = parseItems(`components:\n${unique.join("\n")}\n`);
      const parsed = items?.length === unique.length ? items.map(toParsed) : undefined;
      if (parsed?.every((item) => item !== null)) {
        for (const [i, block] of unique.entries()) this.blocks.set(block, parsed[i]!);
        return;
      }
    }
    for (const block of unique) this.blocks.set(block, parseBlock(block));
  }
}

function parseItems(text: string): unknown[] | undefined {
  try {
    const data: unknown = load(text, { schema: CORE_SCHEMA });
    const items = data !== null && typeof data === "object" ? (data as Record<string, unknown>).components : undefined;
    return Array.isArray(items) ? items : undefined;
  } catch {
    return undefined;
  }
}

const TOP_KEY = /^[^\s#-]/;
const ALIAS_OR_ANCHOR = /(^|[\s[{,:-])[&*!][^\s]/m;

/**
 * The text of each item of the top-level `components:` sequence, cut at the lines that start an
 * item at the sequence's indentation; undefined when the layout is not that plain block style.
 */
export function componentBlocks(text: string): string[] | undefined {
  const lines = text.replace(/^\ufeff/, "").split("\n");
  const start = lines.findIndex((line) => /^components:[ \t]*(#.*)?\r?$/.test(line));
  if (start < 0) return undefined;
  // A document marker or directive before it: more than one plain document, read it whole.
  for (let i = 0; i < start; i++) if (/^(---|\.\.\.|%)/.test(lines[i]!)) return undefined;
  let indent: string | undefined;
  const blocks: string[][] = [];
  for (let i = start + 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (indent === undefined) {
      if (/^\s*(#.*)?\r?$/.test(line)) continue;
      const item = /^( *)-( |\r?$)/.exec(line);
      if (!item) return undefined;
      indent = item[1]!;
    }
    const startsItem = line.startsWith(`${indent}-`) && /^( |\r?$)/.test(line.slice(indent.length + 1));
    if (startsItem) {
      blocks.push([line]);
      continue;
    }
    if (TOP_KEY.test(line) || (indent !== "" && line.startsWith("-"))) {
      // Another top-level key: the components are over, and nothing after may name them again.
      if (lines.slice(i).some((rest) => rest.startsWith("components:") || /^(---|\.\.\.)/.test(rest))) return undefined;
      break;
    }
    blocks[blocks.length - 1]?.push(line);
  }
  return blocks.map((block) => block.join("\n"));
}

function parseBlock(block: string): ParsedBlock | null {
  if (ALIAS_OR_ANCHOR.test(block)) return null;
  try {
    const items: unknown = load(block, { schema: CORE_SCHEMA });
    if (!Array.isArray(items) || items.length !== 1) return null;
    return toParsed(items[0]);
  } catch {
    return null;
  }
}

function toParsed(item: unknown): ParsedBlock | null {
  if (item === null || typeof item !== "object" || Array.isArray(item)) return null;
  const { id, ...rest } = item as Record<string, unknown>;
  if (typeof id !== "string") return null;
  return { id, value: { content: canonicalJson(rest), value: rest } };
}

function readWhole(text: string): ComponentVersion | undefined {
  let data: unknown;
  try {
    data = load(text, { schema: CORE_SCHEMA });
  } catch {
    return undefined;
  }
  const list = data !== null && typeof data === "object" ? (data as Record<string, unknown>).components : undefined;
  if (!Array.isArray(list)) return list === undefined || list === null ? new Map() : undefined;
  const version = new Map<string, ComponentValue>();
  for (const item of list) {
    const parsed = toParsed(item);
    if (parsed && !version.has(parsed.id)) version.set(parsed.id, parsed.value);
  }
  return version;
}
