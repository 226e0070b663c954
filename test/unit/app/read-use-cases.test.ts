// Use cases return data (what the CLI prints), in-process and deterministic given asOf.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { archGraph, reportSla } from "../../../src/index.js";
import { UsageError } from "../../../src/errors.js";

const NORTHWIND = new URL("../../../examples/northwind", import.meta.url).pathname;

describe("use cases", () => {
  it("reportSla returns the period's report for --as-of, the same on every call", () => {
    const first = reportSla({ project: NORTHWIND, period: "2026-10", by: "priority", asOf: "2026-11-20" });
    const again = reportSla({ project: NORTHWIND, period: "2026-10", by: "priority", asOf: "2026-11-20", now: 0 });
    expect(first.notes).toEqual([]);
    expect(JSON.stringify(again.report)).toBe(JSON.stringify(first.report));
    expect(first.report.period.fromDate).toBe("2026-10-01");
    expect(first.report.period.toDate).toBe("2026-10-31");
  });

  it("reportSla refuses an unknown grouping as a usage error", () => {
    expect(() => reportSla({ project: NORTHWIND, by: "colour" })).toThrow(UsageError);
  });

  it("archGraph returns every component of the example, grouped by department", () => {
    const graph = archGraph({ project: NORTHWIND });
    expect(graph.nodes.length).toBe(30);
    expect(graph.edges.length).toBeGreaterThan(20);
  });
});

describe("use cases with git history", () => {
  it("checkDocs and archRisks return the same report on every call for one --as-of", async () => {
    const { checkDocs, archRisks } = await import("../../../src/index.js");
    const first = await checkDocs({ project: NORTHWIND, failOn: "stale", asOf: "2026-11-20" });
    const again = await checkDocs({ project: NORTHWIND, failOn: "stale", asOf: "2026-11-20", now: 0 });
    expect(JSON.stringify(again.report)).toBe(JSON.stringify(first.report));
    expect(first.report.docs.length).toBe(10);
    expect(first.failed).toBe(first.report.docs.some((doc) => doc.state === "stale" || doc.state === "broken"));
    const risks = await archRisks({ project: NORTHWIND, asOf: "2026-11-20" });
    expect(risks.counts.high + risks.counts.medium + risks.counts.low).toBe(risks.risks.length);
    expect(risks.risks.some((risk) => risk.kind === "single-point-of-failure" || /single/i.test(JSON.stringify(risk)))).toBe(true);
  });
});

describe("what arch risks reads", () => {
  it("reads no meeting minutes: a meetings.yaml that fails its schema does not stop the audit or change it", async () => {
    const { archRisks, status } = await import("../../../src/index.js");
    const dir = mkdtempSync(join(tmpdir(), "tam-risks-"));
    try {
      cpSync(NORTHWIND, dir, { recursive: true });
      const before = await archRisks({ project: dir, asOf: "2026-11-20" });
      writeFileSync(join(dir, "meetings.yaml"), "meetings:\n  - id: 42\n    title: [not, a, meeting]\n");
      // Status shows the minutes' open actions: it still refuses the broken file.
      await expect(status({ project: dir, asOf: "2026-11-20" })).rejects.toThrow(/error/);
      const after = await archRisks({ project: dir, asOf: "2026-11-20" });
      expect(JSON.stringify(after)).toBe(JSON.stringify(before));
      expect(after.risks.length).toBeGreaterThan(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("what status locates", () => {
  it("locates findings at their line by default, and names only the change's file with locate: false (the same findings otherwise)", async () => {
    const { status } = await import("../../../src/index.js");
    const located = await status({ project: NORTHWIND, asOf: "2026-11-20" });
    const named = await status({ project: NORTHWIND, asOf: "2026-11-20", locate: false });
    expect(located.findings.length).toBeGreaterThan(0);
    expect(located.findings.every((f) => typeof f.line === "number")).toBe(true);
    expect(named.findings.every((f) => f.line === undefined && /^changes\/CHG-\d+\.yaml$/.test(f.file))).toBe(true);
    const strip = (r: typeof located) => JSON.stringify({ ...r, findings: r.findings.map(({ severity, code, message }) => ({ severity, code, message })) });
    expect(strip(named)).toBe(strip(located));
  });
});
