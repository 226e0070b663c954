// CSV reading, date patterns and the row-per-incident import shape.
import { describe, expect, it } from "vitest";
import { parseCsv } from "../../../src/domain/csv.js";
import { readWallTime } from "../../../src/domain/incidents/date-pattern.js";
import { importIncidents, type ImportMapping } from "../../../src/domain/incidents/import.js";
import { csvCell } from "../../../src/format/csv-cell.js";

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
    values: { department: { Ops: "unix" } },
  };
  const ctx = { existingIds: ["INC-0041"], existingExternalIds: new Set(["SD-1"]), departments: new Set(["unix"]), components: new Set<string>() };
  const header = ["Key", "Summary", "Priority", "Created", "Resolved", "Team"];
  const records = [
    ["SD-1", "old", "P1", "01.11.2026 10:00", "-", "Ops"],
    ["SD-3", "second", "Critical", "01.11.2026 01:30", "01.11.2026 03:00", "Ops"],
    ["SD-2", "first", "P2", "31.10.2026 23:00", "-", "-"],
    ["SD-4", "bad date", "P3", "2026-11-01", "-", "Ops"],
    ["SD-5", "bad team", "P3", "01.11.2026 10:00", "-", "Sales"],
  ].map((cells, i) => ({ row: i + 2, line: i + 2, cells }));

  it("builds incidents in order of opening, with new ids, offsets of the zone, and row errors", () => {
    const result = importIncidents(header, records, mapping, ctx, "America/New_York");
    if (typeof result === "string") throw new Error(result);
    expect(result.skipped).toEqual(["SD-1"]);
    expect(result.errors.map((e) => e.row)).toEqual([5, 6]);
    expect(result.errors[0]!.message).toMatch(/does not match the date format/);
    expect(result.errors[1]!.message).toMatch(/department "Sales"/);
    expect(result.incidents).toEqual([
      { id: "INC-0042", external_id: "SD-2", title: "first", priority: "P2", opened: "2026-10-31T23:00:00-04:00", status: "open" },
      // 01:30 on the fall-back night is the first (EDT) reading; 03:00 is EST.
      { id: "INC-0043", external_id: "SD-3", title: "second", priority: "P1", department: "unix", opened: "2026-11-01T01:30:00-04:00", resolved: "2026-11-01T03:00:00-05:00", status: "resolved" },
    ]);
  });

  it("names unmapped required fields and missing columns", () => {
    expect(importIncidents(header, records, { ...mapping, columns: { title: "Summary" } }, ctx, "UTC")).toMatch(/external_id, priority, opened/);
    expect(importIncidents(["Key"], records, mapping, ctx, "UTC")).toMatch(/no column for/);
  });
});
