// What `tam incident import` reads: only regular files, within the size limit, UTF-8 or declared
// Latin-1; mapping files and presets with every key known and used.
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseCsv } from "../../../src/domain/csv.js";
import { importIncidents } from "../../../src/domain/incidents/import.js";
import { readCsvFile } from "../../../src/project/csv-input.js";
import { loadMapping } from "../../../src/project/import-mapping.js";

const dir = mkdtempSync(join(tmpdir(), "tam-import-input-"));
const file = (name: string, content: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

describe("readCsvFile", () => {
  it("refuses a FIFO, a device and a folder without reading them", () => {
    const fifo = join(dir, "pipe.csv");
    execFileSync("mkfifo", [fifo]);
    expect(() => readCsvFile(fifo)).toThrow(/is a FIFO \(named pipe\): give a CSV file/);
    expect(() => readCsvFile("/dev/zero")).toThrow(/is a device/);
    expect(() => readCsvFile(dir)).toThrow(/is a folder/);
    expect(() => readCsvFile(join(dir, "missing.csv"))).toThrow(/cannot read .*ENOENT/);
  });

  it("refuses a file over the size limit, saying how to raise it", () => {
    const big = file("big.csv", `a\n${"x\n".repeat(600_000)}`);
    expect(() => readCsvFile(big, { maxMb: 1 })).toThrow(/1\.1 MB, over the 1 MB limit \(raise it with --max-size MB\)/);
  });

  it("refuses Latin-1 with the line of the first bad byte, reads it with encoding latin1", () => {
    const latin = file("latin.csv", Buffer.concat([Buffer.from("Number,Title\nINC1,ok\nINC2,Caf"), Buffer.from([0xe9]), Buffer.from("\n")]));
    expect(() => readCsvFile(latin)).toThrow(/latin\.csv:3:9: not UTF-8 text: byte 0xE9 .*--encoding latin1/);
    expect(readCsvFile(latin, { encoding: "latin1" })).toContain("INC2,Café");
  });

  it("refuses NUL bytes (UTF-16, binary) even as latin1", () => {
    const utf16 = file("utf16.csv", Buffer.from("Number\nINC1\n", "utf16le"));
    expect(() => readCsvFile(utf16)).toThrow(/NUL byte/);
    expect(() => readCsvFile(utf16, { encoding: "latin1" })).toThrow(/utf16\.csv:1: holds a NUL byte/);
  });
});

describe("loadMapping", () => {
  const snHeader = "number,incident_state,active,reassignment_count,reopen_count,sys_mod_count,opened_at,sys_updated_on,category,priority,assignment_group".split(",");

  it("--preset servicenow picks the event-log shape or the incident table by the header", () => {
    const events = loadMapping({ preset: "servicenow" }, "UTC", snHeader);
    expect(events.presetFile).toBe("templates/import/servicenow-events.yaml");
    expect(events.mapping.columns).toMatchObject({ order_by: "sys_mod_count", state: "incident_state" });
    const table = loadMapping({ preset: "servicenow" }, "UTC", ["number", "short_description", "priority", "opened_at", "resolved_at", "closed_at"]);
    expect(table.presetFile).toBe("templates/import/servicenow-incidents.yaml");
    expect(table.mapping.eventLog).toBeUndefined();
    expect(() => loadMapping({ preset: "servicenow" }, "UTC", ["Key"])).toThrow(/fit none of its shapes/);
    expect(() => loadMapping({ preset: "constructor" }, "UTC", ["Key"])).toThrow(/"constructor" is not a preset/);
  });

  it("--preset jira-sm reads Jira's export: header and dates", () => {
    const header = ["Summary", "Issue key", "Issue id", "Status", "Priority", "Created", "Updated", "Resolved", "Custom field (Date of First Response)"];
    const { mapping } = loadMapping({ preset: "jira-sm" }, "Europe/Berlin", header);
    const csv = `${header.join(",")}\nVPN drops,HELP-7,10007,Resolved,Highest,12/Nov/26 9:41 AM,12/Nov/26 3:00 PM,12/Nov/26 1:15 PM,12/Nov/26 9:50 AM\n`;
    const result = importIncidents(parseCsv(csv), mapping, { existingIds: [], existing: new Map(), departments: new Set(), components: new Set() }, "Europe/Berlin");
    if (typeof result === "string") throw new Error(result);
    expect(result.added[0]).toMatchObject({
      external_id: "HELP-7",
      title: "VPN drops",
      priority: "P1",
      opened: "2026-11-12T09:41:00+01:00",
      responded: "2026-11-12T09:50:00+01:00",
      resolved: "2026-11-12T13:15:00+01:00",
      status: "resolved",
    });
  });

  it("flags win over the preset; field= unmaps a preset column", () => {
    const { mapping } = loadMapping(
      { preset: "servicenow", map: ["opened=", "priority=urgency"], titleTemplate: "{category}" },
      "UTC",
      snHeader.filter((c) => c !== "opened_at"),
    );
    expect(mapping.columns.opened).toBeUndefined();
    expect(mapping.columns.priority).toBe("urgency");
    expect(mapping.titleTemplate).toBe("{category}");
  });

  it("a mapping file is read only when it is a small regular file", () => {
    expect(() => loadMapping({ mapping: "/dev/zero" }, "UTC")).toThrow(/--mapping \/dev\/zero: \/dev\/zero is a device/);
  });

  it("unknown keys are errors; prototype names are plain keys", () => {
    const typo = file("typo.yaml", "columns: { external_id: Number }\nevent_logs: {}\n");
    expect(() => loadMapping({ mapping: typo }, "UTC")).toThrow(/unknown key "event_logs"/);
    const proto = file("proto.yaml", "columns: { external_id: Number, priority: P, opened: O, department: D }\nvalues:\n  department: { __proto__: unix, constructor: dba }\n");
    const { mapping } = loadMapping({ mapping: proto }, "UTC");
    expect(mapping.values.department!.get("__proto__")).toBe("unix");
    expect(mapping.values.department!.get("toString")).toBeUndefined();
    const field = file("field.yaml", "columns: { constructor: Number }\n");
    expect(() => loadMapping({ mapping: field }, "UTC")).toThrow(/"constructor" is not an importable field/);
  });

  it("states without an event log, and bad patterns, are errors", () => {
    expect(() => loadMapping({ waitingState: ["Awaiting*"] }, "UTC")).toThrow(/--waiting-state: states are used only for event logs/);
    expect(() => loadMapping({ eventLog: true, resolvedState: ["/([/"] }, "UTC")).toThrow(/--resolved-state: state pattern \/\(\[\/ is not a regular expression/);
    expect(() => loadMapping({ eventLog: true, waitingState: ["Awaiting*=later"], resolvedState: ["Resolved"] }, "UTC")).toThrow(/must be client, vendor or other/);
  });
});
