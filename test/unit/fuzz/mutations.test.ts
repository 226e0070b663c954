// The fuzz run is only reproducible if a seed always gives the same mutations.
import { describe, expect, it } from "vitest";
// @ts-expect-error plain JavaScript module without types
import { MUTATION_NAMES, MUTATIONS, prng } from "../../../scripts/fuzz/mutations.mjs";

const SAMPLE = Buffer.from("components:\n  - id: fw\n    name: Firewall\n    depends_on: [a]\n  - id: os\n    name: OS\n");

describe("fuzz mutations", () => {
  it("are deterministic per seed", () => {
    for (const name of MUTATION_NAMES as string[]) {
      const a = MUTATIONS[name](SAMPLE, prng(42));
      const b = MUTATIONS[name](SAMPLE, prng(42));
      expect(Buffer.compare(a, b), name).toBe(0);
    }
  });

  it("change the file for most seeds", () => {
    for (const name of MUTATION_NAMES as string[]) {
      const changed = [1, 2, 3, 4, 5, 6, 7, 8].filter((seed) => Buffer.compare(MUTATIONS[name](SAMPLE, prng(seed)), SAMPLE) !== 0);
      expect(changed.length, name).toBeGreaterThan(0);
    }
  });
});
