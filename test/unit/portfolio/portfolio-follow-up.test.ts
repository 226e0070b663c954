// tam portfolio's follow-up figures (issue 31 point 1): escalations due, post-incident reviews and
// review actions overdue, meeting commitments overdue; the same lists tam status gives the project,
// weighed in the urgency and shown by every format.
import { join } from "node:path";
import { JSDOM } from "jsdom";
import { beforeAll, describe, expect, it } from "vitest";
import { portfolio } from "../../../src/app/portfolio.js";
import { status } from "../../../src/app/project-status.js";
import { type ClientFigures, type ClientRow, emptyFigures, portfolioOf, URGENCY_WEIGHTS, urgencyOf } from "../../../src/domain/portfolio.js";
import { formatPortfolioHtml } from "../../../src/format/portfolio/html.js";
import { portfolioFormatters } from "../../../src/format/portfolio/index.js";
import { committedCopy, EXAMPLE, REPO } from "../../helpers/run.js";

const AS_OF = "2026-11-20";
const dirs: Record<string, string> = {};

beforeAll(() => {
  dirs.northwind = committedCopy(EXAMPLE);
  dirs.contoso = committedCopy(join(REPO, "examples/contoso"));
});

const rowOf = (client: string, figures: ClientFigures): ClientRow => ({ path: client.toLowerCase(), client, project: null, tam: null, urgency: urgencyOf(figures), figures, error: null, notes: [] });

describe("the follow-up figures of a client", () => {
  it("lists northwind's escalations due, reviews and review actions overdue, and meeting actions overdue", async () => {
    const result = await portfolio({ paths: [dirs.northwind!], asOf: AS_OF });
    const f = result.rows[0]!.figures!;
    expect(f.escalationsDue).toEqual(["CHG-0002/T4", "INC-0056"]);
    expect(f.reviewsOverdue).toEqual(["INC-0019", "INC-0047", "INC-0049"]);
    expect(f.reviewsOverdueP1).toEqual(["INC-0047"]);
    expect(f.reviewActionsOverdue).toEqual(["INC-0004/A2"]);
    expect(f.meetingActionsOverdue).toEqual(["MTG-2026-10-30/A2"]);
    expect(result.totals).toMatchObject({ escalationsDue: 2, reviewsOverdue: 3, reviewActionsOverdue: 1, meetingActionsOverdue: 1 });
  });

  it("gives what tam status gives the same project, as of the same day", async () => {
    for (const asOf of [AS_OF, "2026-11-10"]) {
      const [row] = (await portfolio({ paths: [dirs.northwind!], asOf })).rows;
      const own = await status({ project: dirs.northwind!, asOf });
      const f = row!.figures!;
      expect(f.escalationsDue).toEqual(own.escalations.filter((e) => e.due).map((e) => e.subject));
      expect([...f.reviewsOverdue].sort()).toEqual(
        own
          .reviews!.due.filter((d) => d.overdueDays > 0)
          .map((d) => d.incident)
          .sort(),
      );
      expect([...f.reviewActionsOverdue].sort()).toEqual(own.reviews!.actions.flatMap((o) => o.actions.filter((a) => a.overdueDays > 0).map((a) => `${a.incident}/${a.id}`)).sort());
      expect([...f.meetingActionsOverdue].sort()).toEqual((own.meetingActions ?? []).flatMap((o) => o.actions.map((a) => a.ref)).sort());
    }
  });

  it("lists a commitment only once it is past its due date", async () => {
    // MTG-2026-10-30/A2 is due on 2026-11-13.
    expect((await portfolio({ paths: [dirs.northwind!], asOf: "2026-11-13" })).rows[0]!.figures!.meetingActionsOverdue).toEqual([]);
    expect((await portfolio({ paths: [dirs.northwind!], asOf: "2026-11-14" })).rows[0]!.figures!.meetingActionsOverdue).toEqual(["MTG-2026-10-30/A2"]);
  });

  it("gives empty lists for a client with nothing to follow up", async () => {
    const f = (await portfolio({ paths: [dirs.contoso!], asOf: AS_OF })).rows[0]!.figures!;
    expect([f.escalationsDue, f.reviewsOverdue, f.reviewActionsOverdue, f.meetingActionsOverdue]).toEqual([[], [], [], []]);
  });
});

describe("the urgency of follow-up", () => {
  it("weighs an escalation due and a P1's overdue review as a broken promise, other reviews and commitments less", () => {
    const late = urgencyOf({ ...emptyFigures(), late: ["CHG-0001"] });
    expect(urgencyOf({ ...emptyFigures(), escalationsDue: ["CHG-0001/T1"] })).toBe(late);
    expect(urgencyOf({ ...emptyFigures(), reviewsOverdue: ["INC-0001"], reviewsOverdueP1: ["INC-0001"] })).toBe(late);
    const p2Review = urgencyOf({ ...emptyFigures(), reviewsOverdue: ["INC-0002"] });
    expect(p2Review).toBe(URGENCY_WEIGHTS.reviewsOverdue);
    expect(p2Review).toBeLessThan(urgencyOf({ ...emptyFigures(), atRisk: ["CHG-0001"] }));
    expect(urgencyOf({ ...emptyFigures(), meetingActionsOverdue: ["MTG-2026-10-30/A2"] })).toBeGreaterThan(urgencyOf({ ...emptyFigures(), blocked: ["CHG-0001/T1"] }));
    expect(urgencyOf({ ...emptyFigures(), reviewActionsOverdue: ["INC-0004/A2"] })).toBeGreaterThan(0);
  });

  it("puts a client with an escalation due before one with a change at risk", () => {
    const result = portfolioOf(AS_OF, [rowOf("Calm", { ...emptyFigures(), atRisk: ["CHG-0001"] }), rowOf("Burning", { ...emptyFigures(), escalationsDue: ["INC-0009"] })]);
    expect(result.rows.map((row) => row.client)).toEqual(["Burning", "Calm"]);
  });
});

describe("every format shows the follow-up", () => {
  it("table, markdown and html: the follow-up cell and the totals", async () => {
    const result = await portfolio({ paths: [dirs.northwind!, dirs.contoso!], asOf: AS_OF });
    for (const name of ["table", "markdown", "html"] as const) {
      const out = portfolioFormatters[name](result, { width: 400 });
      // The page's text, as read (its dates are wrapped in spans that keep them on one line).
      const text = name === "html" ? new JSDOM(out).window.document.body.textContent! : out;
      expect(text, name).toContain("follow-up");
      expect(text, name).toContain("2 escalations due: CHG-0002/T4, INC-0056");
      expect(text, name).toContain("3 reviews overdue: INC-0019, INC-0047, INC-0049 (P1: INC-0047)");
      expect(text, name).toContain("1 review action overdue: INC-0004/A2");
      expect(text, name).toContain("1 meeting action overdue: MTG-2026-10-30/A2");
      expect(text, name).toContain("2 escalations due; 3 reviews and 1 review action overdue; 1 meeting action overdue");
    }
  });

  it("json: the lists per client and the totals, additive keys; empty lists on a row with an error", async () => {
    const result = await portfolio({ paths: [dirs.northwind!, join(REPO, "does-not-exist")], asOf: AS_OF });
    const json = JSON.parse(portfolioFormatters.json(result, { width: 80 }));
    const northwind = json.clients.find((c: { client: string | null }) => c.client === "Northwind Retail");
    expect(northwind.escalationsDue).toEqual(["CHG-0002/T4", "INC-0056"]);
    expect(northwind.reviewsOverdueP1).toEqual(["INC-0047"]);
    expect(northwind.meetingActionsOverdue).toEqual(["MTG-2026-10-30/A2"]);
    expect(json.totals).toMatchObject({ escalationsDue: 2, reviewsOverdue: 3, reviewActionsOverdue: 1, meetingActionsOverdue: 1 });
    const broken = json.clients.find((c: { error: string | null }) => c.error !== null);
    expect([broken.escalationsDue, broken.reviewsOverdue, broken.reviewsOverdueP1, broken.reviewActionsOverdue, broken.meetingActionsOverdue]).toEqual([[], [], [], [], []]);
    // Every key of a readable row, in the same order: its counts and SLA null, its lists empty.
    expect(Object.keys(broken)).toEqual(Object.keys(northwind));
    for (const [key, value] of Object.entries(northwind)) if (Array.isArray(value) && key !== "notes") expect(broken[key], key).toEqual([]);
    expect([broken.openChanges, broken.openTasks, broken.sla]).toEqual([null, null, null]);
  });

  it("html: a row with only an escalation due or a P1's review overdue stands out", () => {
    const page = formatPortfolioHtml(
      portfolioOf(AS_OF, [
        rowOf("Escalated", { ...emptyFigures(), escalationsDue: ["INC-0009"] }),
        rowOf("Unreviewed", { ...emptyFigures(), reviewsOverdue: ["INC-0001"], reviewsOverdueP1: ["INC-0001"] }),
        rowOf("Quiet", { ...emptyFigures(), reviewsOverdue: ["INC-0002"] }),
      ]),
    );
    const rows = [...new JSDOM(page).window.document.querySelectorAll("tbody tr")].filter((tr) => tr.querySelector("td")?.textContent?.match(/Escalated|Unreviewed|Quiet/));
    const fire = Object.fromEntries(rows.map((tr) => [tr.querySelector("td")!.innerHTML.split("<br>")[0], tr.classList.contains("fire")]));
    expect(fire).toEqual({ Escalated: true, Unreviewed: true, Quiet: false });
  });
});
