// What a reader sees at 80, 120 and 200 columns, pinned: plan, status and the SLA report. The plan
// keeps ids, titles, dates and state before wave, slack and critical; the SLA summary stays one row
// per priority (compact at 80 columns, never a stack of key/value lines). Review a changed snapshot
// as a reader would, then update it with `npx vitest run test/unit/format/width-snapshots.test.ts -u`.
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runChangePlan } from "../../../src/commands/change-plan.js";
import { runSlaReport } from "../../../src/commands/sla-report.js";
import { runStatus } from "../../../src/commands/status.js";
import { EXAMPLE, REPO } from "../../helpers/run.js";

const asOf = "2026-11-20";
const globals = { project: EXAMPLE, color: false };
const COMMANDS: Record<string, (output: { out: (t: string) => void; err: (t: string) => void }) => Promise<number>> = {
  sla: (o) => runSlaReport(globals, { format: "table", period: "2026-11", by: "priority", asOf }, o),
  plan: (o) => runChangePlan(globals, "CHG-0002", { format: "table", asOf }, o),
  status: (o) => runStatus(globals, { format: "table", asOf }, o),
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

describe("the plan keeps what a reader needs first", () => {
  it("at 120 columns: titles whole, wave, critical and slack given up before them", async () => {
    const text = await printed("plan", 120);
    expect(text).toContain("(cut-over)"); // the end of T5's title, wrapped in its cell, not cut
    expect(text).not.toContain("…");
    const dropped = /not shown at this width: ([^;]*);/.exec(text)?.[1]?.split(", ") ?? [];
    expect(dropped).toEqual(expect.arrayContaining(["wave", "slack", "critical"]));
    for (const kept of ["task", "title", "state", "start", "finish"]) expect(dropped).not.toContain(kept);
  });

  it("at 80 columns: one task per block, its title never cut", async () => {
    const text = await printed("plan", 80);
    expect(text.replace(/\n\s+/g, " ")).toContain("T5 Move the public VIP on the load balancer behind the WAF (cut-over)");
    expect(text).not.toContain("…");
  });
});

describe("the SLA summary at 80 columns", () => {
  it("is one row per priority with the verdict, not key/value lines", async () => {
    const text = await printed("sla", 80);
    for (const priority of ["P1", "P2", "P3", "P4", "all"]) expect(text).toMatch(new RegExp(`│ ${priority} +│ \\d+ +│ \\d+ / \\d+ +│ [\\d.]+% +│ [\\d.]+% +│ (PASS|FAIL) +│`));
    expect(text).not.toMatch(/^\s*compliance: /m);
  });
});
