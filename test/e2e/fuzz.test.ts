// The short fuzz run: seeded mutations of the example (17 content kinds, 5 file-system kinds; 80 in
// CI, 30 in `npm test`: test/helpers/tier.ts)
// through validate, one other reading command and one command line with fuzzed option values,
// the whole CLI in-process (the long run, `npm run fuzz`, takes 5,000 through every command).
// Fails on an exit code other than 0/1/2, "internal error", an uncaught exception, a hang, invalid
// JSON, or a raw control or bidi character on stdout or stderr. A failure prints its seed; replay
// it with `node scripts/fuzz.mjs --seed <seed> --count 1`.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { expect, it } from "vitest";
import { REPO } from "../helpers/run.js";
import { generatedCases } from "../helpers/tier.js";

const COUNT = Number(process.env.TAM_FUZZ_COUNT ?? generatedCases(80, 30));
const SEED = Number(process.env.TAM_FUZZ_SEED ?? 20261120);

it(`${COUNT} random mutations of the example: no internal error, no hang, no raw control character`, () => {
  const result = spawnSync(process.execPath, [join(REPO, "scripts/fuzz.mjs"), "--count", String(COUNT), "--seed", String(SEED), "--per-case", "1"], {
    cwd: REPO,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", TZ: "UTC" },
    timeout: 300_000,
  });
  expect(result.error).toBeUndefined();
  expect(result.stdout).toMatch(new RegExp(`${COUNT} case\\(s\\) run, 0 failure\\(s\\)`));
  expect(result.status, result.stdout).toBe(0);
}, 320_000);
