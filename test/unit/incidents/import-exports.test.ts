// Messy service-desk exports generated here (BOM, `;` separators, Windows-1252, US and EU dates, Jira
// month names, statuses without resolution times) through `tam incident import`, in-process, no git.
// Issues 33 (date order), 34 (statuses) and 25 points 7, 10, 13 (import guardrails).
import { cpSync, existsSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runIncidentImport, type IncidentImportOptions } from "../../../src/commands/incident-import.js";
import { readWallTime } from "../../../src/domain/incidents/date-pattern.js";
import { reportSla } from "../../../src/app/report-sla.js";
import { loadProject } from "../../../src/project/load.js";
import type { Incident } from "../../../src/model/files.js";
import { FIXTURES } from "../../helpers/run.js";

function newProject(): string {
  const project = mkdtempSync(join(tmpdir(), "tam-imp-"));
  for (const f of ["tam.yaml", "departments.yaml", "architecture.yaml"]) cpSync(join(FIXTURES, "sla", f), join(project, f));
  return project;
}

interface Run {
  code: number;
  lines: string[];
  text: string;
  incidents: Incident[];
  files: string[];
  project: string;
}

async function importCsv(content: string | Buffer, options: Partial<IncidentImportOptions>, project = newProject()): Promise<Run> {
  const file = join(project, `export-${Math.random().toString(36).slice(2)}.csv`);
  writeFileSync(file, content);
  const lines: string[] = [];
  const add = (t: string) => lines.push(...t.replace(/\n$/, "").split("\n"));
  let code: number;
  try {
    code = await runIncidentImport({ project }, file, { commit: false, ...options } as IncidentImportOptions, { out: add, err: add });
  } catch (error) {
    lines.push(`thrown: ${(error as Error).message}`);
    code = 2;
  }
  const dir = join(project, "incidents");
  const files = existsSync(dir) ? readdirSync(dir).sort() : [];
  const incidents = files.length ? loadProject(project).incidents : [];
  return { code, lines, text: lines.join("\n"), incidents, files, project };
}

const pad = (n: number) => String(n).padStart(2, "0");
const cell = (c: string) => (/[",;\n\r]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
const csv = (rows: string[][], sep = ",") => `${rows.map((r) => r.map(cell).join(sep)).join("\r\n")}\r\n`;
const SN_HEADER = ["number", "short_description", "priority", "state", "assignment_group", "cmdb_ci", "opened_at", "resolved_at", "closed_at", "close_code", "category"];

/** A ServiceNow incident table export, Nov 2024 .. May 2025, every incident resolved 2 hours after opening. */
function serviceNowRows(order: "us" | "eu", count: number, maxDay = 28): { rows: string[][]; opened: string[] } {
  const rows: string[][] = [SN_HEADER];
  const opened: string[] = [];
  for (let i = 0; i < count; i++) {
    const month = [11, 12, 1, 2, 3, 4, 5][i % 7]!;
    const year = month >= 11 ? 2024 : 2025;
    const day = ((i * 7) % maxDay) + 1;
    const date = (h: number) => (order === "us" ? `${pad(month)}-${pad(day)}-${year} ${pad(h)}:12:10` : `${pad(day)}-${pad(month)}-${year} ${pad(h)}:12:10`);
    opened.push(`${year}-${pad(month)}-${pad(day)}T09:12:10+03:00`);
    rows.push([`INC${String(1000 + i)}`, `Caf\u00e9 printer \u20ac${i}`, "3 - Moderate", "Closed", "Service Desk", "", date(9), date(11), date(12), "Solved", "hardware"]);
  }
  return { rows, opened };
}

const latin1 = (text: string) => {
  // Windows-1252: the euro sign is 0x80.
  const bytes = Buffer.from(text, "latin1");
  for (let i = 0; i < text.length; i++) if (text[i] === "\u20ac") bytes[i] = 0x80;
  return bytes;
};

describe("issue 33: day-first / month-first exports never import swapped dates", () => {
  it("a US-ordered export under a day-first preset: nothing written, the format named with the rows that prove it; --skip-invalid changes nothing", async () => {
    const { rows } = serviceNowRows("us", 40);
    const bytes = latin1(csv(rows));
    for (const skipInvalid of [false, true]) {
      const run = await importCsv(bytes, { preset: "servicenow", encoding: "latin1", skipInvalid });
      expect(run.code).toBe(1);
      expect(run.files).toEqual([]);
      expect(run.text).toContain('"MM-DD-YYYY HH:mm:ss"');
      expect(run.text).toMatch(/month first/);
      // Days 13..28 in the first position prove it; the message counts them.
      const proving = rows.slice(1).filter((r) => Number(r[6]!.slice(3, 5)) > 12).length;
      expect(run.text).toContain(`${proving} rows`);
      expect(run.text).not.toContain("--skip-invalid");
    }
  });

  it("the same export with --date-format MM-dd-yyyy HH:mm:ss: every date right, from Windows-1252", async () => {
    const { rows, opened } = serviceNowRows("us", 40);
    const run = await importCsv(latin1(csv(rows)), { preset: "servicenow", encoding: "latin1", dateFormat: "MM-dd-yyyy HH:mm:ss" });
    expect(run.code).toBe(0);
    expect(run.incidents.map((i) => i.opened).sort()).toEqual([...opened].sort());
    expect(run.files).toEqual(["2024-11.yaml", "2024-12.yaml", "2025-01.yaml", "2025-02.yaml", "2025-03.yaml", "2025-04.yaml", "2025-05.yaml"]);
    expect(run.incidents.find((i) => i.external_id === "INC1001")!.title).toBe("Caf\u00e9 printer \u20ac1");
  });

  it("an EU-ordered export under a month-first format: refused, naming the day-first format", async () => {
    const { rows } = serviceNowRows("eu", 30);
    const run = await importCsv(csv(rows), { preset: "servicenow", dateFormat: "MM-DD-YYYY HH:mm:ss", skipInvalid: true });
    expect(run.code).toBe(1);
    expect(run.files).toEqual([]);
    expect(run.text).toContain('"DD-MM-YYYY HH:mm:ss"');
    expect(run.text).toMatch(/day first/);
  });

  it("an ambiguous export (no day above 12): imported as the format says, and the summary says which order was assumed", async () => {
    const { rows, opened } = serviceNowRows("eu", 12, 12);
    const run = await importCsv(csv(rows), { preset: "servicenow" });
    expect(run.code).toBe(0);
    expect(run.incidents.map((i) => i.opened).sort()).toEqual([...opened].sort());
    expect(run.text).toMatch(/no date has a day above 12: read day first \(DD-MM-YYYY HH:mm:ss\)/);
    expect(run.text).toContain('"MM-DD-YYYY HH:mm:ss"');
  });

  it("a truly bad cell among good ones is a row error: --skip-invalid skips that row only, and the refusal offers it", async () => {
    const { rows } = serviceNowRows("eu", 20);
    rows[5]![6] = "31-02-2025 10:00:00";
    const refused = await importCsv(csv(rows), { preset: "servicenow" });
    expect(refused.code).toBe(1);
    expect(refused.files).toEqual([]);
    expect(refused.text).toContain('opened "31-02-2025 10:00:00" does not match the date format');
    expect(refused.text).toContain("--skip-invalid");
    const skipped = await importCsv(csv(rows), { preset: "servicenow", skipInvalid: true });
    expect(skipped.code).toBe(0);
    expect(skipped.incidents).toHaveLength(19);
  });

  it("a US-ordered export with one unreadable cell too: still the format is named, the cell counted, nothing written", async () => {
    const { rows } = serviceNowRows("us", 30);
    rows[3]![7] = "n/a 10:00";
    const run = await importCsv(csv(rows), { preset: "servicenow", skipInvalid: true });
    expect(run.code).toBe(1);
    expect(run.files).toEqual([]);
    expect(run.text).toContain('--date-format "MM-DD-YYYY HH:mm:ss"');
    expect(run.text).toContain("1 date read in neither format");
  });

  it("an event log's times are checked too", async () => {
    const header = "Number,Priority,State,At";
    const lines = [header, "I1,P2,New,04-13-2025 09:00", "I1,P2,Resolved,04-13-2025 10:00", "I2,P2,New,04-02-2025 09:00", "I2,P2,Resolved,04-02-2025 10:00"];
    const run = await importCsv(`${lines.join("\n")}\n`, {
      map: ["external_id=Number", "priority=Priority", "state=State", "at=At"],
      eventLog: true,
      initialState: ["New"],
      resolvedState: ["Resolved"],
      dateFormat: "DD-MM-YYYY HH:mm",
      skipInvalid: true,
    });
    expect(run.code).toBe(1);
    expect(run.files).toEqual([]);
    expect(run.text).toContain('"MM-DD-YYYY HH:mm"');
    expect(run.text).toContain("2 rows have a day above 12");
  });

  it("a Jira export from a US profile (MM/dd/yy h:mm a) under jira-sm: the format is named", async () => {
    const rows = [
      JIRA_HEADER,
      jiraRow("SEC-1", "Open", { created: "11/25/25 3:12 PM", updated: "11/26/25 9:00 AM" }),
      jiraRow("SEC-2", "Open", { created: "11/05/25 3:12 PM", updated: "11/05/25 4:00 PM" }),
    ];
    const run = await importCsv(csv(rows), { preset: "jira-sm" });
    expect(run.code).toBe(1);
    expect(run.files).toEqual([]);
    expect(run.text).toContain('--date-format "MM/DD/YY h:mm A"');
  });

  it("an ISO export under the servicenow preset: the format is named, --skip-invalid is not suggested", async () => {
    const rows = [SN_HEADER, ["INC1", "Disk full", "2 - High", "Closed", "", "", "2025-03-04 10:00:00", "2025-03-04 11:00:00", "2025-03-04 12:00:00", "", ""]];
    for (let i = 2; i < 10; i++) rows.push([`INC${i}`, "x", "2 - High", "New", "", "", `2025-03-${pad(i + 10)} 10:00:00`, "", "", "", ""]);
    const run = await importCsv(csv(rows), { preset: "servicenow" });
    expect(run.code).toBe(1);
    expect(run.text).toContain('"YYYY-MM-DD HH:mm:ss"');
    expect(run.text).not.toContain("--skip-invalid");
  });

  it("reads ServiceNow's and Jira's forms: MM-dd-yyyy HH:mm:ss, dd/MMM/yy h:mm a, localized month names", () => {
    expect(readWallTime("04-30-2025 09:12:10", "MM-dd-yyyy HH:mm:ss")).toEqual({ date: "2025-04-30", minutes: 552, seconds: 10 });
    expect(readWallTime("05/Nov/25 3:12 PM", "dd/MMM/yy h:mm a")).toEqual({ date: "2025-11-05", minutes: 912, seconds: 0 });
    expect(readWallTime("05/Okt/25 3:12 PM", "DD/MMM/YY h:mm A")).toEqual({ date: "2025-10-05", minutes: 912, seconds: 0 });
    expect(readWallTime("05/déc./25 3:12 PM", "DD/MMM/YY h:mm A")).toEqual({ date: "2025-12-05", minutes: 912, seconds: 0 });
    expect(readWallTime("05/September/25 3:12 pm", "dd/MMMM/yy h:mm a")).toEqual({ date: "2025-09-05", minutes: 912, seconds: 0 });
    expect(readWallTime("05/Foo/25 3:12 PM", "dd/MMM/yy h:mm a")).toBeNull();
  });
});

const JIRA_HEADER = [
  "Summary",
  "Issue key",
  "Issue id",
  "Issue Type",
  "Status",
  "Priority",
  "Resolution",
  "Assignee",
  "Reporter",
  "Created",
  "Updated",
  "Resolved",
  "Component/s",
  "Custom field (Date of First Response)",
  "Custom field (Time to first response)",
  "Custom field (Time to resolution)",
  "Status Category Changed",
];
function jiraRow(key: string, status: string, o: { created: string; updated: string; resolved?: string; responded?: string; resolution?: string; priority?: string; summary?: string }): string[] {
  return [o.summary ?? `Alert ${key}`, key, "1", "Incident", status, o.priority ?? "High", o.resolution ?? "", "", "", o.created, o.updated, o.resolved ?? "", "", o.responded ?? "", "", "", ""];
}

describe("issue 34: tickets the export says are closed never become open incidents", () => {
  it("a Jira export: closed without a resolution time is estimated from the last update, marked, counted; a Jira-style date reads right", async () => {
    const rows = [
      JIRA_HEADER,
      jiraRow("SEC-1", "Closed", { created: "05/Nov/25 3:12 PM", updated: "06/Nov/25 9:00 AM", resolved: "05/Nov/25 5:00 PM", responded: "05/Nov/25 3:20 PM", resolution: "Done" }),
      jiraRow("SEC-2", "Closed", { created: "05/Nov/25 4:00 PM", updated: "07/Nov/25 10:30 AM", responded: "05/Nov/25 4:10 PM" }),
      jiraRow("SEC-3", "Issue Resolved", { created: "05/Nov/25 6:00 PM", updated: "08/Nov/25 11:00 AM", resolution: "Fixed" }),
      jiraRow("SEC-4", "Assigned", { created: "06/Nov/25 8:00 AM", updated: "06/Nov/25 8:05 AM" }),
    ];
    const run = await importCsv(`\ufeff${csv(rows)}`, { preset: "jira-sm" });
    expect(run.code).toBe(0);
    const by = (key: string) => run.incidents.find((i) => i.external_id === key)!;
    expect(by("SEC-1")).toMatchObject({ opened: "2025-11-05T15:12:00+03:00", resolved: "2025-11-05T17:00:00+03:00", status: "closed" });
    expect(by("SEC-1").estimated).toBeUndefined();
    expect(by("SEC-2")).toMatchObject({ resolved: "2025-11-07T10:30:00+03:00", closed: "2025-11-07T10:30:00+03:00", status: "closed", estimated: ["resolved", "closed"] });
    expect(by("SEC-3")).toMatchObject({ resolved: "2025-11-08T11:00:00+03:00", status: "resolved", estimated: ["resolved"] });
    expect(by("SEC-4")).toMatchObject({ status: "open" });
    expect(run.text).toContain("[closed-without-resolution]");
    expect(run.text).toMatch(/2 resolution times estimated from the last update/);

    const report = reportSla({ project: run.project, period: "2025-11", by: "priority", asOf: "2025-12-01" });
    expect(report.report.open.map((o) => o.id)).toEqual([by("SEC-4").id]);
    expect(report.report.estimated).toEqual([by("SEC-2").id, by("SEC-3").id].sort());
  });

  it("--closed-without-resolution skip leaves those rows out, never as open incidents", async () => {
    const rows = [
      JIRA_HEADER,
      jiraRow("SEC-2", "Closed", { created: "05/Nov/25 4:00 PM", updated: "07/Nov/25 10:30 AM" }),
      jiraRow("SEC-4", "Assigned", { created: "06/Nov/25 8:00 AM", updated: "06/Nov/25 8:05 AM" }),
    ];
    const run = await importCsv(csv(rows), { preset: "jira-sm", closedWithoutResolution: "skip" });
    expect(run.code).toBe(0);
    expect(run.incidents.map((i) => i.external_id)).toEqual(["SEC-4"]);
    expect(run.text).toMatch(/skipped 1/);
  });

  it("a status value the mapping does not know stops the import, naming it with its count and the line to add", async () => {
    const rows = [
      JIRA_HEADER,
      jiraRow("SEC-5", "Triage", { created: "05/Nov/25 4:00 PM", updated: "07/Nov/25 10:30 AM" }),
      jiraRow("SEC-6", "Triage", { created: "05/Nov/25 4:00 PM", updated: "07/Nov/25 10:30 AM" }),
      jiraRow("SEC-7", "Closed", { created: "05/Nov/25 4:00 PM", updated: "07/Nov/25 10:30 AM", resolved: "05/Nov/25 5:00 PM" }),
    ];
    for (const skipInvalid of [false, true]) {
      const run = await importCsv(csv(rows), { preset: "jira-sm", skipInvalid });
      expect(run.code).toBe(1);
      expect(run.files).toEqual([]);
      expect(run.text).toContain('status "Triage" (2 rows)');
      expect(run.text).toMatch(/status:\s*\n?.*open: \[.*Triage/s);
    }
  });

  it("a ServiceNow table export: Resolved with no resolution time is estimated from sys_updated_on; a re-import after the status changed updates it", async () => {
    const header = [...SN_HEADER, "sys_updated_on"];
    const first = [header, ["INC1", "VPN down", "2 - High", "In Progress", "", "", "03-11-2025 10:00:00", "", "", "", "", "03-11-2025 10:30:00"]];
    const project = newProject();
    const one = await importCsv(csv(first), { preset: "servicenow", map: ["updated=sys_updated_on"] }, project);
    expect(one.code).toBe(0);
    expect(one.incidents[0]).toMatchObject({ status: "open" });
    const second = [header, ["INC1", "VPN down", "2 - High", "Resolved", "", "", "03-11-2025 10:00:00", "", "", "", "", "04-11-2025 08:00:00"]];
    const two = await importCsv(csv(second), { preset: "servicenow", map: ["updated=sys_updated_on"] }, project);
    expect(two.code).toBe(0);
    expect(two.text).toMatch(/updated 1/);
    expect(two.incidents[0]).toMatchObject({ status: "resolved", resolved: "2025-11-04T08:00:00+03:00", estimated: ["resolved"] });
    const third = [header, ["INC1", "VPN down", "2 - High", "Closed", "", "", "03-11-2025 10:00:00", "03-11-2025 12:00:00", "04-11-2025 09:00:00", "", "", "04-11-2025 09:00:00"]];
    const three = await importCsv(csv(third), { preset: "servicenow", map: ["updated=sys_updated_on"] }, project);
    expect(three.code).toBe(0);
    expect(three.incidents[0]).toMatchObject({ status: "closed", resolved: "2025-11-03T12:00:00+03:00", closed: "2025-11-04T09:00:00+03:00" });
    expect(three.incidents[0]!.estimated).toBeUndefined();
  });
});

describe("issue 25, import guardrails", () => {
  const IMPACT = ["Key", "Summary", "Severity", "Opened", "Resolved"];
  const impactRows = () => {
    const rows = [IMPACT];
    const sev = ["Major", "High", "Medium", "Low", "Major", "Low", "Major", "Medium"];
    sev.forEach((s, i) => rows.push([`T-${i}`, `ticket ${i}`, s, `2025-03-0${i + 1} 10:00`, `2025-03-0${i + 1} 12:00`]));
    return rows;
  };
  const impactMap = ["external_id=Key", "title=Summary", "priority=Severity", "opened=Opened", "resolved=Resolved"];

  it("point 7: an unmapped priority stops the import (exit 1, nothing written) listing each value with its count and the mapping line", async () => {
    for (const skipInvalid of [false, true]) {
      const run = await importCsv(csv(impactRows()), { map: impactMap, skipInvalid });
      expect(run.code).toBe(1);
      expect(run.files).toEqual([]);
      expect(run.text).toContain('priority "Major" (3 rows)');
      expect(run.text).not.toContain('"High" (');
      expect(run.text).toContain("values: { priority: { Major: P? } }");
      expect(run.text).toContain("--unknown-priority");
    }
  });

  it("point 7: --unknown-priority P2 names the default explicitly", async () => {
    const run = await importCsv(csv(impactRows()), { map: impactMap, unknownPriority: "P2" });
    expect(run.code).toBe(0);
    expect(run.incidents.filter((i) => i.priority === "P2").map((i) => i.external_id)).toEqual(["T-0", "T-1", "T-4", "T-6"]);
    const bad = await importCsv(csv(impactRows()), { map: impactMap, unknownPriority: "P7" });
    expect(bad.code).toBe(2);
    expect(bad.text).toContain("--unknown-priority");
  });

  it("point 10: --preset servicenow on a CSV that fits neither shape names each missing column once", async () => {
    const run = await importCsv(
      csv([
        ["id", "what"],
        ["1", "x"],
      ]),
      { preset: "servicenow" },
    );
    expect(run.code).toBe(2);
    const message = run.lines.find((l) => l.includes("fit none"))!;
    expect(message.match(/\bnumber\b/g)).toHaveLength(1);
    expect(message.match(/\bopened_at\b/g)).toHaveLength(1);
  });

  it("point 13: no response column: said at import, incidents marked, the SLA report shows the response as unknown, not breached", async () => {
    const rows = [IMPACT, ["T-1", "ticket", "P1", "2025-03-03 10:00", "2025-03-03 13:00"]];
    const run = await importCsv(csv(rows), { map: impactMap });
    expect(run.code).toBe(0);
    expect(run.text).toMatch(/no column is mapped to `responded`: response times cannot be measured/);
    expect(run.incidents[0]).toMatchObject({ unrecorded: ["responded"] });
    const { report } = reportSla({ project: run.project, period: "2025-03", by: "priority", asOf: "2025-04-01" });
    const p1 = report.groups.find((g) => g.key === "P1")!;
    expect(p1.response).toMatchObject({ met: 0, breached: 0, unknown: 1 });
    expect(p1.resolution).toMatchObject({ met: 1, breached: 0 });
    expect(p1.compliancePct).toBe(100);
  });

  it("point 13: columns the mapping does not use are listed once; a line break inside a title is cleaned; `;` separators and a BOM are read", async () => {
    const rows = [
      ["Key", "Summary", "Severity", "Opened", "Resolved", "Reporter", "Notes"],
      ["T-1", "Shop down\r\n  since the\nupdate", "P2", "2025-03-03 10:00", "2025-03-03 13:00", "ann", "x"],
      ["T-2", "VPN", "P3", "2025-03-04 10:00", "", "bob", "y"],
    ];
    const run = await importCsv(`\ufeff${csv(rows, ";")}`, { map: impactMap });
    expect(run.code).toBe(0);
    expect(run.incidents.find((i) => i.external_id === "T-1")!.title).toBe("Shop down since the update");
    expect(run.lines.filter((l) => l.includes("not imported"))).toEqual([expect.stringMatching(/columns not imported: Reporter, Notes$/)]);
  });
});

describe("issue 34: a time the TAM records replaces the estimate", () => {
  it("tam incident update --resolved on an estimated incident drops the mark; --responded drops `unrecorded`", async () => {
    const { runIncidentUpdate } = await import("../../../src/commands/incident-update.js");
    const rows = [JIRA_HEADER, jiraRow("SEC-2", "Closed", { created: "05/Nov/25 4:00 PM", updated: "07/Nov/25 10:30 AM" })];
    const run = await importCsv(csv(rows), { preset: "jira-sm", map: ["responded="] });
    expect(run.incidents[0]).toMatchObject({ estimated: ["resolved", "closed"], unrecorded: ["responded"] });
    const quiet = { out: () => {}, err: () => {} };
    const id = run.incidents[0]!.id;
    expect(await runIncidentUpdate({ project: run.project }, id, { resolved: "2025-11-05T18:00:00+03:00", commit: false } as never, quiet)).toBe(0);
    expect(loadProject(run.project).incidents[0]).toMatchObject({ resolved: "2025-11-05T18:00:00+03:00", estimated: ["closed"], unrecorded: ["responded"] });
    expect(await runIncidentUpdate({ project: run.project }, id, { responded: "2025-11-05T16:10:00+03:00", closed: "2025-11-07T10:30:00+03:00", commit: false } as never, quiet)).toBe(0);
    const after = loadProject(run.project).incidents[0]!;
    expect(after.estimated).toBeUndefined();
    expect(after.unrecorded).toBeUndefined();
    expect(after.responded).toBe("2025-11-05T16:10:00+03:00");
    // The same export again: the times the TAM recorded are kept, not replaced by the estimate.
    const again = await importCsv(csv(rows), { preset: "jira-sm", map: ["responded="] }, run.project);
    expect(again.code).toBe(0);
    expect(again.incidents[0]).toMatchObject({ responded: "2025-11-05T16:10:00+03:00", resolved: "2025-11-05T18:00:00+03:00", closed: "2025-11-07T10:30:00+03:00" });
    expect(again.incidents[0]!.estimated).toBeUndefined();
    expect(again.incidents[0]!.unrecorded).toBeUndefined();
  });
});
