// tam sla report end to end: the SLA fixture and the bundled example, in every format.
import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { parseCsv } from "../../src/domain/csv.js";
import { EXAMPLE, FIXTURES, runTam } from "../helpers/run.js";

const SLA = join(FIXTURES, "sla");

describe("tam sla report on the fixture", () => {
  it("prints the table with pass/fail, open incidents, breaches and recurring causes", () => {
    const r = runTam(["sla", "report", "-C", SLA, "--as-of", "2026-11-20"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("SLA report 2026-10 (2026-10-01 .. 2026-10-31, Europe/Moscow)");
    expect(r.stdout).toMatch(/│ P1 +│ 2 +│ 2 \/ 0 +│ 1 \/ 1 +│ 50\.0% +│ 95\.0% │ FAIL/);
    expect(r.stdout).toMatch(/│ P3 +│ 1 .*│ 100\.0% +│ 90\.0% │ PASS/);
    expect(r.stdout).toContain("resolution 5h 30m against 4h (+1h 30m)");
    expect(r.stdout).toMatch(/INC-0006 .*breached by 88h/);
    expect(r.stdout).toMatch(/shop-pg +│ capacity +│ 2 +│ INC-0003, INC-0005/);
  });

  it("json: the documented shape, hand-checked numbers", () => {
    const r = runTam(["sla", "report", "-C", SLA, "--as-of", "2026-11-20", "--format", "json"]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json).toMatchObject({
      version: 1,
      asOf: "2026-11-20T23:59:59+03:00",
      timezone: "Europe/Moscow",
      period: { label: "2026-10", from: "2026-10-01", to: "2026-10-31" },
      previousPeriod: { label: "2026-09" },
      by: "priority",
    });
    const p1 = json.groups.find((g: { key: string }) => g.key === "P1");
    expect(p1).toMatchObject({ incidents: 2, compliancePct: 50, goalPct: 95, pass: false, previous: { incidents: 1, compliancePct: 100 }, trendPts: -50 });
    expect(p1.resolutionTimes).toEqual({ count: 2, medianMinutes: 225, p90Minutes: 330, maxMinutes: 330 });
    const p3 = json.groups.find((g: { key: string }) => g.key === "P3");
    // 10m on Friday + Monday 09:00-16:00 less the 2h pause = 5h10m.
    expect(p3.resolutionTimes.maxMinutes).toBe(310);
    expect(p3.responseTimes.maxMinutes).toBe(40);
    expect(json.breaches.map((b: { id: string }) => b.id)).toEqual(["INC-0003", "INC-0006"]);
    expect(json.breaches[0]).toMatchObject({ department: "dba", cause: "capacity", rootCause: "WAL archive filled the volume", resolution: { state: "breached", overByMinutes: 90 } });
    expect(json.open).toHaveLength(1);
    expect(json.open[0]).toMatchObject({ id: "INC-0006", resolution: { state: "breached", overByMinutes: 88 * 60 } });
    expect(json.recurring).toEqual([{ component: "shop-pg", cause: "capacity", incidents: ["INC-0003", "INC-0005"] }]);
  });

  it("csv: RFC 4180 rows per group and a total, numbers as numbers", () => {
    const r = runTam(["sla", "report", "-C", SLA, "--as-of", "2026-11-20", "--format", "csv", "--by", "component"]);
    expect(r.code).toBe(0);
    const table = parseCsv(r.stdout);
    expect(table.errors).toEqual([]);
    const rows = table.records.map((rec) => Object.fromEntries(table.header.map((h, i) => [h, rec.cells[i]])));
    expect(rows.map((row) => row.group)).toEqual(["shop-pg", "vpn", "web", "all"]);
    expect(rows[0]).toMatchObject({ period: "2026-10", by: "component", incidents: "2", compliance_pct: "50.0", result: "fail", resolution_max_min: "330", trend_pts: "-50.0" });
    expect(rows[3]).toMatchObject({ incidents: "4", response_met: "4", resolution_breached: "2" });
  });

  it("markdown escapes user text, including formula-looking titles", () => {
    const r = runTam(["sla", "report", "-C", SLA, "--as-of", "2026-11-20", "--format", "markdown", "--period", "2026-10"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("## Breaches (2)");
    expect(r.stdout).toContain("| shop-pg | capacity | 2 | INC-0003, INC-0005 |");
  });

  it("usage errors exit 2", () => {
    expect(runTam(["sla", "report", "-C", SLA, "--period", "2026-13"])).toMatchObject({ code: 2, stdout: "" });
    expect(runTam(["sla", "report", "-C", SLA, "--period", "2026-10", "--from", "2026-10-01"]).stderr).toMatch(/either --period or --from/);
  });
});

describe("tam sla report on the bundled example", () => {
  it("shows its breaches and its recurring capacity cause on shop-pg", () => {
    const r = runTam(["sla", "report", "-C", EXAMPLE, "--as-of", "2026-11-20", "--from", "2026-08-01", "--to", "2026-11-20", "--format", "json"]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    const breached = json.breaches.map((b: { id: string }) => b.id);
    expect(breached).toEqual(expect.arrayContaining(["INC-0004", "INC-0047"]));
    expect(json.breaches.find((b: { id: string }) => b.id === "INC-0004")).toMatchObject({ priority: "P1", department: "backup", resolution: { overByMinutes: 133 } });
    expect(json.recurring).toContainEqual({ component: "shop-pg", cause: "capacity", incidents: ["INC-0002", "INC-0018", "INC-0047"] });
    expect(json.total.pass).not.toBeNull();
  });

  it("defaults to the last full month (October) as of 2026-11-20", () => {
    const r = runTam(["sla", "report", "-C", EXAMPLE, "--as-of", "2026-11-20"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("SLA report 2026-10 (2026-10-01 .. 2026-10-31, Europe/Moscow)");
    expect(r.stdout).toMatch(/INC-0035 .*resolution 17h 40m against 16h \(\+1h 40m\)/);
  });
});
