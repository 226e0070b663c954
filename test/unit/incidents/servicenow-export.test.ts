// The "done when" of issue 16: a generated ServiceNow event log that looks like a real export imports
// through --preset servicenow without hand-cleaning; hand-checked SLA figures for the scripted incidents;
// a later export updates what the first one imported, keeping what the TAM wrote; idempotent.
// In-process (runIncidentImport), no git: fast.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runIncidentImport } from "../../../src/commands/incident-import.js";
import { runIncidentUpdate } from "../../../src/commands/incident-update.js";
import { incidentSla } from "../../../src/domain/sla/measure.js";
import { slaPolicy } from "../../../src/domain/sla/policy.js";
import { loadProject } from "../../../src/project/load.js";
import { FIXTURES } from "../../helpers/run.js";
import { berlin, exportCsv, generateLog } from "../../helpers/servicenow-log.js";

const M = 60_000;
const H = 60 * M;

function capture() {
  const lines: string[] = [];
  const add = (t: string) => lines.push(...t.replace(/\n$/, "").split("\n"));
  return { lines, output: { out: add, err: add } };
}

describe("a generated ServiceNow event log through --preset servicenow", () => {
  const dir = mkdtempSync(join(tmpdir(), "tam-sn-"));
  const rows = generateLog(16, 300);
  const first = join(dir, "incident_log_2026-11-16.csv");
  const second = join(dir, "incident_log_2026-11-27.csv");
  const project = join(dir, "project");
  const options = { preset: "servicenow", timezone: "Europe/Berlin", commit: false };
  let firstRun: { code: number; lines: string[] };
  let loaded: ReturnType<typeof loadProject> | undefined;
  const reload = () => (loaded = loadProject(project));
  const read = () => (loaded ?? reload()).incidents;
  const byExternal = (id: string) => read().find((i) => i.external_id === id)!;
  const policy = () => slaPolicy((loaded ?? reload()).manifest!);

  beforeAll(async () => {
    for (const f of ["tam.yaml", "departments.yaml", "architecture.yaml"]) cpSync(join(FIXTURES, "sla", f), join(project, f));
    writeFileSync(first, exportCsv(rows, berlin("16-11-2026 12:00")));
    writeFileSync(second, exportCsv(rows, berlin("27-11-2026 12:00")));
    const { lines, output } = capture();
    const code = await runIncidentImport({ project }, first, options, output);
    firstRun = { code, lines };
    reload();
  });

  it("imports every incident, listing the anomalies by incident and CSV line with what was done", () => {
    expect(firstRun.code).toBe(0);
    const text = readFileSync(first, "utf8");
    const incidents = new Set(
      text
        .split("\r\n")
        .slice(1, -1)
        .map((line) => line.split(",")[0]),
    );
    expect(read()).toHaveLength(incidents.size);
    expect(firstRun.lines).toContain(`added ${incidents.size}, updated 0, unchanged 0, skipped 0`);
    const anomalies = firstRun.lines.filter((l) => / warning: INC/.test(l));
    const lineOf = (needle: string) => text.split("\r\n").findIndex((l) => l.startsWith(needle)) + 1;
    expect(anomalies).toEqual([
      `${first}:${lineOf("INC0090003,New,")}: warning: INC0090003: "New" at 2026-11-09T11:58:00+03:00 is before the opening (2026-11-09T12:00:00+03:00): counted at the opening [event-before-opened]`,
      `${first}:${lineOf("INC0090005,New,")}: warning: INC0090005: no row has an opened time: opened at the earliest event (2026-10-23T17:00:00+03:00) [no-opened]`,
    ]);
    // "5 - Planning", ServiceNow's fifth priority, is mapped to P4 by the preset (issue 25, point 7: an unmapped priority stops the import).
    expect(firstRun.lines).toContain("2 anomalies: event-before-opened 1, no-opened 1");
    expect(byExternal("INC0090006").priority).toBe("P4");
    // The preset's optional states (Awaiting Problem, Canceled) are not warned about one by one.
    expect(firstRun.lines.filter((l) => l.includes("warning:") && !/ INC/.test(l))).toEqual([]);
  });

  it("A: the first move out of New is the response; a re-stamped Resolved row does not move the resolution; the client pause counts", () => {
    const a = byExternal("INC0090001");
    expect(a).toMatchObject({
      title: "INC0090001 Category 26",
      priority: "P1",
      opened: "2026-11-02T12:00:00+03:00",
      responded: "2026-11-02T12:12:00+03:00",
      resolved: "2026-11-02T16:30:00+03:00",
      closed: "2026-11-05T17:00:00+03:00",
      status: "closed",
    });
    expect(a.pauses).toEqual([{ from: "2026-11-02T13:00:00+03:00", to: "2026-11-02T14:00:00+03:00", reason: "client" }]);
    const sla = incidentSla(a, policy().P1!, berlin("30-11-2026 00:00"));
    // 24x7: response 12m of 15m; resolution 10:00-14:30 Berlin = 4h30m less the 1h pause = 3h30m of 4h.
    expect(sla.response).toMatchObject({ state: "met", elapsedMs: 12 * M });
    expect(sla.resolution).toMatchObject({ state: "met", elapsedMs: 3 * H + 30 * M });
  });

  it("B: equal sys_mod_count keeps file order: a work note stamped after the resolution is no reopening", () => {
    const b = byExternal("INC0090002");
    expect(b).toMatchObject({ priority: "P2", responded: "2026-11-03T11:20:00+03:00", resolved: "2026-11-03T15:05:00+03:00", status: "closed" });
    const sla = incidentSla(b, policy().P2!, berlin("30-11-2026 00:00"));
    // 09:00 -> 13:05 Berlin = 4h05m of 8h (24x7); by timestamp alone it would be resolved at the closing, 3 days later.
    expect(sla.resolution).toMatchObject({ state: "met", elapsedMs: 4 * H + 5 * M });
  });

  it("C: the row stamped before opened_at counts at the opening; the vendor pause runs overnight (business hours, Moscow)", () => {
    const c = byExternal("INC0090003");
    expect(c).toMatchObject({ priority: "P3", opened: "2026-11-09T12:00:00+03:00", responded: "2026-11-09T13:30:00+03:00", resolved: "2026-11-10T17:00:00+03:00", status: "resolved" });
    expect(c.pauses).toEqual([{ from: "2026-11-09T16:00:00+03:00", to: "2026-11-10T12:00:00+03:00", reason: "vendor" }]);
    const sla = incidentSla(c, policy().P3!, berlin("30-11-2026 00:00"));
    // Mon 12:00-16:00 (4h) + Tue 12:00-17:00 (5h) = 9h of 16h; response 1h30m of 2h.
    expect(sla.response).toMatchObject({ state: "met", elapsedMs: 90 * M });
    expect(sla.resolution).toMatchObject({ state: "met", elapsedMs: 9 * H });
  });

  it("D: a real reopening moves the resolution to the last one; late response and resolution breach", () => {
    const d = byExternal("INC0090004");
    expect(d).toMatchObject({ priority: "P2", responded: "2026-11-12T10:45:00+03:00", resolved: "2026-11-12T20:30:00+03:00", closed: "2026-11-16T11:00:00+03:00" });
    const sla = incidentSla(d, policy().P2!, berlin("30-11-2026 00:00"));
    expect(sla.response).toMatchObject({ state: "breached", overByMs: 15 * M });
    expect(sla.resolution).toMatchObject({ state: "breached", elapsedMs: 10 * H + 30 * M, overByMs: 2 * H + 30 * M });
  });

  it("E: no opened_at, opened at the first event; Berlin's end of summer time between (Moscow business hours)", () => {
    const e = byExternal("INC0090005");
    // 23-10 16:00 CEST = 17:00 Moscow; 26-10 09:30 CET = 11:30 Moscow; 27-10 10:00 CET = 12:00 Moscow.
    expect(e).toMatchObject({ priority: "P4", opened: "2026-10-23T17:00:00+03:00", responded: "2026-10-26T11:30:00+03:00", resolved: "2026-10-27T12:00:00+03:00" });
    const sla = incidentSla(e, policy().P4!, berlin("30-11-2026 00:00"));
    // Fri 17:00-18:00 + Mon 09:00-11:30 = 3h30m; resolution + Mon rest 6h30m + Tue 09:00-12:00 = 13h.
    expect(sla.response).toMatchObject({ state: "met", elapsedMs: 3 * H + 30 * M });
    expect(sla.resolution).toMatchObject({ state: "met", elapsedMs: 13 * H });
  });

  it("G: waiting for the caller at export time is an open pause", () => {
    const g = byExternal("INC0090007");
    expect(g).toMatchObject({ status: "responded", pauses: [{ from: "2026-11-13T12:00:00+03:00", reason: "client" }] });
    expect(g.pauses![0]!.to).toBeUndefined();
  });

  describe("a second, later export", () => {
    let secondRun: { code: number; lines: string[] };
    let untouched: Map<string, string>;
    beforeAll(async () => {
      const g = byExternal("INC0090007");
      const a = byExternal("INC0090001");
      const edit = capture();
      expect(await runIncidentUpdate({ project }, a.id, { cause: "capacity", rootCause: "php-fpm pool too small", actions: "Pool sized by load test", commit: false } as never, edit.output)).toBe(0);
      expect(g.status).toBe("responded");
      untouched = new Map(["2026-10", "2026-11"].map((m) => [m, readFileSync(join(project, `incidents/${m}.yaml`), "utf8")]));
      const { lines, output } = capture();
      secondRun = { code: await runIncidentImport({ project }, second, options, output), lines };
      reload();
    });

    it("updates the incidents it changes, adds the new ones, leaves the rest byte for byte", () => {
      expect(secondRun.code).toBe(0);
      const summary = secondRun.lines.find((l) => l.startsWith("added "))!;
      const [added, updated, unchanged, skipped] = summary.match(/\d+/g)!.map(Number);
      const total = new Set(
        readFileSync(second, "utf8")
          .split("\r\n")
          .slice(1, -1)
          .map((l) => l.split(",")[0]),
      ).size;
      expect(added! + updated! + unchanged!).toBe(total);
      expect(added).toBeGreaterThan(0);
      expect(updated).toBeGreaterThan(0);
      expect(skipped).toBe(0);
      // October: every incident there was closed before the first export, so the file is unchanged.
      expect(readFileSync(join(project, "incidents/2026-10.yaml"), "utf8")).toBe(untouched.get("2026-10"));
      // November: exactly `updated` incidents differ; every other one is byte for byte as it was.
      const blocks = (text: string) => text.split(/(?=^ {2}- id: )/m).slice(1);
      const after = readFileSync(join(project, "incidents/2026-11.yaml"), "utf8");
      const changed = blocks(untouched.get("2026-11")!).filter((block) => !after.includes(block));
      expect(changed).toHaveLength(updated!);
    });

    it("G's later resolution arrives: the open pause is ended, times and status updated", () => {
      const g = byExternal("INC0090007");
      expect(g).toMatchObject({
        status: "closed",
        resolved: "2026-11-17T14:00:00+03:00",
        closed: "2026-11-20T14:00:00+03:00",
        pauses: [{ from: "2026-11-13T12:00:00+03:00", to: "2026-11-17T11:00:00+03:00", reason: "client" }],
      });
      // Business hours Moscow: Fri 11:00-12:00 + Tue 11:00-14:00 = 4h of 16h.
      const sla = incidentSla(g, policy().P3!, berlin("30-11-2026 00:00"));
      expect(sla.resolution).toMatchObject({ state: "met", elapsedMs: 4 * H });
    });

    it("keeps what the TAM wrote by hand", () => {
      expect(byExternal("INC0090001")).toMatchObject({
        cause: { category: "capacity", root_cause: "php-fpm pool too small" },
        actions: "Pool sized by load test",
        resolved: "2026-11-02T16:30:00+03:00",
      });
    });

    it("is idempotent: the same export again changes nothing", async () => {
      const before = readFileSync(join(project, "incidents/2026-11.yaml"), "utf8");
      const { lines, output } = capture();
      expect(await runIncidentImport({ project }, second, options, output)).toBe(0);
      expect(lines.at(-1)).toMatch(/^added 0, updated 0, unchanged \d+, skipped 0$/);
      expect(readFileSync(join(project, "incidents/2026-11.yaml"), "utf8")).toBe(before);
    });
  });
});
