// Issue 28, point 7: a blocked task's forecast does not assume the block clears at once. A block
// with no expected date leaves the date open for the task and everything after it (status, plan,
// notify, report, JSON); a block recorded with `tam task block --until` holds the task to that day.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Output } from "../../../src/commands/context.js";
import { runTask } from "../../../src/commands/task.js";
import { scheduleProject } from "../../../src/domain/planner/index.js";
import { changeSchedules } from "../../../src/domain/report/schedule.js";
import { promiseNotKept } from "../../../src/domain/report/promise-text.js";
import { clientNotice } from "../../../src/domain/tracking/notice.js";
import { projectStatus } from "../../../src/domain/tracking/status.js";
import { noticeIntro, noticeSections } from "../../../src/format/notice/lines.js";
import { changeCells } from "../../../src/format/status/view.js";
import type { Change } from "../../../src/model/files.js";
import { loadProject } from "../../../src/project/load.js";
import { EXAMPLE } from "../../helpers/run.js";

const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
const quiet: Output = { out: () => {}, err: () => {} };
const NOW = Date.parse("2026-11-20T12:00:00+03:00");
const ZONE = "Europe/Moscow";

function copy(): string {
  const dir = mkdtempSync(join(tmpdir(), "tam-blocked-"));
  made.push(dir);
  cpSync(EXAMPLE, dir, { recursive: true });
  return dir;
}

const schedule = (dir: string) => {
  const project = loadProject(dir);
  return { project, plan: scheduleProject({ ...project, now: NOW, timezone: ZONE }).byId.get("CHG-0002")! };
};
const block = (dir: string, until: string, asOf = "2026-11-20") =>
  runTask({ project: dir }, "block", "CHG-0002/T4", { note: "Vendor promised the licence extension", until, by: "Timur Nazarov", commit: false, asOf }, quiet);

describe("a blocked task with no expected date (the example's CHG-0002/T4, blocked on the SIEM licence)", () => {
  const { project, plan } = schedule(EXAMPLE);

  it("leaves the date open for the task and every task after it; the JSON says what it waits for", () => {
    expect(plan.dateOpen).toEqual([{ task: "T4", since: "2026-11-16T14:25:00+03:00", note: expect.stringContaining("licence extension from the SIEM vendor") }]);
    // Nothing waits for T4 here; the change cannot finish before it, so its forecast is open all the same.
    expect(plan.tasks.filter((t) => t.dateOpen).map((t) => t.id)).toEqual(["T4"]);
    expect(plan.tasks.find((t) => t.id === "T4")!.blocked).not.toHaveProperty("until");
  });

  it("the tasks after it, directly or not, have open dates too", () => {
    const dir = copy();
    const path = join(dir, "changes/CHG-0002.yaml");
    // The cut-over (T5) waits for the SIEM feed (T4) as well; the docs (T7) wait for the cut-over.
    writeFileSync(path, readFileSync(path, "utf8").replace("after: [T3]", "after: [T3, T4]"));
    const open = schedule(dir)
      .plan.tasks.filter((t) => t.dateOpen)
      .map((t) => t.id);
    expect(open.sort()).toEqual(["T4", "T5", "T7"]);
  });

  it("tam status shows the forecast as open, not a date; the signal says how to give the block a date", () => {
    const status = projectStatus({ ...project, today: "2026-11-20", timezone: ZONE });
    const row = status.changes.find((c) => c.id === "CHG-0002")!;
    expect(row.dateOpen?.map((b) => b.task)).toEqual(["T4"]);
    const cells = changeCells(
      row,
      (t) => t,
      (t) => t,
    );
    expect(cells[4]).toBe(`open (T4 blocked; not before ${row.plannedFinish})`);
    const signal = status.findings.find((f) => f.code === "task-blocked")!;
    expect(signal.message).toContain("no date for the block, so CHG-0002's forecast is open");
    expect(signal.message).toContain("tam task block CHG-0002/T4 --until <date>");
    // The risk signal does not call the client date safe on a "not before" date.
    const risk = status.findings.filter((f) => f.code === "at-risk" && f.message.startsWith("CHG-0002"));
    expect(risk.map((f) => f.message)).toEqual([expect.stringContaining("its date is open (T4 blocked with no date; not before")]);
    expect(risk[0]!.message).toContain("the client date 2026-11-26 cannot be confirmed until the block has a date");
    expect(risk[0]!.message).not.toContain("still holds");
  });

  it("the client notice and the report say the date is open and commit to no date", () => {
    const change = project.changes.find((c) => c.id === "CHG-0002")!;
    const notice = clientNotice({ ...project, change, today: "2026-11-20", timezone: ZONE, now: NOW });
    expect(notice.promise).toMatchObject({ open: true, kept: false });
    expect(noticeIntro(notice).join("\n")).toMatch(/Expected completion: open\. A step is blocked with no date yet/);
    expect(noticeSections(notice)[0]!.items[0]).toContain("Date: open.");
    const timing = changeSchedules({ ...project, now: NOW, timezone: ZONE } as never).get("CHG-0002")!;
    expect(promiseNotKept(timing, "2026-11-20")).toMatch(/^date open: a blocked step has no date yet/);
  });
});

describe("tam task block --until: the expected day the block clears", () => {
  it("holds the blocked task (and what follows) to that day; the forecast counts on it instead of being open", async () => {
    const dir = copy();
    const before = schedule(dir).plan;
    await block(dir, "2026-12-02");
    const { project, plan } = schedule(dir);
    expect(plan.dateOpen).toBeUndefined();
    const t4 = plan.tasks.find((t) => t.id === "T4")!;
    expect(t4.blocked).toMatchObject({ since: "2026-11-16T14:25:00+03:00", until: "2026-12-02" });
    expect(t4.startDate! >= "2026-12-02").toBe(true);
    expect(plan.finishDate! > before.finishDate!).toBe(true);
    // The client is told the date it waits for, and that the promise will not hold.
    const change = project.changes.find((c) => c.id === "CHG-0002")!;
    const notice = clientNotice({ ...project, change, today: "2026-11-20", timezone: ZONE, now: NOW });
    expect(notice.promise?.open).toBeUndefined();
    expect(notice.blocked[0]).toMatchObject({ until: "2026-12-02", on: "2026-11-16" });
    expect(noticeSections(notice)[0]!.items[0]).toContain("it is expected to move on 2026-12-02");
    expect(noticeIntro(notice).join("\n")).toContain(`we will not make 2026-11-26, the date we promised: at the current pace the work finishes on ${plan.finishDate}`);
  });

  it("an expected day that has passed without the block clearing leaves the date open again", async () => {
    const dir = copy();
    await block(dir, "2026-11-21");
    const project = loadProject(dir);
    const later = scheduleProject({ ...project, now: Date.parse("2026-11-24T12:00:00+03:00"), timezone: ZONE }).byId.get("CHG-0002")!;
    expect(later.dateOpen).toEqual([expect.objectContaining({ task: "T4", until: "2026-11-21" })]);
  });

  it("is a date, not before today, and goes with block only; a blocked task is blocked again only to set it", async () => {
    const dir = copy();
    await expect(block(dir, "2026-11-31")).rejects.toThrow(/--until 2026-11-31: "2026-11-31" does not exist/);
    await expect(block(dir, "2026-11-19")).rejects.toThrow(/--until 2026-11-19 is before today \(2026-11-20\)/);
    await expect(runTask({ project: dir }, "start", "CHG-0002/T5", { until: "2026-12-01", commit: false, asOf: "2026-11-20" }, quiet)).rejects.toThrow(/--until goes with `tam task block`/);
    await expect(runTask({ project: dir }, "block", "CHG-0002/T4", { note: "still", commit: false, asOf: "2026-11-20" }, quiet)).rejects.toThrow(
      /already blocked; to record when it is expected to clear, block it again with --until/,
    );
    const change = (): Change => loadProject(dir, ["changes"]).changes.find((c) => c.id === "CHG-0002")!;
    await block(dir, "2026-12-02");
    expect(
      change()
        .tasks!.find((t) => t.id === "T4")!
        .history!.at(-1),
    ).toMatchObject({ status: "blocked", until: "2026-12-02" });
  });
});
