// The report's dates for an unplanned change come from proposedSchedule, not from a whole
// planChange: the two must give the same schedule (the report just skips the plan's checks), and
// scheduling with `only` must describe that change exactly as scheduling every change does.
import { describe, expect, it } from "vitest";
import { planChange, proposedSchedule, scheduleProject } from "../../../src/domain/planner/index.js";
import { resolveClock } from "../../../src/domain/clock.js";
import { OPEN_CHANGE_STATUSES, type Change } from "../../../src/model/files.js";
import { loadProject } from "../../../src/project/load.js";
import { EXAMPLE } from "../../helpers/run.js";

const project = loadProject(EXAMPLE);
const clock = resolveClock("2026-11-20", project.manifest!.timezone, 0);
if (typeof clock === "string") throw new Error(clock);

const inputFor = (change: Change, changes: readonly Change[]) => ({ ...project, change, changes, where: project.where, today: clock.today, timezone: clock.timezone, now: clock.now });

/** The example as it is, and with no task written in any change (every open change proposed). */
const variants: [string, Change[]][] = [
  ["as written", project.changes],
  ["nothing written", project.changes.map((c) => (OPEN_CHANGE_STATUSES.includes(c.status) ? { ...c, tasks: [] } : c))],
];

describe("proposedSchedule", () => {
  for (const [name, changes] of variants) {
    it(`gives planChange's schedule, without its findings (${name})`, () => {
      const open = changes.filter((c) => OPEN_CHANGE_STATUSES.includes(c.status) && !(c.tasks ?? []).length);
      expect(open.length).toBeGreaterThanOrEqual(1);
      for (const change of open) {
        const planned = planChange(inputFor(change, changes)).schedule;
        expect(planned.tasks.length, change.id).toBeGreaterThan(0);
        expect(proposedSchedule(inputFor(change, changes)), change.id).toEqual({ ...planned, findings: [] });
      }
    });
  }
});

describe("scheduleProject with only", () => {
  it("describes that change as the whole project's schedule does, and no other", () => {
    const base = { manifest: project.manifest, departments: project.departments, changes: project.changes, now: clock.now, timezone: clock.timezone, openOnly: true, where: project.where };
    const all = scheduleProject(base);
    expect(all.changes.length).toBeGreaterThanOrEqual(3);
    for (const { id } of all.changes) {
      const one = scheduleProject({ ...base, only: id });
      expect(one.changes.map((c) => c.id)).toEqual([id]);
      expect(one.byId.get(id), id).toEqual(all.byId.get(id));
    }
  });
});
