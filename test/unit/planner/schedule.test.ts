// Hand-checked schedules of the one engine (scheduleProject). 2026-11-02 is a Monday; the
// business calendar works 09:00-18:00 (9 h, so 1d = 9 working hours).
import { describe, expect, it } from "vitest";
import { planChange, scheduleProject, type ScheduleInput } from "../../../src/domain/planner/index.js";
import type { Change, Department, Manifest, Task } from "../../../src/model/files.js";
import { formatZoned } from "../../../src/domain/zoned-timestamp.js";

const H = 3_600_000;
const MON_FRI = { mon: ["09:00-18:00"], tue: ["09:00-18:00"], wed: ["09:00-18:00"], thu: ["09:00-18:00"], fri: ["09:00-18:00"] };
const manifest = (extra: Partial<Manifest> = {}): Manifest => ({ format: 1, timezone: "UTC", calendars: { business: { hours: MON_FRI } }, ...extra }) as unknown as Manifest;
const dept = (id: string, more: Partial<Department> = {}): Department => ({ id, name: id, calendar: "business", ...more });
const task = (id: string, more: Partial<Task> = {}): Task => ({ id, title: id, department: "unix", status: "todo", estimate: "1d", ...more });
const change = (tasks: Task[], more: Partial<Change> = {}): Change => ({ id: "CHG-0001", title: "c", type: "normal", status: "planned", scope: [], tasks, ...more });
const at = (text: string) => Date.parse(text);

function run(changes: Change[], more: Partial<ScheduleInput> = {}) {
  return scheduleProject({ manifest: manifest(), departments: [dept("unix"), dept("network")], changes, now: at("2026-11-02T09:00:00Z"), timezone: "UTC", ...more });
}
const byId = (s: ReturnType<typeof run>, change = "CHG-0001") => new Map(s.byId.get(change)!.tasks.map((t) => [t.id, t]));

describe("working time", () => {
  it("puts two 2-hour tasks of one department in one day", () => {
    const tasks = byId(run([change([task("T1", { estimate: "2h" }), task("T2", { estimate: "2h", after: ["T1"] })])]));
    expect(formatZoned(tasks.get("T1")!.start!, "UTC")).toBe("2026-11-02T09:00:00+00:00");
    expect(formatZoned(tasks.get("T2")!.start!, "UTC")).toBe("2026-11-02T11:00:00+00:00");
    expect(formatZoned(tasks.get("T2")!.finish!, "UTC")).toBe("2026-11-02T13:00:00+00:00");
    expect([tasks.get("T1")!.finishDate, tasks.get("T2")!.finishDate]).toEqual(["2026-11-02", "2026-11-02"]);
  });

  it("moves the finish of a chain by the working time of a blackout in its middle, with no work inside it", () => {
    const chain = [task("T1"), task("T2", { after: ["T1"] }), task("T3", { after: ["T2"] })];
    const plain = run([change(chain)]).byId.get("CHG-0001")!;
    // Tue 12:00 to Wed 12:00: 6 h on Tuesday and 3 h on Wednesday, one working day.
    const blackout = { from: "2026-11-03T12:00:00Z", to: "2026-11-04T12:00:00Z" };
    const frozen = run([change(chain)], { manifest: manifest({ blackouts: [blackout] }) }).byId.get("CHG-0001")!;
    expect(formatZoned(plain.finish!, "UTC")).toBe("2026-11-04T18:00:00+00:00");
    expect(formatZoned(frozen.finish!, "UTC")).toBe("2026-11-05T18:00:00+00:00");
    const t2 = frozen.tasks.find((t) => t.id === "T2")!;
    // T2 works Tue 09-12, stops for the blackout and finishes Wed 12-18.
    expect(formatZoned(t2.start!, "UTC")).toBe("2026-11-03T09:00:00+00:00");
    expect(formatZoned(t2.finish!, "UTC")).toBe("2026-11-04T18:00:00+00:00");
    for (const t of frozen.tasks) {
      for (const instant of [t.start!, t.finish!]) expect(instant > at(blackout.from) && instant < at(blackout.to)).toBe(false);
    }
  });

  it("lets a change with a recorded exception, or an emergency where allowed, work through a blackout", () => {
    const blackout = { id: "freeze", from: "2026-11-02T00:00:00Z", to: "2026-11-03T00:00:00Z" };
    const frozen = run([change([task("T1")])], { manifest: manifest({ blackouts: [blackout] }) });
    expect(byId(frozen).get("T1")!.startDate).toBe("2026-11-03");
    const excepted = change([task("T1")], { blackout_exceptions: [{ blackout: "freeze", agreed_by: "Elena", agreed_at: "2026-10-30" }] });
    expect(byId(run([excepted], { manifest: manifest({ blackouts: [blackout] }) })).get("T1")!.startDate).toBe("2026-11-02");
    const byDate = change([task("T1")], { blackout_exceptions: [{ blackout: "2026-11-02", agreed_by: "Elena", agreed_at: "2026-10-30" }] });
    expect(byId(run([byDate], { manifest: manifest({ blackouts: [blackout] }) })).get("T1")!.startDate).toBe("2026-11-02");
    const emergency = change([task("T1")], { type: "emergency" });
    expect(byId(run([emergency], { manifest: manifest({ blackouts: [blackout] }) })).get("T1")!.startDate).toBe("2026-11-03");
    expect(byId(run([emergency], { manifest: manifest({ blackouts: [{ ...blackout, allow_emergency: true }] }) })).get("T1")!.startDate).toBe("2026-11-02");
  });

  it("gives a department without a calendar the project's business calendar with its holidays", () => {
    const m = manifest({ calendars: { business: { hours: MON_FRI, holidays: ["2026-11-04"] } } } as Partial<Manifest>);
    const s = run([change([task("T1", { department: "backup" })])], { manifest: m, departments: [{ id: "backup", name: "B" }], now: at("2026-11-04T08:00:00Z") });
    expect(byId(s).get("T1")!.startDate).toBe("2026-11-05");
    expect(byId(s).get("T1")!.calendar).toBe("business");
  });

  it("keeps a department in America/New_York on its wall clock across the US DST weekend", () => {
    const m = manifest({
      calendars: { ny: { timezone: "America/New_York", hours: { mon: ["09:00-17:00"], tue: ["09:00-17:00"], wed: ["09:00-17:00"], thu: ["09:00-17:00"], fri: ["09:00-17:00"] } } },
    } as Partial<Manifest>);
    // Friday 30 Oct 09:00 EDT; DST ends Sunday 1 Nov. 2d = 16 h: Friday and Monday.
    const s = run([change([task("T1", { department: "ny", estimate: "2d" })])], { manifest: m, departments: [dept("ny", { calendar: "ny" })], now: at("2026-10-30T13:00:00Z") });
    const t1 = byId(s).get("T1")!;
    expect(formatZoned(t1.start!, "America/New_York")).toBe("2026-10-30T09:00:00-04:00");
    expect(formatZoned(t1.finish!, "America/New_York")).toBe("2026-11-02T17:00:00-05:00");
    expect([t1.startDate, t1.finishDate, t1.zone]).toEqual(["2026-10-30", "2026-11-02", "America/New_York"]);
  });
});

describe("promises", () => {
  it("pads the working time, not whole days: a 30-minute change is promised within the day", () => {
    const c = run([change([task("T1", { estimate: "30m" })], { type: "emergency" })]).byId.get("CHG-0001")!;
    expect(c.promise).toMatchObject({ internalWork: "1h", clientWork: "1h 30m", internalDate: "2026-11-02", clientDate: "2026-11-02", fromBaseline: false });
  });
});

describe("capacity", () => {
  it("runs three parallel 1-day tasks of a capacity-1 department one after another: three working days", () => {
    const s = run([change([task("T1"), task("T2"), task("T3")])], { departments: [dept("unix", { capacity: 1 })] });
    const c = s.byId.get("CHG-0001")!;
    expect(c.finishDate).toBe("2026-11-04");
    expect(c.tasks.map((t) => t.startDate).sort()).toEqual(["2026-11-02", "2026-11-03", "2026-11-04"]);
    expect(c.tasks.filter((t) => t.waitedFor).length).toBe(2);
    // After levelling, the chain of waits is the critical path.
    expect(c.criticalPath).toHaveLength(3);
  });

  it("gives a busy department to the change due first when the changes are equally far along", () => {
    const later = change([task("T1")], { id: "CHG-0001", due: "2026-12-20" });
    const sooner = change([task("T1")], { id: "CHG-0002", due: "2026-11-10" });
    const s = run([later, sooner], { departments: [dept("unix", { capacity: 1 })] });
    expect(byId(s, "CHG-0002").get("T1")!.startDate).toBe("2026-11-02");
    expect(byId(s, "CHG-0001").get("T1")).toMatchObject({ startDate: "2026-11-03", waitedFor: "CHG-0002/T1" });
  });

  it("lets an in-progress task hold its slot: a capacity-1 department starts the next task after it", () => {
    const running = task("T1", { status: "in-progress", estimate: "4h", history: [{ at: "2026-11-02T09:00:00Z", status: "in-progress" }] });
    const s = run([change([running, task("T2")])], { departments: [dept("unix", { capacity: 1 })], now: at("2026-11-02T10:00:00Z") });
    // T1 has 3 h left (10:00-13:00); T2 takes the department at 13:00 and finishes Tuesday 13:00.
    expect(formatZoned(byId(s).get("T2")!.start!, "UTC")).toBe("2026-11-02T13:00:00+00:00");
    expect(formatZoned(byId(s).get("T2")!.finish!, "UTC")).toBe("2026-11-03T13:00:00+00:00");
  });

  it("gives a busy department to the further-approved change first, across changes", () => {
    const a = change([task("T1")], { id: "CHG-0001", status: "draft" });
    const b = change([task("T1")], { id: "CHG-0002", status: "in-progress" });
    const s = run([a, b], { departments: [dept("unix", { capacity: 1 })] });
    expect(byId(s, "CHG-0002").get("T1")!.startDate).toBe("2026-11-02");
    expect(byId(s, "CHG-0001").get("T1")!.startDate).toBe("2026-11-03");
  });
});

describe("actuals first", () => {
  it("shifts the successors of a task done two days late", () => {
    const t1 = task("T1", {
      status: "done",
      history: [
        { at: "2026-11-02T09:00:00Z", status: "in-progress" },
        { at: "2026-11-04T18:00:00Z", status: "done" },
      ],
    });
    const s = run([change([t1, task("T2", { after: ["T1"] })])], { now: at("2026-11-03T09:00:00Z") });
    const tasks = byId(s);
    expect([tasks.get("T1")!.startDate, tasks.get("T1")!.finishDate]).toEqual(["2026-11-02", "2026-11-04"]);
    expect(tasks.get("T2")!.startDate).toBe("2026-11-05");
  });

  it("calls an in-progress task past its estimate late, by how much, and gives it at least an hour more", () => {
    const t1 = task("T1", { status: "in-progress", history: [{ at: "2026-11-02T09:00:00Z", status: "in-progress" }] });
    const s = run([change([t1])], { now: at("2026-11-04T12:00:00Z") });
    const late = byId(s).get("T1")!;
    // 9 + 9 + 3 = 21 h worked on a 9 h estimate.
    expect(late.late).toEqual({ byMs: 12 * H, why: "over-estimate" });
    expect(formatZoned(late.finish!, "UTC")).toBe("2026-11-04T13:00:00+00:00");
    expect(s.findings.find((f) => f.code === "task-late")!.message).toContain("late by 1d 3h");
  });

  it("keeps a done T1 at its recorded dates when the change is planned again", () => {
    const components = [
      { id: "vlan", name: "vlan", kind: "vlan" },
      { id: "vm", name: "vm", kind: "vm", depends_on: ["vlan"] },
    ];
    const departments = [dept("network", { owns: ["vlan"] }), dept("virt", { owns: ["vm"] })];
    const m = manifest({ followups: { backup: { enabled: false }, monitoring: { enabled: false }, security: { enabled: false }, documentation: { enabled: false } } } as Partial<Manifest>);
    const draft = change([], {
      status: "draft",
      scope: [
        { component: "vlan", action: "add" },
        { component: "vm", action: "add" },
      ],
      rollback: "x",
    });
    const base = { manifest: m, departments, components, docs: [], where: () => ({ file: "c.yaml" }), timezone: "UTC" };
    const first = planChange({ ...base, change: draft, changes: [draft], today: "2026-11-02", now: at("2026-11-02T09:00:00Z") });
    const written: Task[] = first.tasks.map((t) => ({ id: t.id, title: t.title, department: t.department, kind: t.kind, components: t.components, after: t.after, origin: "planner", status: "todo" }));
    written[0] = {
      ...written[0]!,
      status: "done",
      history: [
        { at: "2026-11-02T09:00:00Z", status: "in-progress" },
        { at: "2026-11-03T15:00:00Z", status: "done" },
      ],
    };
    const planned = { ...draft, status: "planned" as const, tasks: written };
    const again = planChange({ ...base, change: planned, changes: [planned], today: "2026-11-05", now: at("2026-11-05T09:00:00Z") });
    const t1 = again.schedule.tasks.find((t) => t.id === "T1")!;
    expect(formatZoned(t1.start!, "UTC")).toBe("2026-11-02T09:00:00+00:00");
    expect(formatZoned(t1.finish!, "UTC")).toBe("2026-11-03T15:00:00+00:00");
    expect(again.schedule.tasks.find((t) => t.id === "T2")!.startDate).toBe("2026-11-05");
  });
});

describe("signals", () => {
  it("gives a window shorter than the work and a past due date each their own finding", () => {
    const c = change([task("T1")], { due: "2026-10-30", window: { start: "2026-11-02T09:00:00Z", end: "2026-11-02T13:00:00Z" } });
    const s = run([c]);
    const codes = s.findings.map((f) => f.code);
    expect(codes).toContain("window-overflow");
    expect(codes).toContain("past-due");
    // 9 h of work in a 4 h window: 5 h run past it.
    expect(s.findings.find((f) => f.code === "window-overflow")!.message).toContain("5h of working time runs past it");
    expect(s.findings.find((f) => f.code === "past-due")!.message).toContain("by 3 days");
    expect(s.findings.find((f) => f.code === "past-due")!.severity).toBe("error");
  });

  it("says a due date before the earliest possible finish is impossible, and a levelled delay past it is at risk", () => {
    const impossible = run([change([task("T1", { estimate: "3d" })], { due: "2026-11-03" })]);
    expect(impossible.findings.map((f) => f.code)).toContain("impossible");
    const busy = run([change([task("T1")], { id: "CHG-0001", status: "in-progress" }), change([task("T1")], { id: "CHG-0002", due: "2026-11-02" })], { departments: [dept("unix", { capacity: 1 })] });
    expect(busy.byId.get("CHG-0002")!.findings.map((f) => f.code)).toEqual(["at-risk"]);
  });

  it("compares the forecast with the baseline: slip per task and for the change", () => {
    const c = change([task("T1", { status: "in-progress", history: [{ at: "2026-11-02T09:00:00Z", status: "in-progress" }] })], {
      baseline: {
        recorded_at: "2026-10-30T10:00:00Z",
        start: "2026-11-02T09:00:00Z",
        finish: "2026-11-02T18:00:00Z",
        internal: "2026-11-03",
        client: "2026-11-04",
        tasks: { T1: { start: "2026-11-02T09:00:00Z", finish: "2026-11-02T18:00:00Z" } },
      },
    });
    const s = run([c], { now: at("2026-11-05T12:00:00Z") });
    const row = s.byId.get("CHG-0001")!;
    expect(row.promise).toMatchObject({ fromBaseline: true, clientDate: "2026-11-04" });
    expect(row.slipDays).toBeGreaterThan(2);
    expect(row.tasks[0]!.late!.why).toBe("over-estimate");
    expect(row.findings.filter((f) => f.code === "at-risk")[0]!.message).toContain("promised to the client (2026-11-04)");
  });
});

describe("hostile input", () => {
  it("reports work that no calendar can place within ten years instead of drawing it at the end of time", () => {
    const m = manifest({ calendars: { business: { hours: MON_FRI }, never: { hours: {} } }, blackouts: [{ from: "2026-01-01T00:00:00Z", to: "2099-01-01T00:00:00Z" }] } as Partial<Manifest>);
    const s = run([change([task("T1", { estimate: "9999w" }), task("T2", { after: ["T1"] })])], { manifest: m });
    const c = s.byId.get("CHG-0001")!;
    expect(c.tasks.map((t) => [t.id, t.startDate, t.unschedulable])).toEqual([
      ["T1", null, true],
      ["T2", null, true],
    ]);
    expect(c.finishDate).toBeNull();
    expect(s.findings.map((f) => f.code)).toEqual(["unschedulable", "unschedulable"]);
  });

  it("counts at most ten years of work for a task in progress since year 1000", () => {
    // The earliest supported instant (dates.ts: years 1000-9999; year 1 is not read at all).
    const t1 = task("T1", { status: "in-progress", history: [{ at: "1000-01-01T00:00:00Z", status: "in-progress" }] });
    const c = run([change([t1])]).byId.get("CHG-0001")!;
    expect(c.tasks[0]!.late!.why).toBe("over-estimate");
    expect(c.finishDate).toBe("2026-11-02");
  });
});

describe("scale", () => {
  it("levels a 5,000-task chain without overflowing the stack", () => {
    const tasks = Array.from({ length: 5000 }, (_, i) => task(`T${i + 1}`, { estimate: "1h", ...(i ? { after: [`T${i}`] } : {}) }));
    const s = run([change(tasks)], { departments: [dept("unix", { capacity: 1 })] });
    expect(s.byId.get("CHG-0001")!.tasks).toHaveLength(5000);
  });
});

// Issue 25, point 4: a window says when work may happen, the department's calendar when its people work.
describe("change windows and department calendars", () => {
  const ids = (s: ReturnType<typeof run>) => byId(s);
  const z = (t: number | null) => formatZoned(t!, "UTC");
  const docs = dept("design-center");

  it("a multi-day window in working hours does not make nights working time: three 1-day tasks need three working days", () => {
    // Tue 2026-11-03 09:00 to Wed 2026-11-04 17:00, on a Mon-Fri 09:00-17:00 calendar.
    const nineToFive = manifest({ calendars: { business: { hours: Object.fromEntries(Object.keys(MON_FRI).map((d) => [d, ["09:00-17:00"]])) } } } as Partial<Manifest>);
    const chain = [task("T1"), task("T2", { after: ["T1"] }), task("T3", { after: ["T2"] })];
    const s = run([change(chain, { window: { start: "2026-11-03T09:00:00Z", end: "2026-11-04T17:00:00Z" } })], { manifest: nineToFive });
    const t = ids(s);
    expect([z(t.get("T1")!.start), z(t.get("T1")!.finish)]).toEqual(["2026-11-03T09:00:00+00:00", "2026-11-03T17:00:00+00:00"]);
    expect([z(t.get("T2")!.start), z(t.get("T2")!.finish)]).toEqual(["2026-11-04T09:00:00+00:00", "2026-11-04T17:00:00+00:00"]);
    expect([z(t.get("T3")!.start), z(t.get("T3")!.finish)]).toEqual(["2026-11-05T09:00:00+00:00", "2026-11-05T17:00:00+00:00"]);
    const overflow = s.findings.find((f) => f.code === "window-overflow");
    expect(overflow?.message).toContain("1d of working time runs past it");
  });

  it("an out-of-hours window (Saturday 22:00 to Sunday 04:00) is working time for the work in it", () => {
    const s = run([change([task("T1", { estimate: "4h" })], { window: { start: "2026-11-07T22:00:00Z", end: "2026-11-08T04:00:00Z" } })]);
    const t1 = ids(s).get("T1")!;
    expect([z(t1.start), z(t1.finish)]).toEqual(["2026-11-07T22:00:00+00:00", "2026-11-08T02:00:00+00:00"]);
    expect(s.findings.map((f) => f.code)).not.toContain("window-overflow");
  });

  it("an explicit out_of_hours: false keeps the department's hours inside a window that lies outside them", () => {
    const s = run([change([task("T1", { estimate: "4h" })], { window: { start: "2026-11-07T22:00:00Z", end: "2026-11-08T04:00:00Z", out_of_hours: false } })]);
    const t1 = ids(s).get("T1")!;
    expect(z(t1.start)).toBe("2026-11-09T09:00:00+00:00");
    expect(s.findings.map((f) => f.code)).toContain("window-overflow");
  });

  it("the documentation after a night window follows its department's calendar and is not window work", () => {
    // A 1-hour VMware tools upgrade in a 23:00-01:00 night window, then the documentation (1d).
    const tasks = [task("T1", { estimate: "1h", kind: "implementation" }), task("T2", { department: "design-center", kind: "documentation", after: ["T1"] })];
    const s = run([change(tasks, { window: { start: "2026-11-03T23:00:00Z", end: "2026-11-04T01:00:00Z" } })], { departments: [dept("unix"), docs] });
    const t = ids(s);
    expect([z(t.get("T1")!.start), z(t.get("T1")!.finish)]).toEqual(["2026-11-03T23:00:00+00:00", "2026-11-04T00:00:00+00:00"]);
    expect([z(t.get("T2")!.start), z(t.get("T2")!.finish)]).toEqual(["2026-11-04T09:00:00+00:00", "2026-11-04T18:00:00+00:00"]);
    expect(s.findings.map((f) => f.code)).not.toContain("window-overflow");
  });
});
