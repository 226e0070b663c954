// `tam change plan`, `tam status` and `tam report` take their dates from one engine: for every open
// change of the example, once its plan is written, the three give the same finish date.
import { describe, expect, it } from "vitest";
import { planChange } from "../../../src/domain/planner/index.js";
import { buildClientReport } from "../../../src/domain/report/build.js";
import { projectStatus } from "../../../src/domain/tracking/status.js";
import { resolveClock } from "../../../src/domain/clock.js";
import type { FreshnessReport } from "../../../src/domain/freshness/index.js";
import { resolvePeriod } from "../../../src/domain/sla/period.js";
import { OPEN_CHANGE_STATUSES, type Change, type Task } from "../../../src/model/files.js";
import { loadProject } from "../../../src/project/load.js";
import { EXAMPLE } from "../../helpers/run.js";

const project = loadProject(EXAMPLE);
const clock = resolveClock("2026-11-20", project.manifest!.timezone, 0);
if (typeof clock === "string") throw new Error(clock);
const noDocs = {
  today: clock.today,
  history: { available: false, reason: null },
  settings: { reviewInterval: "180d", warnWithin: "14d" },
  docs: [],
  counts: { fresh: 0, due: 0, stale: 0, broken: 0 },
  coverage: { uncovered: [] },
} as unknown as FreshnessReport;

function plan(change: Change, changes: readonly Change[]) {
  return planChange({ ...project, change, changes, where: project.where, today: clock.today, timezone: clock.timezone, now: clock.now });
}

/** The example as it is after `tam change plan --write` of every open change (in memory). */
function written(): Change[] {
  let changes = project.changes.map((c) => ({ ...c }));
  for (const change of changes.filter((c) => OPEN_CHANGE_STATUSES.includes(c.status))) {
    const tasks: Task[] = plan(change, changes).tasks.map(({ existingIndex: _i, unchanged: _u, kind, ...task }) => ({ ...task, kind }));
    changes = changes.map((c) => (c.id === change.id ? { ...c, status: c.status === "draft" ? "planned" : c.status, tasks } : c));
  }
  return changes;
}

describe("one schedule for plan, status and report", () => {
  it("gives the same finish date for every open change of the example", () => {
    const changes = written();
    const status = projectStatus({ changes, departments: project.departments, manifest: project.manifest, today: clock.today, timezone: clock.timezone, now: clock.now });
    const period = resolvePeriod({ period: "2026-10" }, clock.today, clock.timezone);
    if (typeof period === "string") throw new Error(period);
    const edition = (audience: "client" | "internal") =>
      buildClientReport({
        ...project,
        manifest: project.manifest!,
        changes,
        freshness: noDocs,
        period,
        audience,
        now: clock.now,
        today: clock.today,
        timezone: clock.timezone,
        where: project.where,
      });
    // The internal edition shows the forecast; the client edition the date promised to the client.
    const report = edition("internal");
    const promised = new Map([...edition("client").changes.inProgress, ...edition("client").changes.planned].map((l) => [l.id, l.promised]));
    const reportLines = new Map([...report.changes.inProgress, ...report.changes.planned].map((l) => [l.id, l.finish]));
    const open = changes.filter((c) => OPEN_CHANGE_STATUSES.includes(c.status));
    expect(open.length).toBeGreaterThanOrEqual(3);
    for (const change of open) {
      const planned = plan(change, changes);
      expect(planned.diff.added, `${change.id} re-plans without new tasks`).toEqual([]);
      const finish = planned.schedule.finishDate;
      expect(finish, change.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(status.changes.find((c) => c.id === change.id)!.plannedFinish, `${change.id} in status`).toBe(finish);
      expect(reportLines.get(change.id), `${change.id} in the report`).toBe(finish);
      expect(promised.get(change.id), `${change.id} promised in the client report`).toBe(planned.estimates.clientDate);
      // The report's gantt ends on the same day (Mermaid's end is exclusive, the data is not).
      const bars = report.gantt.filter((g) => g.change === change.id);
      expect(
        bars.reduce((max, b) => (b.finish > max ? b.finish : max), ""),
        `${change.id} in the gantt`,
      ).toBe(finish);
    }
  });
});
