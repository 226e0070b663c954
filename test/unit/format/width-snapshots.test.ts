// What a reader sees at 80, 120 and 200 columns, pinned: the SLA summary stays one row per
// priority (compact at 80 columns, never a stack of key/value lines). Review a changed snapshot
// as a reader would, then update it with `npx vitest run test/unit/format/width-snapshots.test.ts -u`.
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runSlaReport } from "../../../src/commands/sla-report.js";
import { EXAMPLE, REPO } from "../../helpers/run.js";

const asOf = "2026-11-20";
const globals = { project: EXAMPLE, color: false };
const COMMANDS: Record<string, (output: { out: (t: string) => void; err: (t: string) => void }) => Promise<number>> = {
  sla: (o) => runSlaReport(globals, { format: "table", period: "2026-11", by: "priority", asOf }, o),
};

async function printed(command: string, columns: number): Promise<string> {
  Object.defineProperty(process.stdout, "columns", { value: columns, configurable: true });
  const out: string[] = [];
  await COMMANDS[command]!({ out: (t) => void out.push(t), err: () => undefined });
  return out.join("");
}
afterEach(() => {
  Object.defineProperty(process.stdout, "columns", { value: undefined, configurable: true });
});

describe.each(Object.keys(COMMANDS))("%s at terminal widths", (command) => {
  it.each([80, 120, 200])("%i columns", async (columns) => {
    const text = await printed(command, columns);
    await expect(text).toMatchFileSnapshot(join(REPO, "test/snapshots/widths", `${command}-${columns}.txt`));
  });
});

describe("the SLA summary at 80 columns", () => {
  it("is one row per priority with the verdict, not key/value lines", async () => {
    const text = await printed("sla", 80);
    for (const priority of ["P1", "P2", "P3", "P4", "all"]) expect(text).toMatch(new RegExp(`│ ${priority} +│ \\d+ +│ \\d+ / \\d+ +│ [\\d.]+% +│ [\\d.]+% +│ (PASS|FAIL) +│`));
    expect(text).not.toMatch(/^\s*compliance: /m);
  });
});
