// A reopening in the review's timeline (issue 29): an event-log import keeps the resolution that did not
// hold and the reopening in the incident's `history` (the SLA still counts to the final resolution), a
// re-import writes it into an incident imported before, and the review's timeline shows it with the
// pauses, on a messy log (a re-stamped row, consecutive waiting rows, a pause, a reopening).
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { reviewIncident } from "../../../src/app/incident-review.js";
import { parseCsv } from "../../../src/domain/csv.js";
import { importIncidents, type ImportMapping } from "../../../src/domain/incidents/import.js";
import { planReimport } from "../../../src/domain/incidents/reimport.js";
import { reviewTimeline } from "../../../src/domain/incidents/review-document.js";
import { compileStatePattern, type StatePattern } from "../../../src/domain/incidents/state-pattern.js";
import type { Incident } from "../../../src/model/files.js";
import { applyImportEdits } from "../../../src/project/incident-files.js";
import { committedCopy, EXAMPLE, git } from "../../helpers/run.js";

process.env.GIT_AUTHOR_NAME = "Test Author";
process.env.GIT_AUTHOR_EMAIL = "author@example.com";
process.env.GIT_COMMITTER_NAME = "Test Author";
process.env.GIT_COMMITTER_EMAIL = "author@example.com";

const p = (text: string) => compileStatePattern(text) as StatePattern;
const mapping: ImportMapping = {
  columns: { external_id: "Number", priority: "Priority", title: "Title", state: "State", at: "At", order_by: "Seq" },
  timezone: "Europe/Moscow",
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
};
const ctx = { existingIds: [], existing: new Map(), departments: new Set<string>(), components: new Set<string>() };

// Opened 09:00; responded 09:10; waiting for the vendor 10:00-12:00 (two rows); resolved 13:00 (the row
// re-stamped at 13:02); reopened 15:30; waiting for the client 16:00-16:45; resolved 18:00; closed next day.
const LOG = [
  "Number,Priority,Title,State,At,Seq",
  "SD-9,P2,Checkout fails for card payments,New,2026-11-10 09:00,0",
  "SD-9,P2,Checkout fails for card payments,In Progress,2026-11-10 09:10,1",
  "SD-9,P2,Checkout fails for card payments,Awaiting Vendor,2026-11-10 10:00,2",
  "SD-9,P2,Checkout fails for card payments,Awaiting Vendor,2026-11-10 11:00,3",
  "SD-9,P2,Checkout fails for card payments,In Progress,2026-11-10 12:00,4",
  "SD-9,P2,Checkout fails for card payments,Resolved,2026-11-10 13:00,5",
  "SD-9,P2,Checkout fails for card payments,Resolved,2026-11-10 13:02,6",
  "SD-9,P2,Checkout fails for card payments,In Progress,2026-11-10 15:30,7",
  "SD-9,P2,Checkout fails for card payments,Awaiting Customer,2026-11-10 16:00,8",
  "SD-9,P2,Checkout fails for card payments,In Progress,2026-11-10 16:45,9",
  "SD-9,P2,Checkout fails for card payments,Resolved,2026-11-10 18:00,10",
  "SD-9,P2,Checkout fails for card payments,Closed,2026-11-11 10:00,11",
  "",
].join("\n");

function imported(csv = LOG): Omit<Incident, "id"> {
  const result = importIncidents(parseCsv(csv), mapping, ctx, "Europe/Moscow");
  if (typeof result === "string") throw new Error(result);
  return result.added[0]!;
}

describe("a reopening", () => {
  it("an event-log import keeps the resolution that did not hold and the reopening; the SLA counts to the final one", () => {
    const incident = imported();
    expect(incident).toMatchObject({ opened: "2026-11-10T09:00:00+03:00", responded: "2026-11-10T09:10:00+03:00", resolved: "2026-11-10T18:00:00+03:00", closed: "2026-11-11T10:00:00+03:00" });
    expect(incident.pauses).toEqual([
      { from: "2026-11-10T10:00:00+03:00", to: "2026-11-10T12:00:00+03:00", reason: "vendor" },
      { from: "2026-11-10T16:00:00+03:00", to: "2026-11-10T16:45:00+03:00", reason: "client" },
    ]);
    expect(incident.history).toEqual([
      { at: "2026-11-10T13:00:00+03:00", status: "resolved" },
      { at: "2026-11-10T15:30:00+03:00", status: "reopened", note: 'back to "In Progress"' },
    ]);
  });

  it("the review's timeline shows the pauses, the resolution that did not hold and the reopening, in time order", () => {
    const incident = { ...imported(), id: "INC-0900" } as Incident;
    expect(reviewTimeline(incident, "Europe/Moscow").map((e) => `${e.time} ${e.what}`)).toEqual([
      "2026-11-10 09:00 opened",
      "2026-11-10 09:10 first response (10m after opening)",
      "2026-11-10 10:00 SLA clock paused, waiting for the vendor",
      "2026-11-10 12:00 SLA clock resumed (paused 2h)",
      "2026-11-10 13:00 resolved (4h after opening), did not hold",
      '2026-11-10 15:30 reopened: back to "In Progress" (2h 30m after it was resolved)',
      "2026-11-10 16:00 SLA clock paused, waiting for the client",
      "2026-11-10 16:45 SLA clock resumed (paused 45m)",
      "2026-11-10 18:00 resolved, service restored (9h after opening)",
      "2026-11-11 10:00 closed",
    ]);
  });

  it("a re-import brings the reopening into an incident imported before it was reopened, keys in order", () => {
    const before = { ...imported(LOG.split("\n").slice(0, 8).join("\n")), id: "INC-0900" } as Incident;
    expect(before.history).toBeUndefined();
    const update = planReimport(before, imported())!;
    expect(update.edits.map((e) => e.key)).toContain("history");
    const text = `incidents:\n  - id: INC-0900\n    title: Checkout fails for card payments\n    priority: P2\n    opened: 2026-11-10T09:00:00+03:00\n    responded: 2026-11-10T09:10:00+03:00\n    resolved: 2026-11-10T13:00:00+03:00\n    status: resolved\n`;
    const written = parse(applyImportEdits(text, 0, update.edits)).incidents[0] as Incident;
    expect(written.history).toEqual(imported().history);
    expect(Object.keys(written)).toEqual(["id", "title", "priority", "opened", "responded", "resolved", "closed", "pauses", "history", "status"]);
  });

  it("a hand-written reopening in the example passes validation and lands in the review document", async () => {
    const dir = committedCopy(EXAMPLE);
    const file = join(dir, "incidents/2026-11.yaml");
    // INC-0047 (P1, resolved 2026-11-06): add a resolution that did not hold and its reopening.
    const text = readFileSync(file, "utf8");
    const at = text.indexOf("  - id: INC-0047");
    const statusLine = text.indexOf("    status:", at);
    const history =
      "    history:\n      - { at: 2026-11-07T08:00:00+03:00, status: resolved, note: service restarted }\n      - at: 2026-11-07T08:40:00+03:00\n        status: reopened\n        note: the disk filled up again\n";
    writeFileSync(file, text.slice(0, statusLine) + history + text.slice(statusLine));
    git(dir, ["commit", "-qam", "INC-0047: the reopening the service desk recorded"]);
    const result = await reviewIncident({ project: dir, id: "INC-0047", held: "2026-11-10", by: "Anna Volkova", cause: "The archive disk filled up", asOf: "2026-11-10" });
    const document = readFileSync(join(dir, result.document), "utf8");
    expect(document).toContain("| 2026-11-07 08:00 | resolved (1h 40m after opening), did not hold: service restarted |");
    expect(document).toContain("| 2026-11-07 08:40 | reopened: the disk filled up again (40m after it was resolved) |");
  });
});
