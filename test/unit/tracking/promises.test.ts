// Promises the client can rely on (issue 28): approval by a client decision maker, the go/no-go
// check and its gate on approve and the first work (each refusal, each --force --reason path), the
// same items as validate findings, the promise frozen at approval, rebaselining and corrections.
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkChange } from "../../../src/app/change-check.js";
import { rebaselineChange } from "../../../src/app/change-rebaseline.js";
import { takeChangeStep } from "../../../src/app/change-step.js";
import { updateTask } from "../../../src/app/task-update.js";
import { runChangeNotify } from "../../../src/commands/change-notify.js";
import { runChangePlan } from "../../../src/commands/change-plan.js";
import type { Output } from "../../../src/commands/context.js";
import { checkApprover } from "../../../src/domain/tracking/approvers.js";
import { clientNotice } from "../../../src/domain/tracking/notice.js";
import { checkReadiness, STATIC_READINESS_ITEMS } from "../../../src/domain/tracking/readiness.js";
import { projectStatus } from "../../../src/domain/tracking/status.js";
import type { Change, Manifest } from "../../../src/model/files.js";
import { projectIssues } from "../../../src/project/check.js";
import { loadProject } from "../../../src/project/load.js";
import { copyProject, EXAMPLE, FIXTURES } from "../../helpers/run.js";

const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
const quiet: Output = { out: () => {}, err: () => {} };

function fixture(from = join(FIXTURES, "lifecycle")): string {
  const dir = copyProject(from);
  made.push(dir);
  return dir;
}
const FILE = "changes/CHG-0001.yaml";
const read = (dir: string, file = FILE) => readFileSync(join(dir, file), "utf8");
const edit = (dir: string, change: (text: string) => string, file = FILE) => writeFileSync(join(dir, file), change(read(dir, file)));
const changeOf = (dir: string, id = "CHG-0001"): Change => loadProject(dir, ["changes"]).changes.find((c) => c.id === id)!;
const plan = (dir: string) => runChangePlan({ project: dir }, "CHG-0001", { format: "json", write: true, commit: false, asOf: "2026-11-20" }, quiet);
const approve = (dir: string, extra: Record<string, unknown> = {}) =>
  takeChangeStep({ project: dir, action: "approve", id: "CHG-0001", by: "Oleg Ivanov", commit: false, asOf: "2026-11-20T12:00:00+03:00", ...extra });
const start = (dir: string, task = "T1", extra: Record<string, unknown> = {}) =>
  updateTask({ project: dir, action: "start", ref: `CHG-0001/${task}`, by: "Igor", commit: false, asOf: "2026-11-23T10:00:00+03:00", ...extra });
const notReady = (dir: string) => projectIssues(loadProject(dir)).filter((i) => i.code === "not-ready");

const MANIFEST = {
  client: {
    name: "Acme",
    contacts: [
      { name: "Oleg Ivanov", can_approve: true },
      { name: "Maria Lebedeva", role: "developer" },
    ],
  },
  tam: { name: "Irina Petrova" },
  service_manager: { name: "Pavel Orlov" },
} as unknown as Manifest;

describe("approval names a client decision maker", () => {
  it("accepts a decision maker (any case) or the CAB, refuses the provider's people, other contacts and strangers with did-you-mean", () => {
    expect(checkApprover("oleg  ivanov", MANIFEST)).toEqual({ ok: true, by: "Oleg Ivanov", via: "client" });
    expect(checkApprover("cab", MANIFEST)).toEqual({ ok: true, by: "CAB", via: "cab" });
    expect(checkApprover("Irina Petrova", MANIFEST)).toMatchObject({ ok: false, reason: expect.stringContaining("is the TAM, on the provider's side: not a client approval") });
    expect(checkApprover("Pavel Orlov", MANIFEST)).toMatchObject({ ok: false, reason: expect.stringContaining("service manager") });
    expect(checkApprover("Maria Lebedeva", MANIFEST)).toMatchObject({ ok: false, reason: expect.stringContaining("not marked as a decision maker (can_approve: true") });
    expect(checkApprover("Oleg Ivnaov", MANIFEST)).toMatchObject({ ok: false, reason: expect.stringContaining('did you mean "Oleg Ivanov"?') });
    expect(checkApprover("Somebody Unknown", MANIFEST)).toMatchObject({ ok: false, reason: expect.stringContaining("approval is by Oleg Ivanov or the CAB") });
  });

  it("tam change approve requires --by, refuses anyone but a decision maker or the CAB, and records the name as tam.yaml spells it", async () => {
    const dir = fixture();
    await plan(dir);
    await expect(approve(dir, { by: undefined })).rejects.toThrow(/--by is required/);
    await expect(approve(dir, { by: "Irina Petrova" })).rejects.toThrow(/provider's side/);
    await expect(approve(dir, { by: "Oleg Ivanov", via: "cab" })).rejects.toThrow(/--via cab does not match/);
    expect(changeOf(dir).status).toBe("planned");
    const r = await approve(dir, { by: "OLEG IVANOV" });
    expect(r).toMatchObject({ by: "Oleg Ivanov", to: "approved" });
    expect(changeOf(dir).approval).toMatchObject({ by: "Oleg Ivanov", via: "client" });
  });

  it("a wrong approver is corrected by a recorded correction with a reason, not rewritten", async () => {
    const dir = fixture();
    await plan(dir);
    // Recorded by hand (or by an older tam) with the TAM's name: validate says so, and how to correct it.
    await approve(dir);
    edit(dir, (t) => t.replace("by: Oleg Ivanov\n  at:", "by: Irina Petrova\n  at:"));
    expect(notReady(dir).map((i) => i.message)).toEqual([expect.stringContaining("readiness item approver fails")]);
    await expect(approve(dir, { correct: true, by: "CAB" })).rejects.toThrow(/--correct needs --reason/);
    const r = await approve(dir, { correct: true, by: "Oleg Ivanov", reason: "Oleg signed; Irina only forwarded the e-mail" });
    expect(r.corrected).toBe("Irina Petrova");
    const after = changeOf(dir);
    expect(after.approval).toMatchObject({ by: "Oleg Ivanov", via: "client" });
    expect(after.status).toBe("approved");
    expect(after.history!.at(-1)!.note).toBe("approval corrected: recorded as by Irina Petrova, approved by Oleg Ivanov: Oleg signed; Irina only forwarded the e-mail");
    expect(notReady(dir)).toEqual([]);
  });
});

describe("the gate on approval", () => {
  it("refuses to approve a change with no plan, even forced: a client cannot approve a promise that does not exist", async () => {
    const dir = fixture();
    await expect(approve(dir)).rejects.toThrow(/CHG-0001 cannot be approved: no plan: no tasks are written.*a promise that does not exist/);
    await expect(approve(dir, { force: true, reason: "urgent" })).rejects.toThrow(/cannot be approved: no plan/);
    expect(changeOf(dir).status).toBe("draft");
  });

  it("refuses while an item fails; --force needs --reason; forced, the items and the reason are recorded as an accepted risk", async () => {
    const dir = fixture();
    await plan(dir);
    edit(dir, (t) => t.replace(/^rollback: .*\n/m, ""));
    await expect(approve(dir)).rejects.toThrow(/CHG-0001 is not ready \(approval refused\): rollback: no rollback plan.*--force with a --reason/);
    await expect(approve(dir, { force: true })).rejects.toThrow(/--force needs --reason/);
    expect(changeOf(dir).status).toBe("planned");
    const r = await approve(dir, { force: true, reason: "the rollback is the vendor's; Oleg accepts it" });
    expect(r.accepted).toEqual({ items: ["rollback"], reason: "the rollback is the vendor's; Oleg accepts it" });
    const event = changeOf(dir).history!.at(-1)!;
    expect(event).toMatchObject({ status: "approved", by: "Oleg Ivanov", forced: "the rollback is the vendor's; Oleg accepts it", accepted: ["rollback"] });
    const check = checkChange({ project: dir, id: "CHG-0001", asOf: "2026-11-20" });
    expect(check.items.find((i) => i.id === "rollback")).toMatchObject({ state: "accepted", accepted: { by: "Oleg Ivanov", reason: "the rollback is the vendor's; Oleg accepts it" } });
    // An accepted risk is no validate finding; the work may start.
    expect(notReady(dir)).toEqual([]);
    await start(dir);
    expect(changeOf(dir).status).toBe("in-progress");
  });

  it("stores the baseline when none is stored, and keeps one that is", async () => {
    const dir = fixture();
    await plan(dir);
    const written = changeOf(dir).baseline!;
    edit(dir, (t) => t.slice(0, t.indexOf("baseline:")));
    expect(changeOf(dir).baseline).toBeUndefined();
    const r = await approve(dir);
    const stored = changeOf(dir).baseline!;
    expect(r.baseline).toEqual({ finish: stored.finish, internal: stored.internal, client: stored.client });
    expect(stored.recorded_at).toBe("2026-11-20T12:00:00+03:00");
    expect(stored.client >= stored.internal).toBe(true);

    const kept = fixture();
    await plan(kept);
    const r2 = await approve(kept);
    expect(r2.baseline).toBeUndefined();
    expect(changeOf(kept).baseline).toEqual(written);
  });
});

describe("the gate on the first work", () => {
  it("refuses the first task start while an item fails; --force --reason records the accepted risk in the change's history", async () => {
    const dir = fixture();
    await plan(dir);
    await approve(dir);
    edit(dir, (t) => t.replace(/^test_plan: .*\n/m, ""));
    // The hand edit that bypasses the gate is a validate error (the same item).
    expect(notReady(dir).map((i) => i.message)).toEqual([expect.stringContaining("readiness item test-plan fails: no test plan")]);
    await expect(start(dir)).rejects.toThrow(/CHG-0001 is not ready for work to start: test-plan: no test plan/);
    await expect(start(dir, "T1", { force: true })).rejects.toThrow(/--force needs --reason/);
    expect(changeOf(dir).tasks![0]!.status).toBe("todo");
    const u = await start(dir, "T1", { force: true, reason: "the client tests it with us on site" });
    expect(u.accepted).toEqual(["test-plan"]);
    const change = changeOf(dir);
    expect(change.status).toBe("in-progress");
    expect(change.history!.at(-1)).toMatchObject({ status: "in-progress", forced: "the client tests it with us on site", accepted: ["test-plan"] });
    expect(notReady(dir)).toEqual([]);
    // Later work is no first work: no gate.
    await start(dir, "T2", { force: true, reason: "order" });
  });

  it("an emergency change may start before its approval, never without its rollback plan unless forced", async () => {
    const dir = fixture();
    await plan(dir);
    edit(dir, (t) => t.replace("type: normal", "type: emergency").replace(/^rollback: .*\n/m, ""));
    await expect(start(dir)).rejects.toThrow(/not ready for work to start: rollback: no rollback plan/);
    const u = await start(dir, "T1", { force: true, reason: "the shop is down" });
    expect(u).toMatchObject({ to: "in-progress", accepted: ["rollback"] });
    expect(changeOf(dir).approval).toBeUndefined();

    const fine = fixture();
    await plan(fine);
    edit(fine, (t) => t.replace("type: normal", "type: emergency"));
    await start(fine);
    expect(changeOf(fine).status).toBe("in-progress");
  });

  it("a standard change is pre-approved and still needs its rollback plan", async () => {
    const dir = fixture();
    await plan(dir);
    edit(dir, (t) => t.replace("type: normal", "type: standard").replace(/^rollback: .*\n/m, ""));
    await expect(start(dir)).rejects.toThrow(/rollback: no rollback plan/);
    await expect(takeChangeStep({ project: dir, action: "start", id: "CHG-0001", by: "Igor", commit: false, asOf: "2026-11-23T10:00:00+03:00" })).rejects.toThrow(
      /approval refused|start of work refused/,
    );
    const r = await takeChangeStep({ project: dir, action: "start", id: "CHG-0001", by: "Igor", commit: false, asOf: "2026-11-23T10:00:00+03:00", force: true, reason: "catalogue item" });
    expect(r.accepted).toEqual({ items: ["rollback"], reason: "catalogue item" });
  });
});

describe("validate parity: every gate item that is a fact of the file is a validate finding on approved and in-progress changes", () => {
  const base: Change = {
    id: "CHG-0009",
    title: "t",
    type: "normal",
    status: "planned",
    scope: [{ component: "db", action: "modify" }],
    rollback: "restore",
    test_plan: "smoke",
    approval: { by: "Oleg Ivanov", at: "2026-11-20T10:00:00+03:00", via: "client" },
    tasks: [
      { id: "T1", title: "backup", department: "backup", kind: "backup", components: ["db"], status: "todo" },
      { id: "T2", title: "work", department: "dba", kind: "implementation", components: ["db"], after: ["T1"], status: "todo" },
    ],
  };
  const components = [{ id: "db", name: "DB", kind: "postgresql" }];
  const failing: Record<string, (c: Change) => Change> = {
    plan: (c) => ({ ...c, tasks: [], scope: [{ component: "db", action: "add" }] }),
    rollback: (c) => ({ ...c, rollback: undefined }),
    "test-plan": (c) => ({ ...c, test_plan: " " }),
    backup: (c) => ({
      ...c,
      tasks: [
        { ...c.tasks![1]!, after: [] },
        { ...c.tasks![0]!, after: ["T2"] },
      ],
    }),
    approver: (c) => ({ ...c, approval: { ...c.approval!, by: "Irina Petrova" } }),
  };
  it("covers every static item", () => {
    expect(Object.keys(failing).sort()).toEqual([...STATIC_READINESS_ITEMS].sort());
    expect(checkReadiness({ change: base, manifest: MANIFEST, components, timezone: "UTC", only: STATIC_READINESS_ITEMS }).items.every((i) => i.state === "pass")).toBe(true);
  });
  for (const [item, breakIt] of Object.entries(failing)) {
    it(`${item}: the gate fails it, validate reports it on approved and in-progress changes, and an accepted risk clears both`, async () => {
      const { validateProject } = await import("../../../src/domain/validation/index.js");
      const broken = breakIt(base);
      const gate = checkReadiness({ change: broken, manifest: MANIFEST, components, timezone: "UTC", only: STATIC_READINESS_ITEMS });
      expect(gate.items.filter((i) => i.state === "fail").map((i) => i.id)).toEqual([item]);
      const view = (change: Change) => ({ manifest: MANIFEST, departments: [], components, changes: [change], incidents: [], docs: [], where: () => ({ file: "changes/CHG-0009.yaml" }) });
      const findings = (change: Change) => validateProject(view(change) as never).filter((i) => i.code === "not-ready");
      expect(findings({ ...broken, status: "planned" })).toEqual([]);
      for (const status of ["approved", "in-progress"] as const) {
        expect(findings({ ...broken, status }).map((i) => [i.severity, i.message])).toEqual([["error", expect.stringContaining(`the readiness item ${item} fails`)]]);
      }
      const accepted = { ...broken, status: "in-progress" as const, history: [{ at: "2026-11-20T10:00:00+03:00", status: "in-progress" as const, by: "Igor", forced: "why", accepted: [item] }] };
      expect(findings(accepted)).toEqual([]);
      expect(checkReadiness({ change: accepted, manifest: MANIFEST, components, timezone: "UTC" }).items.find((i) => i.id === item)?.state).toBe("accepted");
    });
  }
});

describe("promises frozen at approval", () => {
  it("the promise stays the same across --as-of values after approval while the forecast moves", async () => {
    const dir = fixture();
    await plan(dir);
    // No baseline from the plan: the approval stores it.
    edit(dir, (t) => t.slice(0, t.indexOf("baseline:")));
    await approve(dir);
    const promised = changeOf(dir).baseline!;
    await start(dir);
    const project = loadProject(dir);
    const seen = new Map<string, { finish?: string; client?: string; internal?: string; notice?: string }>();
    for (const asOf of ["2026-11-23T12:00:00+03:00", "2026-11-27T12:00:00+03:00", "2026-12-04T12:00:00+03:00", "2026-12-11T12:00:00+03:00"]) {
      const now = Date.parse(asOf);
      const today = asOf.slice(0, 10);
      const row = projectStatus({ ...project, today, timezone: "Europe/Moscow", now }).changes.find((c) => c.id === "CHG-0001")!;
      const change = project.changes.find((c) => c.id === "CHG-0001")!;
      const notice = clientNotice({ ...project, change, today, timezone: "Europe/Moscow", now });
      seen.set(asOf, { finish: row.plannedFinish, client: row.clientDate, internal: row.internalDate, notice: notice.promise?.date });
      expect(row.fromBaseline).toBe(true);
    }
    const rows = [...seen.values()];
    // T1 started on 11-23 and never finished: the forecast moves on every run...
    expect(new Set(rows.map((r) => r.finish)).size).toBeGreaterThan(1);
    // ...and the promise never does, in status and in the client notice.
    for (const r of rows) expect(r).toMatchObject({ client: promised.client, internal: promised.internal, notice: promised.client });
  });

  it("tam change rebaseline moves it as a recorded act with a reason; tam status lists it until a notice is sent", async () => {
    const dir = fixture();
    await plan(dir);
    await approve(dir);
    const before = changeOf(dir).baseline!;
    await expect(rebaselineChange({ project: dir, id: "CHG-0001", commit: false, asOf: "2026-12-01" })).rejects.toThrow(/--reason is required/);
    const r = await rebaselineChange({ project: dir, id: "CHG-0001", by: "Irina Petrova", reason: "the VMware licence came two weeks late", commit: false, asOf: "2026-12-10" });
    const change = changeOf(dir);
    expect(r).toMatchObject({ from: before.client, to: change.baseline!.client });
    expect(change.baseline).toMatchObject({ reason: "the VMware licence came two weeks late", previous_client: before.client, recorded_at: "2026-12-10T23:59:59+03:00" });
    expect(change.baseline!.client > before.client).toBe(true);
    expect(change.history!.at(-1)).toMatchObject({
      status: "approved",
      by: "Irina Petrova",
      note: expect.stringContaining(`rebaselined: promised to the client ${before.client} → ${change.baseline!.client}`),
    });
    const status = (d: string) => projectStatus({ ...loadProject(d), today: "2026-12-11", timezone: "Europe/Moscow" }).changes[0]!;
    expect(status(dir).untold).toEqual([{ id: "promise", why: "rebaselined" }]);
    const out: string[] = [];
    await runChangeNotify({ project: dir }, "CHG-0001", { format: "text", by: "Irina Petrova", commit: false, asOf: "2026-12-11T10:00:00+03:00" }, { out: (t) => out.push(t), err: () => {} });
    expect(out.join("\n")).toContain(`The promised date moved from ${before.client} to ${change.baseline!.client}: the VMware licence came two weeks late.`);
    expect(status(dir).untold).toEqual([]);
  });
});

describe("tam change check on the example", () => {
  const example = fixture(EXAMPLE);
  const check = (id: string) => checkChange({ project: example, id, asOf: "2026-11-20" });
  it("every open change passes or fails for a visible reason", () => {
    const fails = (id: string) =>
      check(id)
        .items.filter((i) => i.state === "fail")
        .map((i) => i.id);
    expect(check("CHG-0002").verdict).toBe("go");
    expect(fails("CHG-0003")).toEqual(["plan", "approver", "forecast"]);
    expect(check("CHG-0003").verdict).toBe("no-go");
    expect(check("CHG-0006")).toMatchObject({ verdict: "ready-for-approval" });
    expect(fails("CHG-0006")).toEqual(["approver"]);
    // CHG-0004 carries the example's accepted risk: approved by Elena Smirnova without a rollback plan or a backup of the pool.
    const chg4 = check("CHG-0004");
    expect(chg4.verdict).toBe("go");
    expect(chg4.items.filter((i) => i.state === "accepted").map((i) => [i.id, i.accepted?.by])).toEqual([
      ["rollback", "Elena Smirnova"],
      ["backup", "Elena Smirnova"],
    ]);
    const notice = clientNotice({ ...loadProject(example), change: changeOf(example, "CHG-0004"), today: "2026-11-20", timezone: "Europe/Moscow", now: Date.parse("2026-11-20T12:00:00+03:00") });
    expect(notice.acceptedRisks).toEqual([expect.objectContaining({ items: ["rollback", "backup"], by: "Elena Smirnova" })]);
  });

  it("a blackout in the window, a conflict on the same component and a forecast past the due date fail their items", () => {
    const dir = fixture(EXAMPLE);
    // CHG-0006 in the Black Friday freeze, due before its forecast.
    edit(
      dir,
      (t) => t.replace("due: 2026-12-18", "due: 2026-11-24").replace("  start: 2026-12-02T10:00:00+03:00", "  start: 2026-11-26T10:00:00+03:00\n  end: 2026-11-28T18:00:00+03:00"),
      "changes/CHG-0006.yaml",
    );
    const items = checkChange({ project: dir, id: "CHG-0006", asOf: "2026-11-20" }).items;
    const why = (id: string) => items.find((i) => i.id === id)!;
    expect(why("blackout")).toMatchObject({ state: "fail", why: expect.stringContaining("the window is in the blackout 2026-11-27..2026-11-30 (Black Friday / Cyber Monday freeze)") });
    expect(why("forecast")).toMatchObject({ state: "fail", why: expect.stringContaining("is after the due date 2026-11-24") });

    // CHG-0006 now, on the load balancer CHG-0002 works on until its forecast finish.
    const other = fixture(EXAMPLE);
    edit(
      other,
      (t) =>
        t
          .replace("  start: 2026-12-02T10:00:00+03:00", "  start: 2026-11-20T10:00:00+03:00")
          .replace("  - component: reporting-db\n    action: remove", "  - component: lb\n    action: modify\n  - component: reporting-db\n    action: remove"),
      "changes/CHG-0006.yaml",
    );
    const conflict = checkChange({ project: other, id: "CHG-0006", asOf: "2026-11-20" }).items.find((i) => i.id === "conflict")!;
    expect(conflict).toMatchObject({ state: "fail", why: expect.stringContaining("CHG-0002 (in-progress, 2026-11-10 → 2026-11-23) also works on lb") });
  });
});

describe("blackouts and the window at the moment of work", () => {
  const FREEZE = "blackouts:\n  - { id: sale, from: 2026-11-25T00:00:00+03:00, to: 2026-11-26T00:00:00+03:00, reason: Autumn sale }\n";
  async function ready(): Promise<{ dir: string; next: string }> {
    const dir = fixture();
    await plan(dir);
    await approve(dir);
    await start(dir, "T1");
    // The client asks for a freeze after the work started.
    edit(dir, (t) => t + FREEZE, "tam.yaml");
    await updateTask({ project: dir, action: "done", ref: "CHG-0001/T1", by: "Igor", commit: false, asOf: "2026-11-24T10:00:00+03:00" });
    const tasks = changeOf(dir).tasks!;
    const next = tasks.find((t) => t.status === "todo" && (t.after ?? []).every((a) => tasks.find((x) => x.id === a)?.status === "done"))!;
    return { dir, next: next.id };
  }
  const during = "2026-11-25T10:00:00+03:00";

  it("refuses a start inside a blackout; --force --reason records it in the task's history", async () => {
    const { dir, next } = await ready();
    await expect(start(dir, next, { asOf: during })).rejects.toThrow(/cannot start now: 2026-11-25 10:00 is in the blackout 2026-11-25\.\.2026-11-25 \(Autumn sale\): record an exception/);
    const u = await start(dir, next, { asOf: during, force: true, reason: "the client asked for it during the sale" });
    expect(u.forced).toBe("started while 2026-11-25 10:00 is in the blackout 2026-11-25..2026-11-25 (Autumn sale): the client asked for it during the sale");
  });

  it("allows it when the change records an exception for the blackout", async () => {
    const { dir, next } = await ready();
    edit(dir, (t) => t.replace("status: in-progress\n", "status: in-progress\nblackout_exceptions:\n  - { blackout: sale, agreed_by: Oleg Ivanov, agreed_at: 2026-11-20 }\n"));
    const u = await start(dir, next, { asOf: during });
    expect(u).toMatchObject({ to: "in-progress" });
    expect(u.forced).toBeUndefined();
  });

  it("refuses a start before the change's window opens or after it closed", async () => {
    const dir = fixture();
    await plan(dir);
    await approve(dir);
    await expect(start(dir, "T1", { asOf: "2026-11-22T10:00:00+03:00" })).rejects.toThrow(/cannot start now: 2026-11-22 10:00 is before CHG-0001's window opens \(2026-11-23 09:00\)/);
    edit(dir, (t) => t.replace("  start: 2026-11-23T09:00:00+03:00", "  start: 2026-11-23T09:00:00+03:00\n  end: 2026-11-23T18:00:00+03:00"));
    await expect(start(dir, "T1", { asOf: "2026-11-24T10:00:00+03:00" })).rejects.toThrow(/is after CHG-0001's window closed \(2026-11-23 18:00\): agree a new window/);
  });
});
