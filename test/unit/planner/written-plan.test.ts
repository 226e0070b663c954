// One date per change (issue 36): on the example as of 2026-12-05 the rules derive tasks CHG-0002's
// file does not have (T8, T9). `tam change plan` shows the written plan first, with the same
// forecast as status, notify and report, and the re-planned one as a proposal (a difference);
// status reports the outdated plan. And the plan of a closed change is its record (issue 25, point 11).
import { describe, expect, it } from "vitest";
import { runChangeNotify } from "../../../src/commands/change-notify.js";
import { runChangePlan } from "../../../src/commands/change-plan.js";
import { runReport } from "../../../src/commands/report.js";
import { runStatus } from "../../../src/commands/status.js";
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { committedCopy, EXAMPLE } from "../../helpers/run.js";

const globals = { project: EXAMPLE, color: false };

async function run(command: (o: { out: (t: string) => void; err: (t: string) => void }) => Promise<number>) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await command({ out: (t) => void out.push(t), err: (t) => void err.push(t) });
  return { code, stdout: out.join(""), stderr: err.join("\n") };
}

describe("tam change plan on a change whose rules changed after its plan was written", () => {
  const asOf = "2026-12-05";

  it("plan, status, notify, report and JSON give the same written forecast", async () => {
    const plan = JSON.parse((await run((o) => runChangePlan(globals, "CHG-0002", { format: "json", asOf }, o))).stdout);
    const status = JSON.parse((await run((o) => runStatus(globals, { format: "json", asOf }, o))).stdout);
    const notice = JSON.parse((await run((o) => runChangeNotify(globals, "CHG-0002", { format: "json", asOf, record: false } as never, o))).stdout);
    const statusFinish = status.changes.find((c: { id: string }) => c.id === "CHG-0002").plannedFinish;
    expect(statusFinish).toBe("2026-12-07");
    expect(notice.promise.forecast).toBe(statusFinish);
    expect(plan.schedule).toBe("written");
    expect(plan.finish).toBe(statusFinish);
    expect(plan.tasks.map((t: { id: string }) => t.id)).not.toContain("T8");
    const report = await run((o) => runReport(globals, { format: "markdown", asOf, audience: "internal", period: "2026-11" } as never, o));
    expect(report.stdout).toMatch(/CHG-0002[^\n]*2026-12-07/);
    expect(report.stdout).not.toMatch(/CHG-0002[^\n]*2026-12-10/);
    // The proposal, clearly named, as a difference.
    expect(plan.proposal).toMatchObject({ finish: "2026-12-10", forecast: { from: "2026-12-07", to: "2026-12-10" }, diff: { added: ["T8", "T9"] } });
    expect(plan.proposal.tasks.map((t: { id: string }) => t.id)).toContain("T8");
    // Date findings are those of the written plan: the same forecast as everywhere else.
    const pastDue = plan.findings.find((f: { code: string }) => f.code === "past-due");
    expect(pastDue.message).toContain("forecast finish 2026-12-07");
  });

  it("the table shows the written forecast first, then the proposal as a difference", async () => {
    const { stdout, stderr } = await run((o) => runChangePlan(globals, "CHG-0002", { format: "table", asOf }, o));
    const forecast = stdout.indexOf("forecast: 2026-11-10 → 2026-12-07");
    const proposal = stdout.indexOf("re-planning adds T8, T9");
    expect(forecast).toBeGreaterThan(-1);
    expect(proposal).toBeGreaterThan(forecast);
    expect(stdout).toContain("moves the forecast from 2026-12-07 to 2026-12-10");
    expect(stdout).toMatch(/`--write` adopts it\n/);
    expect(stdout).not.toContain("2026-12-10 →");
    expect(stderr).not.toContain("forecast finish 2026-12-10");
    // The table is the written plan: no row for the proposed tasks.
    expect(stdout).not.toMatch(/│ T8 /);
  });

  it("markdown says the same", async () => {
    const { stdout } = await run((o) => runChangePlan(globals, "CHG-0002", { format: "markdown", asOf }, o));
    expect(stdout).toContain("- Forecast: 2026-11-10 → 2026-12-07");
    expect(stdout).toContain("re-planning adds T8, T9");
  });

  it("a written plan that re-planning would not change says so, with no proposal", async () => {
    const { stdout } = await run((o) => runChangePlan(globals, "CHG-0006", { format: "table", asOf }, o));
    expect(stdout).toContain("as written in changes/CHG-0006.yaml: re-planning changes no task");
    const json = JSON.parse((await run((o) => runChangePlan(globals, "CHG-0006", { format: "json", asOf }, o))).stdout);
    expect(json).toMatchObject({ schedule: "written", proposal: null });
  });

  it("status reports the outdated plan", async () => {
    const status = JSON.parse((await run((o) => runStatus(globals, { format: "json", asOf }, o))).stdout);
    const outdated = status.findings.filter((f: { code: string }) => f.code === "outdated-plan");
    // CHG-0002 (in progress) and CHG-0004 (approved since the promises work: its plan lacks the backup task re-planning adds).
    const chg2 = outdated.find((f: { file: string }) => f.file === "changes/CHG-0002.yaml");
    expect(chg2?.message).toContain("T8");
    expect(outdated.every((f: { file: string }) => ["changes/CHG-0002.yaml", "changes/CHG-0004.yaml"].includes(f.file))).toBe(true);
  });
});

describe("--write on a change under way whose new forecast passes the promise", () => {
  it("says so and never moves the stored promise (the baseline)", async () => {
    const dir = committedCopy(EXAMPLE);
    try {
      const before = readFileSync(join(dir, "changes/CHG-0002.yaml"), "utf8");
      const baseline = before.slice(before.indexOf("\nbaseline:"));
      const { stdout, stderr } = await run((o) => runChangePlan({ project: dir, color: false }, "CHG-0002", { format: "table", asOf: "2026-12-05", write: true }, o));
      expect(stderr).toContain("CHG-0002 (in-progress): the new plan moves the forecast from 2026-12-07 to 2026-12-10, after the date promised to the client (2026-11-26); the promise is kept");
      expect(stdout).toContain("wrote changes/CHG-0002.yaml: added T8, T9");
      // Once written, the plan shown is the new one.
      expect(stdout).toContain("forecast: 2026-11-10 → 2026-12-10");
      const after = readFileSync(join(dir, "changes/CHG-0002.yaml"), "utf8");
      expect(after).toContain("id: T8");
      expect(after.slice(after.indexOf("\nbaseline:"))).toBe(baseline);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("the plan of a closed change is its record (issue 25, point 11)", () => {
  it("CHG-0005 (done): the tasks as they are, no new task, no date signal, exit 0", async () => {
    const { code, stdout } = await run((o) => runChangePlan(globals, "CHG-0005", { format: "json", asOf: "2026-11-20" }, o));
    const plan = JSON.parse(stdout);
    expect(code).toBe(0);
    expect(plan.diff).toEqual({ added: [], removed: [], changed: [] });
    expect(plan.proposal).toBeNull();
    expect(plan.tasks.map((t: { id: string }) => t.id)).toEqual(["T1"]);
    const codes = plan.findings.map((f: { code: string }) => f.code);
    for (const signal of ["past-due", "window-overflow", "task-late", "at-risk", "impossible"]) expect(codes).not.toContain(signal);
    const table = await run((o) => runChangePlan(globals, "CHG-0005", { format: "table", asOf: "2026-11-20" }, o));
    expect(table.code).toBe(0);
    expect(table.stdout).not.toContain("added T2");
    expect(table.stdout).toContain("the record of a done change, as written in changes/CHG-0005.yaml");
    expect(table.stdout).toContain("recorded: 2026-10-14 → 2026-10-14");
    expect(table.stdout).toContain("due 2026-10-16: finished 2026-10-14, on time");
    expect(table.stdout).not.toContain("client promise");
  });
});
