// tam's table renderer (src/format/table.ts) draws what cli-table3 0.6.5 drew, at any row count,
// with the colours the formatter asks for. The fixture holds 60 seeded tables drawn by cli-table3
// through its public API (colours forced on) before tam dropped it: wrapping, colour codes carried
// across lines, wide characters and emoji, words cut with "…", compact tables.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { DocFreshness } from "../../../src/domain/freshness/types.js";
import type { CheckDocsResult } from "../../../src/app/check-docs.js";
import { docsFormatters } from "../../../src/format/docs/index.js";
import { type DrawOptions, displayWidth, drawTable, wrapText } from "../../../src/format/table.js";
import { fittedTable } from "../../../src/format/table-width.js";
import { reportSla } from "../../../src/app/report-sla.js";
import type { SlaReport } from "../../../src/domain/sla/report.js";
import { slaFormatters } from "../../../src/format/sla/index.js";
import { EXAMPLE, REPO } from "../../helpers/run.js";

interface Drawn {
  head: string[];
  rows: unknown[][];
  options: DrawOptions;
  drawn: string;
}
const fixture = JSON.parse(readFileSync(join(REPO, "test/fixtures/tables/cli-table3-0.6.5.json"), "utf8")) as { cases: Drawn[] };

const GREY = "\u001b[90m";
const BOLD = "\u001b[1m";

describe("the table renderer", () => {
  it("draws each table of the fixture as cli-table3 drew it", () => {
    expect(fixture.cases).toHaveLength(60);
    for (const [index, c] of fixture.cases.entries()) expect(drawTable(c.head, c.rows, c.options), `case ${index}`).toBe(c.drawn);
  });

  it("measures as a terminal shows: colour codes nothing, wide characters and emoji two columns, combining marks none", () => {
    expect(displayWidth("plain text")).toBe(10);
    expect(displayWidth("\u001b[31mred\u001b[39m")).toBe(3);
    expect(displayWidth("日本語")).toBe(6);
    expect(displayWidth("a😀b")).toBe(4);
    expect(displayWidth("e\u0301")).toBe(1);
    expect(displayWidth("Сбой сети")).toBe(9);
    expect(displayWidth("#\ufe0f\u20e3 1\ufe0f\u20e3 🇩🇪 👍🏽 👨\u200d👩\u200d👧 🏴\u{e0067}\u{e0062}\u{e0073}\u{e0063}\u{e0074}\u{e007f} ©\ufe0f")).toBe(20);
  });

  it("gives the emoji expression every text that holds an emoji (it is built only for those)", () => {
    // Every RGI emoji sequence starts with one emoji (a code point, or one followed by U+FE0F, which
    // always goes to the expression): each code point up to the last emoji block is measured as
    // the expression measures it when given every text.
    // biome-ignore lint/complexity/useRegexLiterals: a literal with the v flag does not compile for ES2022
    const EMOJI = new RegExp("\\p{RGI_Emoji}", "gv");
    const wrong: string[] = [];
    for (let code = 0x80; code <= 0x1faff; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const text = `x${String.fromCodePoint(code)}`;
      if (displayWidth(text) !== displayWidth(text.replace(EMOJI, "  "))) wrong.push(text);
    }
    expect(wrong).toEqual([]);
  });

  it("wraps at word boundaries, a word longer than the line on a line of its own", () => {
    expect(wrapText("Have the owner review network", 12)).toEqual(["Have the", "owner review", "network"]);
    expect(wrapText("an-overlong-identifier here", 8)).toEqual(["an-overlong-identifier", "here"]);
    expect(wrapText("first\nsecond line", 20)).toEqual(["first", "second line"]);
  });

  it("cuts a word wider than its column with an ellipsis, closing its colour", () => {
    const text = drawTable(["id"], [["\u001b[31mINC-0035-long\u001b[39m"]], { widths: [8], wrap: true });
    expect(text.split("\n")[3]).toBe("│ \u001b[31mINC-0\u001b[39m… │");
  });

  it("colours nothing unless asked", () => {
    expect(drawTable(["a"], [["1"]])).not.toContain("\u001b");
    const coloured = drawTable(["a"], [["1"]], { boldHead: true, greyBorders: true }).split("\n");
    expect(coloured[0]).toBe(`${GREY}┌───┐\u001b[39m`);
    expect(coloured[1]).toBe(`${GREY}│\u001b[39m${BOLD} a \u001b[22m${GREY}│\u001b[39m`);
  });
});

describe("the same look at any row count", () => {
  const rowsOf = (count: number) => Array.from({ length: count }, (_, i) => [`T${i + 1}`, `task number ${i + 1} of the change`]);

  for (const count of [1, 100, 101, 5000]) {
    it(`${count} rows: bold heading, grey borders, a rule between rows, one line per row`, () => {
      const lines = fittedTable(["task", "title"], rowsOf(count), undefined, { boldHead: true, greyBorders: true }).split("\n");
      expect(lines[0]!.startsWith(`${GREY}┌`)).toBe(true);
      expect(lines[1]).toContain(`${BOLD} task `);
      expect(lines[2]!.startsWith(`${GREY}├`)).toBe(true);
      expect(lines).toHaveLength(3 + 2 * count);
    });
  }

  it("wraps a heading as it wraps the cells below it, at any row count", () => {
    const head = ["id", "the reason this risk matters to the client", "proposed change"];
    const draw = (count: number) =>
      fittedTable(
        head,
        Array.from({ length: count }, () => ["R1", "short", "add a second node ".repeat(6)]),
        90,
      ).split("\n");
    expect(draw(1)[1]).not.toContain("client"); // the heading wrapped in its column
    expect(draw(1)[2]).toContain("client");
    expect(draw(101).slice(0, 4)).toEqual(draw(1).slice(0, 4));
  });

  it("tam docs check past 100 documents: the heading bold and the borders grey, as with one", () => {
    const doc = (i: number): DocFreshness => ({
      id: `doc-${String(i).padStart(3, "0")}`,
      title: `Doc ${i}`,
      owner: "network",
      location: `docs/${i}.md`,
      external: false,
      covers: ["fw"],
      lastReview: { date: "2026-05-21", by: "Ann" },
      interval: "180d",
      dueDate: "2026-11-17",
      state: "fresh",
      reasons: [],
      source: { file: "docs.yaml", line: 3 },
    });
    const result = (count: number): CheckDocsResult => ({
      report: {
        today: "2026-11-20",
        history: { available: true, reason: null },
        settings: { reviewInterval: "180d", warnWithin: "14d" },
        docs: Array.from({ length: count }, (_, i) => doc(i)),
        counts: { fresh: count, due: 0, stale: 0, broken: 0 },
        coverage: { uncovered: [], unknown: [] },
      },
      failOn: "stale",
      failed: false,
      warnings: [],
      repoPrefix: "",
      owner: null,
      meta: { gitProcesses: 3 },
    });
    const firstLines = (count: number) => docsFormatters.table!(result(count), { color: true }).split("\n").slice(0, 2);
    const [top, heading] = firstLines(101);
    expect(top!.startsWith(`${GREY}┌`)).toBe(true);
    expect(heading).toContain(`${BOLD} doc `);
    expect(firstLines(101)).toEqual(firstLines(1));
  });
});

describe("the SLA report for a terminal", () => {
  it("lists every breach and recurring cause, however many (the table is linear in its rows)", () => {
    const { report } = reportSla({ project: EXAMPLE, period: "2026-10", by: "priority", asOf: "2026-11-20" });
    const breach = report.breaches[0]!;
    const recurrence = report.recurring[0] ?? { component: "lb", cause: "capacity", incidents: ["INC-0001", "INC-0002"] };
    const many: SlaReport = {
      ...report,
      breaches: Array.from({ length: 250 }, (_, i) => ({ ...breach, id: `INC-${String(9000 + i)}` })),
      recurring: Array.from({ length: 150 }, (_, i) => ({ ...recurrence, component: `component-${i}` })),
    };
    const text = slaFormatters.table!(many, { color: false });
    for (let i = 0; i < 250; i++) expect(text).toContain(`│ INC-${9000 + i} `);
    for (let i = 0; i < 150; i++) expect(text).toContain(`│ component-${i} `);
    expect(text).not.toMatch(/\.\.\. and \d+ more/);
  });
});
