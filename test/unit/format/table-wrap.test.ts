// fastWordWrap must wrap exactly as cli-table3 does (it replaces cli-table3's for every cell tam
// draws): compared on seeded random text of the kinds tables hold.
import { describe, expect, it } from "vitest";
// @ts-expect-error plain JavaScript module without types
import { prng } from "../../../scripts/fuzz/mutations.mjs";
import { pristineUtils } from "../../helpers/cli-table3-original.js";
import { fastWordWrap } from "../../../src/format/table-wrap.js";

/** Deterministic pseudo-random numbers (the fuzzer's mulberry32). */
function random(seed: number): () => number {
  return (prng(seed) as { next: () => number }).next;
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
