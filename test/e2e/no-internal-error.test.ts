// The rule: an internal error is always a bug. Every case of the bad-input corpus goes through
// every command that reads a project, in-process (the whole CLI, commander included): none may
// print "internal error", crash, hang, or let a raw control, bidi or invisible format character
// reach stdout or stderr. (bad-input.test.ts checks each case's own command and findings.)
import { afterAll, describe, expect, it } from "vitest";
import { hasUnsafeCharacters } from "../../src/format/text.js";
import { CORPUS, corpusCases, expectedOf, setUp } from "../helpers/corpus.js";
import { InProcessTam } from "../helpers/in-process.js";
import { copyProject } from "../helpers/run.js";
import { join } from "node:path";

const AS_OF = ["--as-of", "2026-11-20"];
/** Every command that reads a project, in its default (human) format. */
const READERS: string[][] = [
  ["validate"],
  ["docs", "check", ...AS_OF],
  ["arch", "risks", ...AS_OF],
  ["arch", "graph"],
  ["change", "plan", "CHG-0001", ...AS_OF],
  ["status", ...AS_OF],
  ["sla", "report", "--period", "2026-10", ...AS_OF],
  ["report", "--period", "2026-10", ...AS_OF],
  ["__complete", "changes"],
];

/**
 * Generated projects of thousands of components or megabytes: each is its own corpus case through
 * the commands it is about (long-chain through change plan, arch risks, arch graph and validate),
 * and running them through every command would cost most of the suite's minute.
 */
const HEAVY = new Set(["huge-file", "long-chain", "long-cycle", "wide-fan-out", "long-task-chain", "huge-id", "quote-storm"]);
const light = corpusCases().filter((name) => !HEAVY.has(expectedOf(name).setup ?? ""));

const tam = new InProcessTam();
afterAll(() => tam.close());

describe("no internal error, on any corpus case, from any command", () => {
  it("covers most of the corpus", () => {
    expect(light.length).toBeGreaterThanOrEqual(130);
  });

  it.each(light)("%s", async (name) => {
    const dir = copyProject(join(CORPUS, name));
    setUp(dir, expectedOf(name).setup);
    const problems: string[] = [];
    for (const args of READERS) {
      const result = await tam.run([...args, "-C", dir], { timeoutMs: 20_000 });
      const what = `tam ${args.join(" ")}`;
      if (result.timedOut) problems.push(`${what}: no answer within 20 s (a hang)`);
      if (/internal error|uncaught|the worker died/.test(result.stderr)) problems.push(`${what}: ${result.stderr.split("\n").slice(0, 2).join(" / ")}`);
      if (!result.timedOut && ![0, 1, 2].includes(result.code)) problems.push(`${what}: exit ${result.code}`);
      if (hasUnsafeCharacters(result.stdout)) problems.push(`${what}: a raw control, bidi or format character on stdout`);
      if (hasUnsafeCharacters(result.stderr)) problems.push(`${what}: a raw control, bidi or format character on stderr`);
    }
    expect(problems).toEqual([]);
  });
});
