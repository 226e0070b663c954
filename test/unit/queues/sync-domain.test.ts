// Issue 32.4: exports as they come: the separator sniffed from the header, localized dates through
// the mapping's date_format, extra columns ignored, the reference on one row of a ticket only.
import { describe, expect, it } from "vitest";
import { parseCsv } from "../../../src/domain/csv.js";
import { planChangeSync, readTicketEvents, sniffDelimiter, type SyncMapping } from "../../../src/domain/tracking/sync.js";
import type { Change } from "../../../src/model/files.js";

const MAPPING: SyncMapping = {
  columns: { key: ["Schlüssel"], summary: ["Zusammenfassung"], status: ["Status"], updated: ["Aktualisiert"], resolved: ["Erledigt"], assignee: ["Bearbeiter"] },
  dateFormat: "DD.MM.YYYY HH:mm",
  statuses: { "in-progress": ["In Arbeit"], done: ["Erledigt", "Fertig*"], blocked: ["/^wartet/i"] },
};

describe("sync: reading exports", () => {
  it("sniffs `;`, tab and `,` from the header line, not from quoted text", () => {
    expect(sniffDelimiter("\ufeffa;b;c\n1;2;3\n")).toBe(";");
    expect(sniffDelimiter("a\tb\tc\n")).toBe("\t");
    expect(sniffDelimiter('"x;y;z",b\n')).toBe(",");
    expect(sniffDelimiter("single\n")).toBe(",");
  });

  it("reads localized dates by the mapping, in the project's zone; globs and regexes map statuses; the reference carries over", () => {
    const text = [
      "Schlüssel\tZusammenfassung\tStatus\tAktualisiert\tErledigt\tBearbeiter\tExtra",
      "NET-1\t[CHG-0002/T5] Cut-over\tFertig gestellt\t24.11.2026 15:10\t24.11.2026 15:00\tIgor\tx",
      "NET-1\t\tIn Arbeit\t24.11.2026 09:00\t\tIgor\tx",
      "NET-2\t[chg-0002/T7] Docs\tWartet auf Kunde\t25.11.2026 10:00\t\t\tx",
      "NET-3\t[CHG-0002/T3] nginx\tIn Arbeit\tgestern\t\t\tx",
    ].join("\n");
    const read = readTicketEvents(parseCsv(text, sniffDelimiter(text)), MAPPING, "Europe/Berlin");
    if ("error" in read) throw new Error(read.error);
    expect(read.events.map((e) => [e.key, e.ref, e.state, new Date(e.at).toISOString(), e.by ?? null])).toEqual([
      ["NET-1", "CHG-0002/T5", "done", "2026-11-24T14:00:00.000Z", "Igor"],
      ["NET-1", "CHG-0002/T5", "in-progress", "2026-11-24T08:00:00.000Z", "Igor"],
      ["NET-2", "CHG-0002/T7", "blocked", "2026-11-25T09:00:00.000Z", null],
    ]);
    expect(read.findings).toEqual([{ severity: "error", code: "bad-time", message: 'NET-3: "gestern" is not a time in the format DD.MM.YYYY HH:mm', row: 5, line: 5 }]);
  });

  it("names the missing columns and the names it looked for", () => {
    const read = readTicketEvents(parseCsv("Key,Title,State\n"), MAPPING, "UTC");
    expect(read).toEqual({ error: expect.stringContaining('key ("Schlüssel"), status ("Status"), updated ("Aktualisiert")') });
  });
});

describe("sync: the readiness gate of the first work", () => {
  const change = {
    id: "CHG-0100",
    title: "Gate",
    type: "normal",
    status: "approved",
    requested: "2026-11-01",
    approval: { by: "Elena Smirnova", at: "2026-11-02T09:00:00+03:00" },
    history: [{ at: "2026-11-02T09:00:00+03:00", status: "approved", by: "Elena Smirnova" }],
    tasks: [{ id: "T1", title: "Work", department: "unix", status: "todo" }],
  } as unknown as Change;
  const events = [{ row: 2, line: 2, key: "UNX-1", ref: "CHG-0100/T1", status: "In Progress", state: "in-progress" as const, at: Date.parse("2026-11-03T10:00:00+03:00"), by: "Oleg" }];
  const options = { timezone: "Europe/Moscow", now: Date.parse("2026-11-04T00:00:00+03:00"), force: false, notReady: "rollback: no rollback plan is written" };

  it("a ticket that would start work on a change that is not ready is refused, as tam task start refuses it", () => {
    const plan = planChangeSync(change, events, options);
    expect(plan.steps).toEqual([]);
    expect(plan.findings.map((f) => f.code)).toEqual(["not-ready"]);
    expect(plan.findings[0]!.message).toContain("rollback: no rollback plan is written");
  });

  it("--force with a reason lets it through, recorded", () => {
    const plan = planChangeSync(change, events, { ...options, force: true, reason: "the client accepted it on the phone" });
    expect(plan.steps.map((s) => [s.task, s.event.status, s.changeStatus?.event.status, s.changeStatus?.event.forced])).toEqual([
      ["T1", "in-progress", "in-progress", "the client accepted it on the phone"],
    ]);
  });

  it("a ready change syncs as before", () => {
    const { notReady: _, ...ready } = options;
    expect(planChangeSync(change, events, ready).steps).toHaveLength(1);
  });
});
