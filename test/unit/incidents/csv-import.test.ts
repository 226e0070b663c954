// CSV reading, date patterns and the row-per-incident import shape.
import { describe, expect, it } from "vitest";
import { parseCsv } from "../../../src/domain/csv.js";
import { readWallTime } from "../../../src/domain/incidents/date-pattern.js";
import { importIncidents, type ImportMapping } from "../../../src/domain/incidents/import.js";
import { csvCell } from "../../../src/format/csv-cell.js";
import type { Incident } from "../../../src/model/files.js";

describe("parseCsv", () => {
  it("reads quotes, doubled quotes, embedded newlines, CRLF and a BOM", () => {
    const table = parseCsv('\ufeffa,b,c\r\n1,"x, ""y""","line 1\r\nline 2"\r\n\r\n2,,last\n');
    expect(table.header).toEqual(["a", "b", "c"]);
    expect(table.records).toEqual([
      { row: 2, line: 2, cells: ["1", 'x, "y"', "line 1\r\nline 2"] },
      { row: 3, line: 5, cells: ["2", "", "last"] },
    ]);
    expect(table.errors).toEqual([]);
  });

  it("reports an unclosed quote and text after a closing quote", () => {
    expect(parseCsv('a\n"open\n').errors).toEqual([{ row: 2, line: 2, message: "a quoted field is not closed" }]);
    expect(parseCsv('a,b\n"x"y,2\n').errors[0]).toMatchObject({ row: 2, message: 'unexpected "y" after a closing quote' });
  });
});

describe("csvCell", () => {
  it("quotes per RFC 4180 and neutralises formulas", () => {
    expect(csvCell('a,"b"')).toBe('"a,""b"""');
    expect(csvCell("=1+1")).toBe("'=1+1");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("-50.0")).toBe("-50.0");
    expect(csvCell("-x")).toBe("'-x");
  });
});

describe("readWallTime", () => {
  it("reads patterns and ISO 8601", () => {
    expect(readWallTime("05-10-2026 09:30", "DD-MM-YYYY HH:mm")).toEqual({ date: "2026-10-05", minutes: 570, seconds: 0 });
    expect(readWallTime("5/10/2026 9:30:15 +0300", "D/M/YYYY H:mm:ss ZZ")).toEqual({ date: "2026-10-05", minutes: 570, seconds: 15, offsetMinutes: 180 });
    expect(readWallTime("2026-10-05T09:30:00-04:00")).toEqual({ date: "2026-10-05", minutes: 570, seconds: 0, offsetMinutes: -240 });
    expect(readWallTime("2026-10-05 09:30")).toEqual({ date: "2026-10-05", minutes: 570, seconds: 0 });
    // Jira's export format: month abbreviations, two-digit years, AM/PM.
    expect(readWallTime("12/Nov/26 9:41 AM", "DD/MMM/YY h:mm A")).toEqual({ date: "2026-11-12", minutes: 581, seconds: 0 });
    expect(readWallTime("12/Nov/26 12:05 AM", "DD/MMM/YY h:mm A")).toEqual({ date: "2026-11-12", minutes: 5, seconds: 0 });
    expect(readWallTime("12/Nov/26 1:05 PM", "DD/MMM/YY h:mm A")).toEqual({ date: "2026-11-12", minutes: 785, seconds: 0 });
    expect(readWallTime("12/Foo/26 1:05 PM", "DD/MMM/YY h:mm A")).toBeNull();
  });
  it("rejects what does not match or does not exist", () => {
    expect(readWallTime("31-02-2026 09:30", "DD-MM-YYYY HH:mm")).toBeNull();
    expect(readWallTime("2026-10-05 09:30", "DD-MM-YYYY HH:mm")).toBeNull();
    expect(readWallTime("05-10-2026 25:00", "DD-MM-YYYY HH:mm")).toBeNull();
  });
});

describe("importIncidents, one row per incident", () => {
  const mapping: ImportMapping = {
    columns: { external_id: "Key", title: "Summary", priority: "Priority", opened: "Created", resolved: "Resolved", department: "Team" },
    dateFormat: "DD.MM.YYYY HH:mm",
    timezone: "America/New_York",
    empty: ["-"],
    values: { department: new Map([["Ops", "unix"]]) },
  };
  const existing: Incident = { id: "INC-0041", external_id: "SD-1", title: "old", priority: "P1", opened: "2026-11-01T10:00:00-05:00", status: "open" };
  const ctx = { existingIds: ["INC-0041"], existing: new Map([["SD-1", existing]]), departments: new Set(["unix"]), components: new Set<string>() };
  const header = ["Key", "Summary", "Priority", "Created", "Resolved", "Team"];
  const rows = [
    ["SD-1", "old", "P1", "01.11.2026 10:00", "-", "Ops"],
    ["SD-3", "second", "Critical", "01.11.2026 01:30", "01.11.2026 03:00", "Ops"],
    ["SD-2", "first", "P2", "31.10.2026 23:00", "-", "-"],
    ["SD-4", "bad date", "P3", "2026-11-01", "-", "Ops"],
    ["SD-5", "bad team", "P3", "01.11.2026 10:00", "-", "Sales"],
  ];
  const table = (cells: string[][]) => ({ header, records: cells.map((c, i) => ({ row: i + 2, line: i + 2, cells: c })), errors: [] });

  it("builds incidents in order of opening, with new ids, offsets of the zone; errors and anomalies by CSV line", () => {
    const result = importIncidents(table(rows), mapping, ctx, "America/New_York");
    if (typeof result === "string") throw new Error(result);
    // Without a response column, SD-1 learns that its export records no response (issue 25, point 13).
    expect(result.unchanged).toEqual([]);
    expect(result.updated.map((u) => [u.externalId, u.edits])).toEqual([["SD-1", [{ key: "unrecorded", value: ["responded"] }]]]);
    expect(result.errors).toEqual([{ line: 5, externalId: "SD-4", message: 'opened "2026-11-01" does not match the date format "DD.MM.YYYY HH:mm"' }]);
    expect(result.anomalies).toEqual([{ kind: "unknown-department", externalId: "SD-5", line: 6, message: 'department "Sales" is not a department id (map it: values.department): left out' }]);
    expect(result.added.map((i) => i.external_id)).toEqual(["SD-2", "SD-3", "SD-5"]);
    expect(result.added.slice(0, 2)).toEqual([
      { id: "INC-0042", external_id: "SD-2", title: "first", priority: "P2", opened: "2026-10-31T23:00:00-04:00", unrecorded: ["responded"], status: "open" },
      // 01:30 on the fall-back night is the first (EDT) reading; 03:00 is EST.
      {
        id: "INC-0043",
        external_id: "SD-3",
        title: "second",
        priority: "P1",
        department: "unix",
        opened: "2026-11-01T01:30:00-04:00",
        resolved: "2026-11-01T03:00:00-05:00",
        unrecorded: ["responded"],
        status: "resolved",
      },
    ]);
  });

  it("no opened time: the earliest time of the row, flagged; none at all is an error", () => {
    const result = importIncidents(
      table([
        ["SD-7", "late", "P3", "-", "02.11.2026 12:00", "Ops"],
        ["SD-8", "none", "P3", "-", "-", "Ops"],
      ]),
      mapping,
      ctx,
      "UTC",
    );
    if (typeof result === "string") throw new Error(result);
    expect(result.added[0]).toMatchObject({ external_id: "SD-7", opened: "2026-11-02T17:00:00+00:00", resolved: "2026-11-02T17:00:00+00:00" });
    expect(result.anomalies).toEqual([{ kind: "no-opened", externalId: "SD-7", line: 2, message: "opened is empty: opened at the earliest time of the row (2026-11-02T17:00:00+00:00)" }]);
    expect(result.errors).toEqual([{ line: 3, externalId: "SD-8", message: "opened is empty, and the row has no other time" }]);
  });

  it("--skip-invalid leaves out the incidents with errors or anomalies", () => {
    const result = importIncidents(table(rows), mapping, ctx, "America/New_York", { skipInvalid: true });
    if (typeof result === "string") throw new Error(result);
    expect(result.skipped).toEqual(["SD-4", "SD-5"]);
    expect(result.added.map((i) => i.external_id)).toEqual(["SD-2", "SD-3"]);
  });

  it("a later export updates the times, status and priority of an incident imported before", () => {
    const later = [["SD-1", "renamed by the desk", "P2", "01.11.2026 10:00", "01.11.2026 12:00", "Ops"]];
    const result = importIncidents(table(later), mapping, ctx, "America/New_York");
    if (typeof result === "string") throw new Error(result);
    expect(result.updated).toHaveLength(1);
    expect(result.updated[0]!.edits).toEqual([
      { key: "priority", value: "P2" },
      { key: "resolved", value: "2026-11-01T12:00:00-05:00" },
      { key: "unrecorded", value: ["responded"] },
      { key: "status", value: "resolved" },
    ]);
    // The title is the TAM's once imported.
    expect(result.updated[0]!.after.title).toBe("old");
  });

  it("a title falls back to the template; a prototype name is just a value", () => {
    const m: ImportMapping = { ...mapping, columns: { external_id: "Key", priority: "Priority", opened: "Created", department: "Team" }, titleTemplate: "{Key}: {Summary}" };
    // An unmapped priority needs a default named by the user (issue 25, point 7).
    const result = importIncidents(table([["SD-9", "constructor", "toString", "01.11.2026 10:00", "-", "__proto__"]]), { ...m, unknownPriority: "P4" }, ctx, "UTC");
    if (typeof result === "string") throw new Error(result);
    expect(result.added[0]).toMatchObject({ title: "SD-9: constructor", priority: "P4" });
    expect(result.anomalies.map((a) => a.kind)).toEqual(["unknown-priority", "unknown-department"]);
    // Columns named like Object.prototype's members are plain columns.
    const proto = { header: ["__proto__", "constructor", "toString", "hasOwnProperty"], records: [{ row: 2, line: 2, cells: ["SD-10", "Disk full", "P2", "2026-11-02 10:00"] }], errors: [] };
    const protoMapping: ImportMapping = { columns: { external_id: "__proto__", title: "constructor", priority: "toString", opened: "hasOwnProperty" }, timezone: "UTC", empty: [], values: {} };
    const read = importIncidents(proto, protoMapping, ctx, "UTC");
    if (typeof read === "string") throw new Error(read);
    expect(read.added[0]).toMatchObject({ external_id: "SD-10", title: "Disk full", priority: "P2", opened: "2026-11-02T10:00:00+00:00" });
  });

  it("names unmapped required fields, missing columns, and keys the shape does not use", () => {
    expect(importIncidents(table(rows), { ...mapping, columns: { title: "Summary" } }, ctx, "UTC")).toMatch(/external_id, priority, opened/);
    expect(importIncidents({ ...table(rows), header: ["Key"] }, mapping, ctx, "UTC")).toMatch(/no column for/);
    expect(importIncidents({ ...table(rows), header: ["Key;Summary;Priority"] }, mapping, ctx, "UTC")).toMatch(/separated by semicolons or tabs/);
    expect(importIncidents(table(rows), { ...mapping, columns: { ...mapping.columns, state: "State" } }, ctx, "UTC")).toMatch(/`state` is used only for event logs/);
    expect(importIncidents(table(rows), { ...mapping, values: { cause: new Map() } }, ctx, "UTC")).toMatch(/`values.cause` is not used/);
  });
});

describe("parseCsv cell counts", () => {
  it("reports rows with more or fewer cells than the header by CSV line", () => {
    const table = parseCsv('a,b\n1,2\n"multi\nline",2,3\n4\n');
    expect(table.errors).toEqual([
      { row: 3, line: 3, message: "3 cells, the header has 2" },
      { row: 4, line: 5, message: "1 cell, the header has 2" },
    ]);
  });
});

describe("import report formatters", () => {
  it("text: one terminal-safe line per finding, counts by kind, the summary; json: the documented shape", async () => {
    const { importFormatters } = await import("../../../src/format/import/index.js");
    const result = {
      added: [{ id: "INC-0001", external_id: "SD-1", title: "t", priority: "P4" as const, opened: "2026-11-02T10:00:00Z", status: "open" as const }],
      updated: [],
      unchanged: ["SD-0"],
      skipped: [],
      errors: [],
      anomalies: [{ kind: "unknown-priority" as const, externalId: "SD-1", line: 3, message: 'priority "\u001b[31mP9" is not P1-P4: imported as P4 (the lowest)' }],
      warnings: [],
      gaps: [],
      notes: [],
      estimated: [],
    };
    const report = { file: "x.csv", strict: false, result, written: ["incidents/2026-11.yaml"] };
    const text = importFormatters.text!(report, { color: false });
    expect(text).toBe(
      'x.csv:3: warning: SD-1: priority "�[31mP9" is not P1-P4: imported as P4 (the lowest) [unknown-priority]\n1 anomaly: unknown-priority 1\nadded 1, updated 0, unchanged 1, skipped 0\n',
    );
    const json = JSON.parse(importFormatters.json!(report, { color: false }));
    expect(json).toMatchObject({
      version: 1,
      file: "x.csv",
      preset: null,
      refused: null,
      added: [{ id: "INC-0001", externalId: "SD-1" }],
      unchanged: ["SD-0"],
      anomalies: [{ kind: "unknown-priority", externalId: "SD-1", line: 3 }],
    });
  });
});
