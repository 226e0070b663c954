// fastWordWrap must wrap exactly as cli-table3 does (it replaces cli-table3's for every cell tam
// draws): compared on seeded random text of the kinds tables hold.
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { fastWordWrap } from "../../../src/format/table-wrap.js";

type Utils = { strlen: (text: string) => number; wordWrap: (maxLength: number, input: string, wrapOnWordBoundary?: boolean) => string[] };

/** A fresh copy of cli-table3's utils: the one tam's table module patched is not the original any more. */
function pristineUtils(): Utils {
  const require = createRequire(import.meta.url);
  const path = require.resolve("cli-table3/src/utils.js");
  const cached = require.cache[path];
  delete require.cache[path];
  try {
    return require(path) as Utils;
  } finally {
    if (cached) require.cache[path] = cached;
  }
}

/** Deterministic pseudo-random numbers (mulberry32). */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Words of every width, spaces and tabs in runs, line breaks, colour codes, wide and combining characters.
const PIECES = ["a", "word", "CHG-0003", "longerword-with-dashes", " ", "  ", "\t", "\n", "—", "é", "e\u0301", "中文", "😀", "\u001b[31m", "\u001b[39m", "\u200b", "."];

function sample(next: () => number): string {
  const size = Math.floor(next() * 40);
  let text = "";
  for (let i = 0; i < size; i++) text += PIECES[Math.floor(next() * PIECES.length)];
  return text;
}

describe("fastWordWrap", () => {
  const utils = pristineUtils();
  const fast = fastWordWrap(utils.wordWrap, utils.strlen);

  it("wraps as cli-table3 wraps", () => {
    const next = random(7);
    for (let i = 0; i < 3000; i++) {
      const text = sample(next);
      const width = 1 + Math.floor(next() * 30);
      const onWords = next() < 0.9;
      expect(fast(width, text, onWords), JSON.stringify([width, text, onWords])).toEqual(utils.wordWrap(width, text, onWords));
    }
  });

  it("wraps the prose of a risk", () => {
    const text = "The document network is overdue for review; it covers core-fw, core-sw and the VLANs of the shop.";
    for (const width of [8, 20, 40, 200]) expect(fast(width, text)).toEqual(utils.wordWrap(width, text));
  });
});
