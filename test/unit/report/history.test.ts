import { describe, expect, it } from "vitest";
import { serviceHistory } from "../../../src/domain/report/history.js";
import type { IncidentSla } from "../../../src/domain/sla/measure.js";
import { resolvePeriod, type Period } from "../../../src/domain/sla/period.js";
import { slaReport } from "../../../src/domain/sla/report.js";
import type { Incident, Manifest } from "../../../src/model/files.js";

const manifest = {
  client: { name: "C" },
  project: { id: "p", name: "P" },
  tam: { name: "T" },
  timezone: "UTC",
  sla: { P1: { response: "15m", resolution: "4h", calendar: "24x7", goal: 95 }, P3: { response: "1h", resolution: "1d", calendar: "24x7", goal: 90 } },
} as unknown as Manifest;
const incident = (id: string, priority: "P1" | "P3", opened: string, resolvedAfterMin: number): Incident => {
  const at = Date.parse(opened);
  const iso = (ms: number) => new Date(ms).toISOString().replace(".000Z", "Z");
  return { id, title: id, priority, opened: iso(at), responded: iso(at + 5 * 60_000), resolved: iso(at + resolvedAfterMin * 60_000), status: "resolved" };
};

describe("serviceHistory", () => {
  const period = resolvePeriod({ period: "2026-10" }, "2026-11-20", "UTC") as Period;

  it("counts incidents per month by priority and their compliance, from the first month with incidents to the period's", () => {
    const months = serviceHistory({
      manifest,
      period,
      now: Date.parse("2026-11-20T00:00:00Z"),
      timezone: "UTC",
      incidents: [
        incident("A", "P1", "2026-08-03T10:00:00Z", 60),
        incident("B", "P1", "2026-08-04T10:00:00Z", 600), // resolution 10h against 4h: breached
        incident("C", "P3", "2026-10-01T00:00:00Z", 60),
        incident("D", "P3", "2026-11-02T10:00:00Z", 60), // after the period: not counted
      ],
    });
    expect(months.map((m) => m.month)).toEqual(["2026-08", "2026-09", "2026-10"]);
    expect(months[0]).toMatchObject({ incidents: 2, withResult: 2, compliancePct: 50, goalPct: 95, byPriority: { P1: 2, P3: 0 } });
    expect(months[1]).toMatchObject({ incidents: 0, compliancePct: null });
    expect(months[2]).toMatchObject({ incidents: 1, compliancePct: 100, goalPct: 90, byPriority: { P3: 1 } });
  });

  it("is empty without incidents, and reaches back twelve months at most", () => {
    expect(serviceHistory({ manifest, period, now: Date.parse("2026-11-20T00:00:00Z"), timezone: "UTC", incidents: [] })).toEqual([]);
    const old = serviceHistory({
      manifest,
      period,
      now: Date.parse("2026-11-20T00:00:00Z"),
      timezone: "UTC",
      incidents: [incident("A", "P1", "2025-10-10T10:00:00Z", 60), incident("B", "P1", "2025-11-15T10:00:00Z", 60), incident("C", "P1", "2026-10-10T10:00:00Z", 60)],
    });
    expect(old.map((m) => m.month)).toEqual(["2025-11", "2025-12", "2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10"]);
  });

  it("reads the SLA clocks the SLA report measured and gives the same months as measuring them again", () => {
    const now = Date.parse("2026-11-20T00:00:00Z");
    const incidents = [
      incident("A", "P1", "2026-08-03T10:00:00Z", 60),
      incident("B", "P1", "2026-08-04T10:00:00Z", 600),
      incident("C", "P3", "2026-10-01T00:00:00Z", 60),
      incident("E", "P3", "2026-10-20T00:00:00Z", 3000), // breached in the period
      incident("F", "P1", "2026-11-25T00:00:00Z", 60), // after now: measured by neither
    ];
    const measured = new Map<Incident, IncidentSla>();
    slaReport({ manifest, incidents, now, timezone: "UTC", period, by: "priority" }, measured);
    // A and B, resolved before the previous period, are the history's own to measure.
    expect([...measured.keys()].map((i) => i.id)).toEqual(["C", "E"]);
    const shared = serviceHistory({ manifest, period, now, timezone: "UTC", incidents }, measured);
    expect(shared).toEqual(serviceHistory({ manifest, period, now, timezone: "UTC", incidents }));
    expect(shared.map((m) => [m.month, m.incidents, m.compliancePct])).toEqual([
      ["2026-08", 2, 50],
      ["2026-09", 0, null],
      ["2026-10", 2, 50],
    ]);
  });
});
