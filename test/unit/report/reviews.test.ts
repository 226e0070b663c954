// The report's post-incident reviews (issue 29): reviews held and actions done since the last meeting
// (after its date) or since the period's start (from it), those still open; the client edition in the
// client's words (ours are "we", no department ids), the internal one naming every owner.
import { describe, expect, it } from "vitest";
import { reviewsReport } from "../../../src/domain/report/reviews.js";
import type { Incident } from "../../../src/model/files.js";
import { EXAMPLE } from "../../helpers/run.js";
import { reportText } from "./render.js";

const incident = (id: string, held: string, actions: Incident["review"] extends infer R ? NonNullable<R>["actions"] : never): Incident => ({
  id,
  title: `Incident ${id}`,
  priority: "P1",
  opened: "2026-10-01T10:00:00+03:00",
  resolved: "2026-10-01T12:00:00+03:00",
  status: "resolved",
  cause: { category: "capacity", root_cause: "disk full" },
  review: { held, cause: "The archive filled the disk", actions },
});

const INCIDENTS: Incident[] = [
  incident("INC-1", "2026-10-02", [
    { id: "A1", text: "Alert on disk usage", owner: "monitoring", side: "provider", due: "2026-10-10", state: "done", done: "2026-10-09" },
    { id: "A2", text: "Approve a bigger volume", owner: "Elena Smirnova", side: "client", due: "2026-10-15", state: "open" },
  ]),
  incident("INC-2", "2026-10-20", [{ id: "A1", text: "Rotate the archive", owner: "dba", side: "provider", due: "2026-10-25", state: "done", done: "2026-10-21", note: "cron job" }]),
];

describe("reviews in the report", () => {
  it("since the last meeting counts what happened after its date; the period's start counts from it", () => {
    const since = reviewsReport(INCIDENTS, "2026-10-09", "2026-11-01", false);
    expect(since.held.map((h) => h.incident)).toEqual(["INC-2"]);
    expect(since.actionsDone.map((a) => `${a.incident}/${a.id}`)).toEqual(["INC-2/A1"]);
    const period = reviewsReport(INCIDENTS, "2026-10-02", "2026-11-01", false, true);
    expect(period.held.map((h) => [h.incident, h.cause, h.done, h.actions])).toEqual([
      ["INC-1", "The archive filled the disk", 1, 2],
      ["INC-2", "The archive filled the disk", 1, 1],
    ]);
    expect(period.actionsDone.map((a) => `${a.incident}/${a.id} ${a.done}`)).toEqual(["INC-1/A1 2026-10-09", "INC-2/A1 2026-10-21"]);
    // As of a day before an action was done it is still open.
    expect(reviewsReport(INCIDENTS, "2026-10-01", "2026-10-08", false, true).open.map((a) => `${a.incident}/${a.id}`)).toEqual(["INC-1/A1", "INC-1/A2"]);
  });

  it("the client edition names no provider owner; the internal one names every owner", () => {
    const client = reviewsReport(INCIDENTS, "2026-10-01", "2026-11-01", false, true);
    expect([...client.actionsDone, ...client.open].map((a) => [a.side, a.owner])).toEqual([
      ["provider", null],
      ["provider", null],
      ["client", "Elena Smirnova"],
    ]);
    const internal = reviewsReport(INCIDENTS, "2026-10-01", "2026-11-01", true, true);
    expect(internal.actionsDone.map((a) => a.owner)).toEqual(["monitoring", "dba"]);
  });

  it("on the example with --since: the section in the client's words, and in the internal edition with owners", async () => {
    const client = await reportText(EXAMPLE, { since: "2026-10-20" });
    const section = client.slice(client.indexOf("### What we learned from incidents since 2026-10-20"), client.indexOf("## Recommendations"));
    expect(section).toContain("We held 4 post-incident reviews; 3 actions agreed in our reviews were carried out.");
    expect(section).toContain("- We: Wire the CMS purge hook into nginx (INC-0035), 2026-10-26");
    expect(section).toContain("- You (Elena Smirnova): Approve the budget for a second array (INC-0004), due 2026-09-30 (past its date)");
    expect(section).not.toMatch(/cyber-defence|network-security|provider side/);
    const internal = await reportText(EXAMPLE, { since: "2026-10-20", audience: "internal" });
    expect(internal).toContain("- cyber-defence (provider side): Deploy the WAF in front of the shop (CHG-0002) (INC-0043), due 2026-11-30");
  });
});
