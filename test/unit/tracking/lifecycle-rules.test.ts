import { describe, expect, it } from "vitest";
import { changeStep, statusFollowingTasks } from "../../../src/domain/tracking/lifecycle.js";
import { transition } from "../../../src/domain/tracking/transition.js";
import type { Change, Task } from "../../../src/model/files.js";

const change = (more: Partial<Change>): Change => ({ id: "CHG-0001", title: "T", type: "normal", status: "planned", scope: [], ...more });
const task = (id: string, status: Task["status"], more: Partial<Task> = {}): Task => ({ id, title: id, department: "d", status, ...more });
const approval = { by: "Elena", at: "2026-11-20T10:00:00+03:00" };

describe("lifecycle steps", () => {
  it("start: a normal change needs its approval; standard and emergency changes may start", () => {
    expect(changeStep(change({}), { action: "start" })).toMatchObject({ ok: false, reason: expect.stringContaining("not approved") });
    expect(changeStep(change({ approval, status: "approved" }), { action: "start" })).toEqual({ ok: true, from: "approved", status: "in-progress" });
    expect(changeStep(change({ type: "standard" }), { action: "start" })).toMatchObject({ ok: true, status: "in-progress" });
    expect(changeStep(change({ type: "emergency" }), { action: "start" })).toMatchObject({ ok: true, status: "in-progress" });
  });

  it("a file that says approved without an approval record: the refusals say so, without contradicting the status (issue 25.3)", () => {
    const claimed = change({ status: "approved", tasks: [task("T1", "todo")] });
    const start = changeStep(claimed, { action: "start" });
    const work = transition(claimed.tasks!, claimed.tasks![0]!, { action: "start", force: false }, claimed);
    for (const refusal of [start, work]) {
      expect(refusal).toMatchObject({ ok: false, reason: expect.stringContaining("says approved but has no approval record") });
      expect(refusal.ok === false && refusal.reason).not.toMatch(/not approved|\(approved\)/);
      expect(refusal.ok === false && refusal.reason).toContain("tam change approve CHG-0001 --by <who>");
    }
    // Recording the approval is the way out: approve is allowed from that status.
    expect(changeStep(claimed, { action: "approve" })).toEqual({ ok: true, from: "approved", status: "approved" });
  });

  it("approve: before work for a normal change, afterwards for an emergency one, never for a standard one", () => {
    expect(changeStep(change({}), { action: "approve" })).toEqual({ ok: true, from: "planned", status: "approved" });
    expect(changeStep(change({ status: "in-progress" }), { action: "approve" })).toMatchObject({ ok: false });
    expect(changeStep(change({ type: "emergency", status: "in-progress" }), { action: "approve" })).toEqual({ ok: true, from: "in-progress", status: "in-progress" });
    expect(changeStep(change({ type: "standard" }), { action: "approve" })).toMatchObject({ ok: false, reason: expect.stringContaining("pre-approved") });
    expect(changeStep(change({ approval }), { action: "approve" })).toMatchObject({ ok: false, reason: expect.stringContaining("already approved") });
  });

  it("reject only what awaits approval; cancel any open change, with a reason", () => {
    expect(changeStep(change({}), { action: "reject", note: "no budget" })).toMatchObject({ ok: true, status: "rejected" });
    expect(changeStep(change({ approval, status: "approved" }), { action: "reject", note: "x" })).toMatchObject({ ok: false });
    expect(changeStep(change({ status: "in-progress" }), { action: "cancel" })).toMatchObject({ ok: false, reason: expect.stringContaining("--note") });
    expect(changeStep(change({ status: "in-progress" }), { action: "cancel", note: "replaced" })).toMatchObject({ ok: true, status: "cancelled" });
    expect(changeStep(change({ status: "done" }), { action: "cancel", note: "x" })).toMatchObject({ ok: false, reason: "CHG-0001 is already done (closed)" });
  });

  it("close as rolled back while tasks are open; as successful only when every task is finished", () => {
    const open = change({ status: "in-progress", tasks: [task("T1", "done"), task("T2", "todo")] });
    expect(changeStep(open, { action: "close", outcome: "successful", note: "ok" })).toMatchObject({ ok: false, reason: expect.stringContaining("T2 todo") });
    expect(changeStep(open, { action: "close", outcome: "rolled-back", note: "undone" })).toMatchObject({ ok: true, status: "done" });
    expect(changeStep(change({ approval, status: "approved" }), { action: "close", outcome: "rolled-back", note: "x" })).toMatchObject({ ok: false });
  });
});

describe("the change follows its tasks", () => {
  it("moves to in-progress with the first task started or done, to review when every task is finished", () => {
    expect(statusFollowingTasks("approved", [task("T1", "in-progress"), task("T2", "todo")])).toBe("in-progress");
    expect(statusFollowingTasks("planned", [task("T1", "done"), task("T2", "todo")])).toBe("in-progress");
    expect(statusFollowingTasks("approved", [task("T1", "blocked"), task("T2", "todo")])).toBeUndefined();
    expect(statusFollowingTasks("in-progress", [task("T1", "done"), task("T2", "cancelled")])).toBe("review");
    expect(statusFollowingTasks("in-progress", [task("T1", "done"), task("T2", "todo")])).toBeUndefined();
    expect(statusFollowingTasks("done", [task("T1", "done")])).toBeUndefined();
  });
});
