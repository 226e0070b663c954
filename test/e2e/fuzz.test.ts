// The short fuzz run: 200 seeded mutations of the example through validate and one other command
// each (the long run, `npm run fuzz`, takes thousands through every command). A failure prints
// its seed; replay it with `node scripts/fuzz.mjs --seed <seed> --count 1`.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { expect, it } from "vitest";
import { REPO } from "../helpers/run.js";

const COUNT = Number(process.env.TAM_FUZZ_COUNT ?? 200);
const SEED = Number(process.env.TAM_FUZZ_SEED ?? 20261120);

it(`${COUNT} random mutations of the example: no uncaught exception, no hang`, () => {
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
