// The report over a handful of incidents: groups, compliance against the goal, statistics,
// trend, breaches, recurring causes, open incidents and periods.
import { describe, expect, it } from "vitest";
import { resolvePeriod, type Period } from "../../../src/domain/sla/period.js";
import { slaReport } from "../../../src/domain/sla/report.js";
import { durationStats } from "../../../src/domain/sla/stats.js";
import type { Incident, Manifest } from "../../../src/model/files.js";

const M = 60_000;
const manifest = {
  format: 1,
  client: { name: "C" },
  project: { id: "p", name: "P" },
  tam: { name: "T" },
  timezone: "UTC",
  sla: {
    P1: { response: "15m", resolution: "4h", calendar: "24x7", goal: 95 },
    P2: { response: "30m", resolution: "8h", calendar: "24x7", goal: 50 },
  },
} as Manifest;

let n = 0;
function inc(priority: "P1" | "P2" | "P3", opened: string, responseMin: number, resolutionMin: number | null, extra: Partial<Incident> = {}): Incident {
  const start = Date.parse(opened);
  const iso = (ms: number) => new Date(ms).toISOString().replace(".000Z", "Z");
  n++;
  return {
    id: `INC-${String(n).padStart(4, "0")}`,
    title: `incident ${n}`,
    priority,
    opened,
    responded: iso(start + responseMin * M),
    ...(resolutionMin === null ? { status: "responded" } : { resolved: iso(start + resolutionMin * M), status: "resolved" }),
    ...extra,
  } as Incident;
}

const period = resolvePeriod({ period: "2026-10" }, "2026-11-20", "UTC") as Period;
const incidents = [
  inc("P1", "2026-10-02T10:00:00Z", 10, 200, { department: "dba", components: ["db"], cause: { category: "capacity" } }),
  inc("P1", "2026-10-09T10:00:00Z", 20, 100, { department: "dba", components: ["db"], cause: { category: "capacity", root_cause: "disk full" } }),
  inc("P2", "2026-10-10T10:00:00Z", 5, 300, { department: "unix", components: ["web"] }),
  inc("P2", "2026-10-11T10:00:00Z", 40, 600, { department: "unix", components: ["web", "db"], cause: { category: "software" } }),
  inc("P2", "2026-10-31T23:00:00Z", 10, null, { department: "unix" }),
  inc("P1", "2026-09-15T10:00:00Z", 5, 60, { department: "dba" }),
  inc("P1", "2026-11-01T00:00:00Z", 5, 60),
  inc("P3", "2026-10-12T10:00:00Z", 5, 60),
];
const now = Date.parse("2026-11-01T01:00:00Z");

describe("sla report", () => {
  const report = slaReport({ manifest, incidents, now, timezone: "UTC", period, by: "priority" });

  it("groups by priority with compliance against the priority's goal", () => {
    expect(report.groups.map((g) => g.key)).toEqual(["P1", "P2"]);
    const [p1, p2] = report.groups;
    expect(p1).toMatchObject({ incidents: 2, withResult: 2, response: { met: 1, breached: 1 }, resolution: { met: 2, breached: 0 }, compliancePct: 50, goalPct: 95, pass: false });
    // INC-0005 opened 23:00, responded, not resolved: 2h of 8h as of 01:00 -> pending, no result.
    expect(p2).toMatchObject({
      incidents: 3,
      withResult: 2,
      response: { met: 2, breached: 1, pending: 0 },
      resolution: { met: 1, breached: 1, pending: 1 },
      compliancePct: 50,
      goalPct: 50,
      pass: true,
    });
    expect(report.withoutTarget).toEqual(["INC-0008"]);
  });

  it("reports the median (mean of the two middle values for an even count), nearest-rank p90 and max", () => {
    expect(report.groups[0]!.responseTimes).toEqual({ count: 2, medianMs: 15 * M, p90Ms: 20 * M, maxMs: 20 * M });
    // As a spreadsheet's MEDIAN and pandas: 5.5, not the lower middle value 5.
    expect(durationStats([5, 1, 4, 2, 3, 6, 7, 8, 9, 10])).toEqual({ count: 10, medianMs: 5.5, p90Ms: 9, maxMs: 10 });
    expect(durationStats([3, 1, 2])).toEqual({ count: 3, medianMs: 2, p90Ms: 3, maxMs: 3 });
    expect(durationStats([])).toEqual({ count: 0, medianMs: null, p90Ms: null, maxMs: null });
  });

  it("compares with the previous month", () => {
    expect(report.groups[0]!.previous).toEqual({ incidents: 1, compliancePct: 100 });
    expect(report.groups[0]!.trendPts).toBe(-50);
    expect(report.total).toMatchObject({ incidents: 5, withResult: 4, compliancePct: 50, goalPct: 72.5, pass: false });
  });

  it("lists breaches, recurring causes and open incidents", () => {
    expect(report.breaches.map((b) => [b.id, b.response?.overByMs ?? null, b.resolution?.overByMs ?? null])).toEqual([
      ["INC-0002", 5 * M, null],
      ["INC-0004", 10 * M, 120 * M],
    ]);
    expect(report.breaches[0]).toMatchObject({ department: "dba", cause: "capacity", rootCause: "disk full" });
    expect(report.recurring).toEqual([{ component: "db", cause: "capacity", incidents: ["INC-0001", "INC-0002"] }]);
    expect(report.open.map((o) => [o.id, o.resolution.state, o.resolution.remainingMs])).toEqual([["INC-0005", "running", 6 * 60 * M]]); // INC-0007 was resolved at 01:00, exactly as of now
  });

  it("groups by component counting an incident in each of its components", () => {
    const byComponent = slaReport({ manifest, incidents, now, timezone: "UTC", period, by: "component" });
    expect(byComponent.groups.map((g) => [g.key, g.incidents])).toEqual([
      ["db", 3],
      ["web", 2],
      ["(none)", 1],
    ]);
  });
});

describe("periods", () => {
  it("defaults to the last full month", () => {
    expect(resolvePeriod({}, "2026-01-20", "Europe/Moscow")).toMatchObject({ label: "2025-12", fromDate: "2025-12-01", toDate: "2025-12-31", previous: { label: "2025-11" } });
  });
  it("compares a span of dates with as many days before", () => {
    const p = resolvePeriod({ from: "2026-10-11", to: "2026-10-20" }, "2026-11-20", "Europe/Moscow") as Period;
    expect(p.previous).toMatchObject({ fromDate: "2026-10-01", toDate: "2026-10-10" });
    expect(p.start).toBe(Date.parse("2026-10-11T00:00:00+03:00"));
    expect(p.end).toBe(Date.parse("2026-10-21T00:00:00+03:00"));
  });
  it("rejects bad input", () => {
    expect(resolvePeriod({ period: "2026-13" }, "2026-11-20", "UTC")).toMatch(/not a month/);
    expect(resolvePeriod({ from: "2026-10-20", to: "2026-10-01" }, "2026-11-20", "UTC")).toMatch(/before/);
    expect(resolvePeriod({ period: "2026-10", from: "2026-10-01" }, "2026-11-20", "UTC")).toMatch(/either/);
  });
});
