// The character-code reading of common timestamps must give exactly what the regular expression
// gives: same epoch for valid ones, and the regular expression's finding for everything else.
import { describe, expect, it } from "vitest";
import { parseTimestamp, readTimestampByPattern, timestampProblem } from "../../src/domain/dates.js";
// @ts-expect-error plain JavaScript module without types
import { prng } from "../../scripts/fuzz/mutations.mjs";
import { generatedCases } from "../helpers/tier.js";

const MUTATIONS = generatedCases(20_000, 5_000);

function expected(text: string): { epoch: number; problem: unknown } {
  const slow = readTimestampByPattern(text);
  return typeof slow === "number" ? { epoch: slow, problem: null } : { epoch: Number.NaN, problem: slow };
}

function actual(text: string): { epoch: number; problem: unknown } {
  return { epoch: parseTimestamp(text), problem: timestampProblem(text) };
}

const SAMPLES = [
  "2026-11-30T10:00:00Z",
  "2026-11-30T10:00Z",
  "2026-11-30T10:00:00+03:00",
  "2026-11-30T10:00+03:00",
  "2026-11-30T23:59:59-14:00",
  "2024-02-29T00:00:00+14:59",
  "2023-02-29T00:00:00Z",
  "2026-13-01T00:00:00Z",
  "2026-00-10T00:00:00Z",
  "2026-04-31T00:00:00Z",
  "2026-11-30T24:00:00Z",
  "2026-11-30T10:60:00Z",
  "2026-11-30T10:00:60Z",
  "2026-11-30T10:00:00+15:00",
  "2026-11-30T10:00:00+03:60",
  "2026-11-30T10:00:00",
  "2026-11-30T10:00",
  "0999-12-31T23:59:59Z",
  "1000-01-01T00:00:00Z",
  "9999-12-31T23:59:59-01:00",
  "2026-11-30T10:00:00.123Z",
  "2026-11-30t10:00:00Z",
  "2026-11-30 10:00:00Z",
  "2026-11-30T10:00:00z",
  "2026-11-30T10:00:00+0300",
  "2026-11-30T10:00:00+03:00 ",
  "２０２６-11-30T10:00:00Z",
  "2026-1a-30T10:00:00Z",
  "2026/11/30T10:00:00Z",
  "",
];

describe("reading common timestamps by character codes", () => {
  it("agrees with the regular expression on hand-picked cases", () => {
    for (const text of SAMPLES) expect(actual(text), text).toEqual(expected(text));
  });

  it(`agrees with the regular expression on ${MUTATIONS} seeded mutations`, () => {
    const { next: random } = prng(2026) as { next: () => number };
    const alphabet = "0123456789-:TZ+ .z";
    let valid = 0;
    for (let i = 0; i < MUTATIONS; i++) {
      let text = SAMPLES[Math.floor(random() * 6)]!;
      const edits = 1 + Math.floor(random() * 2);
      for (let e = 0; e < edits; e++) {
        const at = Math.floor(random() * text.length);
        const char = alphabet[Math.floor(random() * alphabet.length)]!;
        const kind = random();
        text = kind < 0.6 ? text.slice(0, at) + char + text.slice(at + 1) : kind < 0.8 ? text.slice(0, at) + text.slice(at + 1) : text.slice(0, at) + char + text.slice(at);
      }
      const want = expected(text);
      if (want.problem === null) valid++;
      expect(actual(text), text).toEqual(want);
    }
    // The mutations must reach both sides, or the test says nothing.
    expect(valid).toBeGreaterThan(MUTATIONS * 0.05);
    expect(valid).toBeLessThan(MUTATIONS * 0.95);
  });
});
