import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { changesAsOf, parsePreviousReport, previousReportMarker, reportDelta } from "../../../src/domain/report/since.js";
import type { Change, Incident } from "../../../src/model/files.js";
import { EXAMPLE } from "../../helpers/run.js";
import { reportText } from "./render.js";

const incident = (id: string, opened: string): Incident => ({ id, title: `title ${id}`, priority: "P3", opened: `${opened}T10:00:00+03:00`, status: "resolved" });
const task = (id: string, done: string) => ({
  id,
  title: id,
  department: "unix",
  status: "done" as const,
  history: [
    { at: `${done}T09:00:00+03:00`, status: "in-progress" as const },
    { at: `${done}T17:00:00+03:00`, status: "done" as const },
  ],
});
const change = (id: string, done: string): Change => ({ id, title: `change ${id}`, type: "normal", scope: [], status: "done", tasks: [task("T1", done)] });

describe("--since", () => {
  it("reads back the marker a report carries, ids with odd characters included", () => {
    const ids = ["spof:san", "recurring:a--b:capacity", "x>y z"];
    expect(parsePreviousReport(`# report\n\n${previousReportMarker("2026-10-20", ids)}\n`)).toEqual({ date: "2026-10-20", riskIds: ids });
    const inside = previousReportMarker("2026-10-20", ids).slice("<!--".length, -"-->".length);
    expect(inside).not.toMatch(/--|>/); // nothing that ends the comment early
  });

  it("reads the JSON edition, and refuses a file that is no report", () => {
    expect(parsePreviousReport(JSON.stringify({ header: { asOf: "2026-10-20" }, recommendations: [{ id: "spof:san" }], internal: null }))).toEqual({ date: "2026-10-20", riskIds: ["spof:san"] });
    expect(parsePreviousReport("# notes")).toMatch(/not a report written by tam report/);
  });

  it("lists what is new after the previous meeting's day, up to the report's", () => {
    const delta = reportDelta({
      previous: { date: "2026-10-20", riskIds: ["spof:san", "spof:db-vm"] },
      risksThen: [],
      risksNow: [
        { id: "spof:san", title: "san" },
        { id: "no-backup:nas", title: "nas" },
      ],
      riskTitles: new Map([["spof:db-vm", "db-vm is a single point of failure"]]),
      incidents: [incident("INC-1", "2026-10-20"), incident("INC-2", "2026-10-21"), incident("INC-3", "2026-11-21")],
      changes: [change("CHG-1", "2026-10-19"), change("CHG-2", "2026-11-02")],
      today: "2026-11-20",
    });
    expect(delta.newIncidents.map((i) => i.id)).toEqual(["INC-2"]);
    expect(delta.changesDone).toEqual([{ id: "CHG-2", title: "change CHG-2", finish: "2026-11-02" }]);
    expect(delta.risksResolved).toEqual([{ id: "spof:db-vm", title: "db-vm is a single point of failure" }]);
    expect(delta.risksNew).toEqual([{ id: "no-backup:nas", title: "nas" }]);
    expect(delta.risksCompared).toBe(true);
  });

  it("rewinds tasks to their status on a past day", () => {
    const [then] = changesAsOf([change("CHG-1", "2026-11-02")], "2026-10-30");
    expect(then!.tasks![0]!.status).toBe("todo");
    const [later] = changesAsOf([change("CHG-1", "2026-11-02")], "2026-11-02");
    expect(later!.tasks![0]!.status).toBe("done");
  });
});

describe("tam report --since on the example", () => {
  it("compares with the report written at the previous meeting, read back from its file", async () => {
    const previous = join(mkdtempSync(join(tmpdir(), "tam-since-")), "2026-11-10.md");
    writeFileSync(previous, await reportText(EXAMPLE, { asOf: "2026-11-10" }));
    const text = await reportText(EXAMPLE, { since: previous });
    const section = text.slice(text.indexOf("## Since our last meeting (2026-11-10)"), text.indexOf("## What was done"));
    expect(section).toMatch(/^9 new incidents and \d+ new recommendations?\.$/m);
    expect(section).toContain("| INC-0057 | P3 | Shop admin panel very slow (order list takes 20 s) | 2026-11-19 |");
    expect(section).not.toContain("Risks are compared with the project as it stood"); // the file named its risks
  });
});
