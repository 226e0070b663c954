// Issue 25.5 and 25.12: history stays in time order. A date-only --as-of on a write stamps a time
// that keeps the order; a write earlier than the entry before it is refused; validate reports a
// history out of order; reads as of a past date do not count what happened later.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { capturedMain as tam } from "../../helpers/captured-main.js";
import type { Change } from "../../../src/model/files.js";
import { committedCopy, copyProject, EXAMPLE, FIXTURES, git } from "../../helpers/run.js";

const read = (dir: string, id: string): Change => parse(readFileSync(join(dir, "changes", `${id}.yaml`), "utf8")) as Change;
const ms = (at: string) => Date.parse(at);

/** Every history sequence of the change (its own, each task's) as lists of timestamps. */
function sequences(change: Change): string[][] {
  return [(change.history ?? []).map((e) => e.at), ...(change.tasks ?? []).map((t) => (t.history ?? []).map((e) => e.at))];
}

describe("a write keeps history in time order", () => {
  it("a rebaseline is an entry of the history too: in order with a date-only --as-of, refused before the last entry", async () => {
    const dir = committedCopy(EXAMPLE);
    const C = ["-C", dir];
    const before = read(dir, "CHG-0004").history!.at(-1)!.at; // the approval, 2026-11-20T09:30
    const early = await tam(["change", "rebaseline", "CHG-0004", "--reason", "shelf late", "--as-of", "2026-11-19T10:00:00+03:00", ...C]);
    expect(early.code).toBe(2);
    expect(early.stderr).toContain("history is kept in time order");
    expect(read(dir, "CHG-0004").history!.at(-1)!.at).toBe(before);
    expect((await tam(["change", "rebaseline", "CHG-0004", "--reason", "shelf late", "--as-of", "2026-11-20", ...C])).code).toBe(0);
    const history = read(dir, "CHG-0004").history!;
    expect(ms(history.at(-1)!.at)).toBeGreaterThan(ms(before));
    expect(ms(history.at(-1)!.at)).toBeLessThan(ms("2026-11-20T10:00:00+03:00"));
  });

  it("the README walkthrough: the approval as of a date comes before the work done that day", async () => {
    const dir = committedCopy(EXAMPLE);
    const C = ["-C", dir];
    expect((await tam(["change", "plan", "CHG-0003", "--write", "--as-of", "2026-11-20", ...C])).code).toBe(0);
    const approved = await tam(["change", "approve", "CHG-0003", "--by", "Elena Smirnova", "--via", "client", "--as-of", "2026-11-20", ...C]);
    expect(approved.code).toBe(0);
    // Nothing was recorded that day before: the start of the day, in the project's zone.
    expect(read(dir, "CHG-0003").approval!.at).toBe("2026-11-20T00:00:00+03:00");
    expect((await tam(["task", "done", "CHG-0003/T1", "--by", "Oleg", "--as-of", "2026-11-20T14:05:00+03:00", ...C])).code).toBe(0);
    const change = read(dir, "CHG-0003");
    expect(ms(change.approval!.at)).toBeLessThan(ms(change.tasks![0]!.history!.at(-1)!.at));
    for (const seq of sequences(change)) expect([...seq].sort((a, b) => ms(a) - ms(b))).toEqual(seq);
  });

  it("a date-only --as-of stamps one second after the last entry of that day", async () => {
    const dir = committedCopy(EXAMPLE);
    const C = ["-C", dir];
    await tam(["change", "plan", "CHG-0003", "--write", "--as-of", "2026-11-20", ...C]);
    await tam(["change", "approve", "CHG-0003", "--by", "Elena Smirnova", "--as-of", "2026-11-20T09:00:00+03:00", ...C]);
    expect((await tam(["task", "start", "CHG-0003/T1", "--by", "O", "--as-of", "2026-11-20T14:05:00+03:00", "--force", "--reason", "before the window, for this test", ...C])).code).toBe(0);
    const done = await tam(["task", "done", "CHG-0003/T1", "--by", "O", "--as-of", "2026-11-20", ...C]);
    expect(done.code).toBe(0);
    expect(done.stdout).toContain("at 2026-11-20T14:05:01+03:00");
    expect(read(dir, "CHG-0003").tasks![0]!.history!.at(-1)!.at).toBe("2026-11-20T14:05:01+03:00");
  });

  it("refuses an update earlier than the entry before it, and writes nothing", async () => {
    const dir = committedCopy(EXAMPLE);
    const C = ["-C", dir];
    await tam(["change", "plan", "CHG-0003", "--write", "--as-of", "2026-11-20", ...C]);
    await tam(["change", "approve", "CHG-0003", "--by", "Elena Smirnova", "--as-of", "2026-11-20", ...C]);
    expect((await tam(["task", "start", "CHG-0003/T1", "--by", "O", "--as-of", "2026-12-06T10:00:00+03:00", ...C])).code).toBe(0);
    const before = readFileSync(join(dir, "changes/CHG-0003.yaml"), "utf8");
    const head = git(dir, ["rev-parse", "HEAD"]);
    for (const asOf of ["2026-11-20", "2026-12-06T09:59:59+03:00"]) {
      const refused = await tam(["task", "done", "CHG-0003/T1", "--by", "O", "--as-of", asOf, ...C]);
      expect(refused.code, asOf).toBe(2);
      expect(refused.stderr, asOf).toContain("CHG-0003/T1 already has a history entry at 2026-12-06T10:00:00+03:00");
      expect(refused.stderr, asOf).toContain("time order");
    }
    // A change step too.
    const close = await tam(["change", "cancel", "CHG-0003", "--note", "x", "--as-of", "2026-12-01", ...C]);
    expect(close.code).toBe(2);
    expect(close.stderr).toContain("time order");
    expect(readFileSync(join(dir, "changes/CHG-0003.yaml"), "utf8")).toBe(before);
    expect(git(dir, ["rev-parse", "HEAD"])).toBe(head);
  });
});

describe("validate reports a history out of time order", () => {
  it("at the entry that goes back, for a task's and for the change's history", async () => {
    const dir = copyProject(EXAMPLE);
    const path = join(dir, "changes/CHG-0002.yaml");
    const text = readFileSync(path, "utf8");
    writeFileSync(path, text.replace("- { at: 2026-11-11T17:30:00+03:00, status: done", "- { at: 2026-11-09T17:30:00+03:00, status: done"));
    const run = await tam(["validate", "-C", dir, "--format", "json"]);
    const issues = (JSON.parse(run.stdout) as { issues: { code: string; file: string; line: number; message: string }[] }).issues.filter((i) => i.code === "history-order");
    const line = text.split("\n").findIndex((l) => l.includes("2026-11-11T17:30:00+03:00")) + 1;
    expect(issues).toEqual([expect.objectContaining({ file: "changes/CHG-0002.yaml", line })]);
    expect(issues[0]!.message).toContain("2026-11-09T17:30:00+03:00 is earlier than the entry before it (2026-11-10T10:00:00+03:00)");
  });

  it("the example and the fixtures keep their histories in order", async () => {
    const projects = [
      EXAMPLE,
      ...readdirSync(FIXTURES)
        .filter((name) => name !== "bad" && existsSync(join(FIXTURES, name, "tam.yaml")))
        .map((name) => join(FIXTURES, name)),
    ];
    expect(projects.length).toBeGreaterThan(3);
    for (const project of projects) {
      const run = await tam(["validate", "-C", project, "--format", "json"]);
      expect(
        (JSON.parse(run.stdout) as { issues: { code: string }[] }).issues.filter((i) => i.code === "history-order"),
        project,
      ).toEqual([]);
    }
  });
});

describe("a read as of a past date does not count what happened later", () => {
  it("status and report as of 2026-11-12 count only T1 of CHG-0002 done (T2 was done on 11-13, T6 on 11-16)", async () => {
    const status = await tam(["status", "-C", EXAMPLE, "--as-of", "2026-11-12", "--format", "json"]);
    const row = (JSON.parse(status.stdout) as { changes: { id: string; done: number; inProgress: { id: string }[]; blocked: { id: string }[] }[] }).changes.find((c) => c.id === "CHG-0002")!;
    expect(row.done).toBe(1);
    expect(row.inProgress.map((t) => t.id)).toEqual(["T2"]);
    expect(row.blocked).toEqual([]);
    const report = await tam(["report", "-C", EXAMPLE, "--as-of", "2026-11-12", "--period", "2026-11", "--format", "json"]);
    const open = (JSON.parse(report.stdout) as { changes: { inProgress: { id: string; done: number }[] } }).changes.inProgress.find((c) => c.id === "CHG-0002")!;
    expect(open.done).toBe(1);
    // The plan's preview too: T2 is not done as of 11-12.
    const plan = await tam(["change", "plan", "CHG-0002", "-C", EXAMPLE, "--as-of", "2026-11-12", "--format", "json", "--fail-on", "never"]);
    const tasks = (JSON.parse(plan.stdout) as { tasks: { id: string; status: string }[] }).tasks;
    expect(tasks.find((t) => t.id === "T2")!.status).toBe("in-progress");
    // As of today nothing changes.
    const now = await tam(["status", "-C", EXAMPLE, "--as-of", "2026-11-20", "--format", "json"]);
    expect((JSON.parse(now.stdout) as { changes: { id: string; done: number }[] }).changes.find((c) => c.id === "CHG-0002")!.done).toBe(3);
  });

  it("a change approved later is not approved as of an earlier date", async () => {
    const status = await tam(["status", "-C", EXAMPLE, "--as-of", "2026-11-04", "--format", "json"]);
    const row = (JSON.parse(status.stdout) as { changes: { id: string; status: string; done: number }[] }).changes.find((c) => c.id === "CHG-0002");
    expect(row?.status ?? "not open").not.toBe("in-progress");
    if (row) expect(row.done).toBe(0);
  });
});
