// The fuzz run is only reproducible if a seed always gives the same mutations.
import { describe, expect, it } from "vitest";
// @ts-expect-error plain JavaScript module without types
import { MUTATION_NAMES, MUTATIONS, prng } from "../../../scripts/fuzz/mutations.mjs";

const SAMPLE = Buffer.from(
  'components:\n  - id: fw\n    name: Firewall\n    depends_on: [a]\n    instances: 2\n    lead_time: 2d\n  - id: os\n    name: OS\n    since: 2026-10-05T09:30:00+03:00\ncalendars:\n  business:\n    hours:\n      mon: ["09:00-18:00"]\n      tue: ["09:00-18:00"]\n',
);

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

  it("include the round-two kinds (issue 18)", () => {
    for (const name of ["extremeDate", "extremeNumber", "degenerateCalendar", "longChain", "wideFanOut", "hugeString", "controlCharacters"]) expect(MUTATION_NAMES).toContain(name);
  });
});
