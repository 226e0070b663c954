// linearTruncate must give exactly what cli-table3's own truncate gives (it replaces it for every
// cell tam draws): compared on seeded random text of the kinds tables hold.
import { describe, expect, it } from "vitest";
// @ts-expect-error plain JavaScript module without types
import { prng } from "../../../scripts/fuzz/mutations.mjs";
import { pristineUtils } from "../../helpers/cli-table3-original.js";
import { linearTruncate } from "../../../src/format/table-truncate.js";

/** Deterministic pseudo-random numbers (the fuzzer's mulberry32). */
function random(seed: number): () => number {
  return (prng(seed) as { next: () => number }).next;
}

// Printable ASCII, prose punctuation, wide (CJK), astral (emoji), combining and zero-width characters, tabs.
const PIECES = ["a", "Z", "7", " ", "-", ".", "—", "…", "é", "e\u0301", "中", "文", "😀", "👍🏽", "\u200b", "\t", "\n", "\n\n", "word ", "CHG-0003 "];

function sample(next: () => number): string {
  const size = Math.floor(next() * 40);
  let text = "";
  for (let i = 0; i < size; i++) text += PIECES[Math.floor(next() * PIECES.length)];
  return text;
}

describe("linearTruncate", () => {
  const utils = pristineUtils();
  const fast = linearTruncate(utils.truncate, utils.strlen);

  it("returns what cli-table3's truncate returns", () => {
    const next = random(20);
    let multiLine = 0;
    for (let i = 0; i < 3000; i++) {
      const text = sample(next);
      if (text.includes("\n")) multiLine++;
      const desired = Math.floor(next() * 14);
      const char = [undefined, "…", "...", ""][Math.floor(next() * 4)];
      expect(fast(text, desired, char), JSON.stringify([text, desired, char])).toBe(utils.truncate(text, desired, char));
    }
    // The comparison covers the case the fast path is for.
    expect(multiLine).toBeGreaterThan(800);
  });

  it("handles the cells tam draws: an id over a title, coloured text left to cli-table3", () => {
    for (const text of ["docs-stale:network\ndocument network is stale", "a\nb", "\u001b[31mhigh\u001b[39m\nsecond line", "中中\na"]) {
      for (const desired of [0, 1, 5, 10, 40]) expect(fast(text, desired)).toBe(utils.truncate(text, desired));
    }
  });
});
