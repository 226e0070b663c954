// Post-incident reviews: the fields decided from the flags, the document's timeline, and the two
// commands run in-process on a committed copy of the example (one commit, or nothing written).
import { readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { runIncidentReview, runReviewAction } from "../../../src/commands/incident-review.js";
import type { Output } from "../../../src/commands/context.js";
import { addWorkingDays, planReview, reviewRules, setActionState } from "../../../src/domain/incidents/review.js";
import { reviewDocument, reviewTimeline } from "../../../src/domain/incidents/review-document.js";
import type { Incident } from "../../../src/model/files.js";
import { committedCopy, EXAMPLE, git, headOf } from "../../helpers/run.js";

process.env.GIT_AUTHOR_NAME = "Test Author";
process.env.GIT_AUTHOR_EMAIL = "author@example.com";
process.env.GIT_COMMITTER_NAME = "Test Author";
process.env.GIT_COMMITTER_EMAIL = "author@example.com";

const ZONE = "Europe/Moscow";
const INCIDENT: Incident = {
  id: "INC-0100",
  title: "Shop down",
  priority: "P1",
  components: ["shop-pg"],
  opened: "2026-10-05T09:30:00+03:00",
  responded: "2026-10-05T09:41:00+03:00",
  resolved: "2026-10-05T15:05:00+03:00",
  closed: "2026-10-06T10:00:00+03:00",
  // Imported out of order, one pause still open in the export: the timeline sorts them.
  pauses: [
    { from: "2026-10-05T13:00:00+03:00", to: "2026-10-05T13:30:00+03:00", reason: "vendor", note: "Vendor | engineer on site" },
    { from: "2026-10-05T10:00:00+03:00", to: "2026-10-05T11:00:00+03:00", reason: "client" },
  ],
  cause: { category: "capacity", root_cause: "disk full" },
  status: "closed",
};
const request = { held: "2026-10-07", by: "Anna", today: "2026-10-08", timezone: ZONE };

function sink(): Output & { text: () => string } {
  const lines: string[] = [];
  return { out: (t) => lines.push(t), err: (t) => lines.push(t), text: () => lines.join("\n") };
}

describe("planReview", () => {
  it("numbers the actions and keeps an earlier review's actions", () => {
    const first = planReview(INCIDENT, { ...request, cause: "WAL archiving failed silently", factors: ["no alert"], actions: ["Alert on archive failures;monitoring;provider;2026-10-20"] });
    expect(first).toEqual({
      held: "2026-10-07",
      by: "Anna",
      cause: "WAL archiving failed silently",
      factors: ["no alert"],
      actions: [{ id: "A1", text: "Alert on archive failures", owner: "monitoring", side: "provider", due: "2026-10-20", state: "open" }],
      document: "reviews/INC-0100.md",
    });
    const again = planReview({ ...INCIDENT, review: first as Incident["review"] }, { ...request, actions: ["Bigger disk;Elena Smirnova;client;2026-11-01"] });
    expect(typeof again === "object" && again.actions?.map((a) => `${a.id} ${a.owner}`)).toEqual(["A1 monitoring", "A2 Elena Smirnova"]);
    expect(typeof again === "object" && again.cause).toBe("WAL archiving failed silently");
  });

  it("refuses an action without an owner, a bad side, a due date before the incident, a review before resolution", () => {
    expect(planReview(INCIDENT, { ...request, actions: ["Alert;;provider;2026-10-20"] })).toMatch(/--action "Alert;;provider;2026-10-20": the action has no owner/);
    expect(planReview(INCIDENT, { ...request, actions: ["Alert;ops;vendor;2026-10-20"] })).toMatch(/side "vendor" must be provider or client/);
    expect(planReview(INCIDENT, { ...request, actions: ["Alert;ops;provider;2026-10-04"] })).toMatch(/due 2026-10-04 is before the incident was opened \(2026-10-05\)/);
    expect(planReview(INCIDENT, { ...request, actions: ["Alert;ops;provider"] })).toMatch(/4 parts/);
    expect(planReview(INCIDENT, { ...request, actions: ["Alert;ops;provider;2026-02-30"] })).toMatch(/due/);
    expect(planReview(INCIDENT, { ...request, held: "2026-10-04" })).toMatch(/--held 2026-10-04 is before/);
    expect(planReview(INCIDENT, { ...request, held: "2026-10-09" })).toMatch(/after today/);
    const open: Incident = { ...INCIDENT, resolved: undefined, closed: undefined, status: "responded" };
    expect(planReview(open, request)).toMatch(/INC-0100 is responded, not resolved/);
  });
});

describe("setActionState", () => {
  it("marks an action done with its date and note, and open again without the date", () => {
    const review = planReview(INCIDENT, { ...request, actions: ["Alert;ops;provider;2026-10-20"] }) as NonNullable<Incident["review"]>;
    const done = setActionState({ ...INCIDENT, review }, "a1", "done", "2026-10-15", "added");
    expect(typeof done === "object" && done.action).toEqual({ id: "A1", text: "Alert", owner: "ops", side: "provider", due: "2026-10-20", state: "done", done: "2026-10-15", note: "added" });
    const reopened = setActionState({ ...INCIDENT, review: (done as { review: typeof review }).review }, "A1", "open", "2026-10-16", undefined);
    expect(typeof reopened === "object" && reopened.action.done).toBeUndefined();
    expect(setActionState({ ...INCIDENT, review }, "A9", "done", "2026-10-15", undefined)).toMatch(/no action A9 \(actions: A1\)/);
    expect(setActionState(INCIDENT, "A1", "done", "2026-10-15", undefined)).toMatch(/has no review/);
  });
});

describe("the review document", () => {
  it("builds the timeline from the incident's own times, pauses sorted, durations from the opening", () => {
    expect(reviewTimeline(INCIDENT, ZONE).map((e) => `${e.time} ${e.what}`)).toEqual([
      "2026-10-05 09:30 opened",
      "2026-10-05 09:41 first response (11m after opening)",
      "2026-10-05 10:00 SLA clock paused, waiting for the client",
      "2026-10-05 11:00 SLA clock resumed (paused 1h)",
      "2026-10-05 13:00 SLA clock paused, waiting for the vendor: Vendor | engineer on site",
      "2026-10-05 13:30 SLA clock resumed (paused 30m)",
      "2026-10-05 15:05 resolved, service restored (5h 35m after opening)",
      "2026-10-06 10:00 closed",
    ]);
  });

  it("escapes the user's text in the tables", () => {
    const review = planReview(INCIDENT, { ...request, actions: ["Fix | the *alert*;ops;provider;2026-10-20"] }) as NonNullable<Incident["review"]>;
    const text = reviewDocument({ ...INCIDENT, review }, review, ZONE);
    expect(text).toContain("| A1 | Fix \\| the \\*alert\\* | ops | provider | 2026-10-20 | open |");
    expect(text).toContain("waiting for the vendor: Vendor \\| engineer on site |");
  });
});

describe("review rules", () => {
  it("defaults to P1 and P2, breaches, 5 working days; counts working days of the calendar", () => {
    expect(reviewRules(undefined)).toEqual({ requiredFor: ["P1", "P2"], breaches: true, withinDays: 5 });
    expect(reviewRules({ reviews: { within: "1w2d", required_for: ["P1"], breaches: false } } as never)).toEqual({ requiredFor: ["P1"], breaches: false, withinDays: 7 });
    const business = { hours: { mon: ["09:00-18:00"], tue: ["09:00-18:00"], wed: ["09:00-18:00"], thu: ["09:00-18:00"], fri: ["09:00-18:00"] }, holidays: ["2026-11-04"] };
    // Friday + 5 working days = next Friday; over a holiday one day later.
    expect(addWorkingDays("2026-10-09", 5, business)).toBe("2026-10-16");
    expect(addWorkingDays("2026-10-30", 5, business)).toBe("2026-11-09");
    expect(addWorkingDays("2026-10-09", 5, undefined)).toBe("2026-10-14");
  });
});

describe("tam incident review and tam incident action (in-process)", () => {
  const FILE = "incidents/2026-08.yaml";
  const read = (dir: string, file: string) => readFileSync(join(dir, file), "utf8");

  it("writes the review fields and the document in one commit, keeping the file's comments", async () => {
    const dir = committedCopy(EXAMPLE);
    const before = read(dir, FILE);
    const output = sink();
    const code = await runIncidentReview(
      { project: dir },
      "inc-0002",
      {
        held: "2026-08-07",
        by: "Anna Volkova",
        cause: "The failover hung",
        factor: ["One array"],
        action: ["Quote a second array;Anna Volkova;provider;2026-08-20", "Approve the budget;Elena Smirnova;client;2026-09-30"],
        asOf: "2026-08-13",
      },
      output,
    );
    expect(code).toBe(0);
    expect(output.text()).toMatch(/INC-0002: review held 2026-08-07 by Anna Volkova, reviews\/INC-0002\.md \(commit [0-9a-f]+\)/);
    expect(output.text()).toContain("A2 Approve the budget (Elena Smirnova, client, due 2026-09-30)");
    const after = read(dir, FILE);
    // Only lines added: every line of the file before is still there, in order.
    const removed = git(dir, ["diff", "HEAD~1", "--", FILE])
      .split("\n")
      .filter((l) => l.startsWith("-") && !l.startsWith("---"));
    expect(removed).toEqual([]);
    expect(after).toContain('# First of three "disk full" incidents on shop-pg');
    const incident = (parse(after).incidents as Incident[]).find((i) => i.id === "INC-0002")!;
    expect(incident.review?.actions?.map((a) => a.id)).toEqual(["A1", "A2"]);
    expect(git(dir, ["log", "-1", "--format=%s"]).trim()).toBe("INC-0002: post-incident review held 2026-08-07");
    expect(git(dir, ["show", "--name-only", "--format=", "HEAD"]).trim().split("\n")).toEqual([FILE, "reviews/INC-0002.md"]);
    const document = read(dir, "reviews/INC-0002.md");
    expect(document).toContain("# Post-incident review: INC-0002");
    expect(document).toContain("| 2026-08-06 06:40 | resolved, service restored (3h 28m after opening) |");
    expect(before).not.toBe(after);

    // The action: done with a note, the document follows, one more commit of both files.
    const done = sink();
    expect(await runReviewAction({ project: dir }, "INC-0002/a1", "done", { note: "quote sent", asOf: "2026-08-14" }, done)).toBe(0);
    expect(done.text()).toMatch(/INC-0002\/A1 Anna Volkova: done 2026-08-14 \(commit [0-9a-f]+\)/);
    const updated = (parse(read(dir, FILE)).incidents as Incident[]).find((i) => i.id === "INC-0002")!;
    expect(updated.review?.actions?.[0]).toMatchObject({ state: "done", done: "2026-08-14", note: "quote sent" });
    expect(read(dir, "reviews/INC-0002.md")).toContain("| done 2026-08-14: quote sent |");
    expect(git(dir, ["show", "--name-only", "--format=", "HEAD"]).trim().split("\n")).toEqual([FILE, "reviews/INC-0002.md"]);
    expect(git(dir, ["status", "--porcelain"]).trim()).toBe("");
  });

  it("bad input is refused with a message naming it, and nothing is written", async () => {
    const dir = committedCopy(EXAMPLE);
    const head = headOf(dir);
    await expect(runIncidentReview({ project: dir }, "INC-0002", { action: ["Quote;;provider;2026-08-20"], asOf: "2026-08-13" }, sink())).rejects.toThrow(
      /--action "Quote;;provider;2026-08-20": the action has no owner/,
    );
    await expect(runIncidentReview({ project: dir }, "INC-0002", { action: ["Quote;Anna;provider;2026-08-01"], asOf: "2026-08-13" }, sink())).rejects.toThrow(
      /before the incident was opened \(2026-08-06\)/,
    );
    await expect(runIncidentReview({ project: dir }, "INC-9999", { asOf: "2026-08-13" }, sink())).rejects.toThrow(/no incident INC-9999 in incidents\//);
    await expect(runReviewAction({ project: dir }, "INC-0002/A1", "done", {}, sink())).rejects.toThrow(/INC-0002 has no review/);
    await expect(runReviewAction({ project: dir }, "INC-0002", "done", {}, sink())).rejects.toThrow(/not INCIDENT\/ACTION/);
    await expect(runReviewAction({ project: dir }, "INC-0002/A1", "finished", {}, sink())).rejects.toThrow(/must be done or open/);
    expect(headOf(dir)).toBe(head);
    expect(git(dir, ["status", "--porcelain"]).trim()).toBe("");
    expect(existsSync(join(dir, "reviews/INC-0002.md"))).toBe(false);
  });
});
