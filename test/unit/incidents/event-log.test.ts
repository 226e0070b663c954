// The event-log rules of docs/commands/incident.md, one by one, on small hand-made logs.
import { describe, expect, it } from "vitest";
import { parseCsv } from "../../../src/domain/csv.js";
import { importIncidents, type ImportMapping } from "../../../src/domain/incidents/import.js";
import { compileStatePattern, type StatePattern } from "../../../src/domain/incidents/state-pattern.js";
import { mergePauses } from "../../../src/domain/incidents/event-log.js";

const p = (text: string) => compileStatePattern(text) as StatePattern;
const mapping = (extra: Partial<ImportMapping> = {}): ImportMapping => ({
  columns: { external_id: "Number", priority: "Priority", state: "State", at: "At" },
  timezone: "UTC",
  empty: ["?"],
  eventLog: {
    initial: [p("New")],
    waiting: [
      { pattern: p("Awaiting Vendor"), reason: "vendor" },
      { pattern: p("Awaiting*"), reason: "client" },
    ],
    resolved: [p("Resolved")],
    closed: [p("Closed")],
  },
  values: {},
  ...extra,
});
const ctx = { existingIds: [], existing: new Map(), departments: new Set<string>(), components: new Set<string>() };
function run(csv: string, extra: Partial<ImportMapping> = {}) {
  const result = importIncidents(parseCsv(csv), mapping(extra), ctx, "UTC");
  if (typeof result === "string") throw new Error(result);
  return result;
}

describe("event-log rules", () => {
  it("orders by the order column with ties in file order; without it by time", () => {
    const csv = [
      "Number,Priority,State,At,Seq",
      "I1,P2,New,2026-11-02 09:00,0",
      "I1,P2,Active,2026-11-02 09:20,1",
      "I1,P2,Active,2026-11-02 13:07,2", // work note stamped after the resolution of the same update
      "I1,P2,Resolved,2026-11-02 13:05,2",
      "I1,P2,Closed,2026-11-05 10:00,3",
      "",
    ].join("\n");
    const bySeq = run(csv, { columns: { ...mapping().columns, order_by: "Seq" } }).added[0]!;
    expect(bySeq).toMatchObject({ responded: "2026-11-02T09:20:00+00:00", resolved: "2026-11-02T13:05:00+00:00", closed: "2026-11-05T10:00:00+00:00", status: "closed" });
    // By time the 13:07 row reopens it: the resolution moves to the closing.
    const byTime = run(csv).added[0]!;
    expect(byTime.resolved).toBe("2026-11-05T10:00:00+00:00");
  });

  it("a re-stamped Resolved row does not move the resolution; a reopening does", () => {
    const csv =
      "Number,Priority,State,At\nI1,P3,New,2026-11-02 09:00\nI1,P3,Resolved,2026-11-02 10:00\nI1,P3,Resolved,2026-11-02 15:00\nI2,P3,New,2026-11-02 09:00\nI2,P3,Resolved,2026-11-02 10:00\nI2,P3,Active,2026-11-02 11:00\nI2,P3,Resolved,2026-11-02 12:00\n";
    const [i1, i2] = run(csv).added;
    expect(i1).toMatchObject({ responded: "2026-11-02T10:00:00+00:00", resolved: "2026-11-02T10:00:00+00:00" });
    expect(i2).toMatchObject({ responded: "2026-11-02T10:00:00+00:00", resolved: "2026-11-02T12:00:00+00:00" });
  });

  it("waiting states by glob, first match gives the reason; consecutive waiting rows make one pause; open pause at the end", () => {
    const csv =
      "Number,Priority,State,At\nI1,P3,New,2026-11-02 09:00\nI1,P3,Awaiting Vendor,2026-11-02 10:00\nI1,P3,Awaiting Vendor,2026-11-02 11:00\nI1,P3,Active,2026-11-02 12:00\nI1,P3,awaiting user info,2026-11-02 13:00\n";
    const result = run(csv);
    expect(result.added[0]!.pauses).toEqual([
      { from: "2026-11-02T10:00:00+00:00", to: "2026-11-02T12:00:00+00:00", reason: "vendor" },
      { from: "2026-11-02T13:00:00+00:00", reason: "client" },
    ]);
    expect(result.added[0]!.status).toBe("responded");
  });

  it("merges overlapping pauses and cuts them at the resolution", () => {
    const h = (n: number) => n * 3_600_000;
    expect(
      mergePauses(
        [
          { from: h(1), to: h(3), reason: "client" },
          { from: h(2), to: h(5), reason: "vendor" },
          { from: h(5), to: h(6), reason: "client" },
        ],
        0,
        h(5.5),
      ),
    ).toEqual([{ from: h(1), to: h(5.5), reason: "client" }]);
    // Touching pauses of different reasons stay apart.
    expect(
      mergePauses(
        [
          { from: h(1), to: h(2), reason: "client" },
          { from: h(2), to: h(3), reason: "vendor" },
        ],
        0,
        undefined,
      ),
    ).toHaveLength(2);
    expect(
      mergePauses(
        [
          { from: h(1), reason: "client" },
          { from: h(2), to: h(3), reason: "vendor" },
        ],
        0,
        undefined,
      ),
    ).toEqual([{ from: h(1), reason: "client" }]);
  });

  it("regular expressions as states; a pattern matching nothing is a warning naming the states that occur", () => {
    const result = run("Number,Priority,State,At\nI1,P3,New,2026-11-02 09:00\nI1,P3,Fixed,2026-11-02 10:00\n", {
      eventLog: { initial: [p("New")], waiting: [{ pattern: p("Awaiting*"), reason: "client" }], resolved: [p("/^(Fixed|Done)$/")], closed: [] },
    });
    expect(result.added[0]!.resolved).toBe("2026-11-02T10:00:00+00:00");
    expect(result.warnings).toEqual(['waiting state pattern "Awaiting*" matches no state in the file; its states are: Fixed, New']);
  });

  it("anomalies: an event before opened is clamped; no opened time; unknown priority falls back to the latest known one", () => {
    const csv =
      "Number,Priority,State,At,Opened\nI1,P2,New,2026-11-02 08:58,2026-11-02 09:00\nI1,P2,Active,2026-11-02 09:10,2026-11-02 09:00\nI2,P1,New,2026-11-02 09:00,?\nI2,Whatever,Active,2026-11-02 09:05,?\n";
    // An unmapped priority stops the import unless a default is named (issue 25, point 7): then the latest known one wins.
    expect(run(csv, { columns: { ...mapping().columns, opened: "Opened" } }).gaps).toEqual([expect.stringContaining('priority "Whatever" (1 row), first on line 5')]);
    const result = run(csv, { columns: { ...mapping().columns, opened: "Opened" }, unknownPriority: "P4" });
    expect(result.anomalies.map((a) => [a.kind, a.externalId, a.line])).toEqual([
      ["event-before-opened", "I1", 2],
      ["no-opened", "I2", 4],
      ["unknown-priority", "I2", 5],
    ]);
    expect(result.anomalies[2]!.message).toBe('priority "Whatever" is not P1-P4 (map it: values.priority): imported as P1 (the latest known priority)');
    expect(result.added.find((i) => i.external_id === "I1")).toMatchObject({ opened: "2026-11-02T09:00:00+00:00", responded: "2026-11-02T09:10:00+00:00" });
    expect(result.added.find((i) => i.external_id === "I2")).toMatchObject({ opened: "2026-11-02T09:00:00+00:00", priority: "P1" });
  });

  it("an unreadable row is an error at its CSV line (quoted line breaks counted), naming the incident", () => {
    const result = run('Number,Priority,State,At\n"I1",P2,"New\nstate",2026-11-02 09:00\nI1,P2,Active,yesterday\n');
    expect(result.errors).toEqual([{ line: 4, externalId: "I1", message: 'at "yesterday" does not match ISO 8601 (or give --date-format)' }]);
  });

  it("mapping keys the event log does not use are errors, not silently ignored", () => {
    const result = importIncidents(parseCsv("Number,Priority,State,At,Resolved\n"), mapping({ columns: { ...mapping().columns, resolved: "Resolved" } }), ctx, "UTC");
    expect(result).toBe("`resolved` is not used for event logs: resolution comes from the resolved states (remove it from the mapping)");
  });
});
