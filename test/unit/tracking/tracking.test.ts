import { describe, expect, it } from "vitest";
import { projectStatus } from "../../../src/domain/tracking/status.js";
import { transition } from "../../../src/domain/tracking/transition.js";
import { nextChangeId } from "../../../src/domain/tracking/new-change.js";
import { formatZoned as formatTimestamp } from "../../../src/domain/zoned-timestamp.js";
import type { Change, Task } from "../../../src/model/files.js";

const tasks: Task[] = [
  { id: "T1", title: "net", department: "network", status: "in-progress" },
  { id: "T2", title: "vm", department: "virt", status: "todo", after: ["T1"] },
  {
    id: "T3",
    title: "wait",
    department: "unix",
    status: "blocked",
    history: [
      { at: "2026-11-02T10:00:00Z", status: "in-progress" },
      { at: "2026-11-03T10:00:00Z", status: "blocked", note: "licence" },
    ],
  },
];

describe("transition", () => {
  it("refuses to start a task whose predecessors are not done, unless forced with a reason, which is recorded", () => {
    expect(transition(tasks, tasks[1]!, { action: "start", force: false })).toMatchObject({ ok: false });
    expect(transition(tasks, tasks[1]!, { action: "start", force: true })).toMatchObject({ ok: false, reason: expect.stringContaining("--reason") });
    expect(transition(tasks, tasks[1]!, { action: "start", force: true, reason: "agreed" })).toEqual({
      ok: true,
      status: "in-progress",
      from: "todo",
      forced: "started before T1 (in-progress): agreed",
    });
  });
  it("checks predecessors for done and cancel too", () => {
    expect(transition(tasks, tasks[1]!, { action: "done", force: false })).toMatchObject({ ok: false, reason: expect.stringContaining("T2 waits for T1 (in-progress)") });
    expect(transition(tasks, tasks[1]!, { action: "cancel", force: false })).toMatchObject({ ok: false, reason: expect.stringContaining("T2 waits for T1") });
    expect(transition(tasks, tasks[1]!, { action: "done", force: true, reason: "done by the client" })).toMatchObject({ ok: true, forced: "done before T1 (in-progress): done by the client" });
    expect(transition(tasks, tasks[0]!, { action: "done", force: true, reason: "nothing broken" })).toEqual({ ok: true, status: "done", from: "in-progress" });
  });
  it("unblocks back to in-progress when the task was running, and needs a note to block", () => {
    expect(transition(tasks, tasks[2]!, { action: "unblock", force: false })).toMatchObject({ ok: true, status: "in-progress" });
    expect(transition(tasks, tasks[0]!, { action: "block", force: false })).toMatchObject({ ok: false });
    expect(transition(tasks, tasks[0]!, { action: "done", force: false })).toMatchObject({ ok: true, status: "done" });
  });
});

describe("status", () => {
  const change: Change = { id: "CHG-0001", title: "x", type: "normal", status: "in-progress", due: "2026-11-01", window: { start: "2026-10-26T09:00:00Z" }, scope: [], tasks };
  const other: Change = { ...change, id: "CHG-0002", status: "done" };
  it("lists open changes with ready, in-progress, blocked and late tasks", () => {
    const report = projectStatus({
      changes: [other, { ...change, tasks: [...tasks, { id: "T4", title: "free", department: "virt", status: "todo" }] }],
      departments: [],
      manifest: undefined,
      today: "2026-11-20",
      timezone: "UTC",
    });
    expect(report.changes.map((c) => c.id)).toEqual(["CHG-0001"]);
    const row = report.changes[0]!;
    expect(row.overdue).toBe(true);
    expect(row.ready.map((t) => t.id)).toEqual(["T4"]);
    expect(row.blocked[0]!.note).toBe("licence");
    // Nothing has a baseline or ran over its estimate, so no task is late; the change is past due.
    expect(row.late).toEqual([]);
    expect(report.findings.map((f) => f.code)).toContain("past-due");
    expect(report.readyByDepartment).toEqual([{ department: "virt", tasks: row.ready }]);
  });
  it("filters by assignee (--mine) and groups a department's plate", () => {
    // A standard change: pre-approved, so its tasks may start.
    const mine = {
      ...change,
      type: "standard" as const,
      status: "planned" as const,
      due: undefined,
      window: undefined,
      tasks: [
        { id: "T1", title: "a", department: "unix", status: "todo" as const, assignee: "Roman" },
        { id: "T2", title: "b", department: "unix", status: "todo" as const, after: ["T1"] },
        { id: "T3", title: "c", department: "virt", status: "todo" as const, assignee: "Roman" },
      ],
    };
    const report = projectStatus({ changes: [mine], departments: [{ id: "unix", name: "Unix", capacity: 1 }], manifest: undefined, today: "2026-11-02", timezone: "UTC", assignee: "Roman" });
    expect(report.changes[0]!.ready.map((t) => t.id)).toEqual(["T1", "T3"]);
    expect(report.departments.map((d) => [d.department, d.startNow.map((t) => t.id), d.queued.map((t) => t.id)])).toEqual([
      ["unix", ["T1"], []],
      ["virt", ["T3"], []],
    ]);
    const everyone = projectStatus({ changes: [mine], departments: [{ id: "unix", name: "Unix", capacity: 1 }], manifest: undefined, today: "2026-11-02", timezone: "UTC" });
    expect(everyone.departments[0]).toMatchObject({ department: "unix", capacity: 1, startNow: [{ id: "T1" }], queued: [{ id: "T2", plannedStart: "2026-11-03" }] });
  });

  it("keeps findings about other departments' tasks out of a --department view, and those about the change in", () => {
    const late: Change = {
      ...change,
      due: "2026-10-30",
      window: undefined,
      tasks: [
        { id: "T1", title: "a", department: "unix", status: "in-progress", estimate: "1h", history: [{ at: "2026-11-02T09:00:00Z", status: "in-progress" }] },
        { id: "T2", title: "b", department: "virt", status: "in-progress", estimate: "1h", history: [{ at: "2026-11-02T09:00:00Z", status: "in-progress" }] },
      ],
    };
    const all = projectStatus({ changes: [late], departments: [], manifest: undefined, today: "2026-11-04", timezone: "UTC" });
    expect(all.findings.map((f) => f.code).sort()).toEqual(["past-due", "task-late", "task-late"]);
    const unix = projectStatus({ changes: [late], departments: [], manifest: undefined, today: "2026-11-04", timezone: "UTC", department: "unix" });
    expect(unix.findings.map((f) => `${f.code} ${f.message.slice(0, 11)}`).sort()).toEqual(["past-due CHG-0001 is", "task-late CHG-0001/T1"]);
  });

  it("filters by department", () => {
    const report = projectStatus({ changes: [change], departments: [], manifest: undefined, today: "2026-10-26", timezone: "UTC", department: "unix" });
    expect(report.changes[0]!.blocked.map((t) => t.id)).toEqual(["T3"]);
    expect(report.changes[0]!.inProgress).toEqual([]);
  });
});

describe("helpers", () => {
  it("finds the next free change id", () => {
    expect(nextChangeId(["CHG-0001", "CHG-0007", "other"])).toBe("CHG-0008");
    expect(nextChangeId([])).toBe("CHG-0001");
  });
  it("formats timestamps with the zone's offset", () => {
    expect(formatTimestamp(Date.parse("2026-11-20T11:05:00Z"), "Europe/Moscow")).toBe("2026-11-20T14:05:00+03:00");
    expect(formatTimestamp(Date.parse("2026-07-01T12:00:00Z"), "America/New_York")).toBe("2026-07-01T08:00:00-04:00");
  });
});
