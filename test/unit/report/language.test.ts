// The report a TAM hands over unedited: pinned for both audiences on the example and on an empty
// new project, and checked for the language a client should never read.
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { ClientReport } from "../../../src/domain/report/types.js";
import { EXAMPLE, REPO } from "../../helpers/run.js";
import { PROJECTS, reportText } from "./render.js";

const texts: Record<string, string> = {};

beforeAll(async () => {
  for (const [name, project] of Object.entries(PROJECTS)) {
    const dir = await project();
    for (const audience of ["client", "internal"]) texts[`${name}-${audience}`] = await reportText(dir, { audience });
  }
});

/** The example's client edition is the one docs/commands/report.md links to. */
const SNAPSHOTS: Record<string, string> = {
  "example-client": "test/snapshots/northwind-report-2026-10.md",
  "example-internal": "test/snapshots/northwind-report-2026-10-internal.md",
  "empty-client": "test/snapshots/new-project-report.md",
  "empty-internal": "test/snapshots/new-project-report-internal.md",
};
const cases = Object.keys(SNAPSHOTS);

describe.each(cases)("tam report (%s)", (name) => {
  it("matches its snapshot", async () => {
    await expect(texts[name]).toMatchFileSnapshot(join(REPO, SNAPSHOTS[name]!));
  });

  it('has no "(s)" plurals, no "-" placeholders and no one-day ranges', () => {
    const text = texts[name]!;
    expect(text).not.toMatch(/\w\((s|es)\)/);
    expect(text).not.toMatch(/\|\s*-\s*(?=\|)/); // a table cell holding only "-"
    expect(text).not.toMatch(/(^|\s)- of /);
    expect(text).not.toMatch(/\b0 incidents? within/);
    expect(text).not.toMatch(/(\d{4}-\d{2}-\d{2}) to \1/);
    expect(text).not.toMatch(/^None\.$/m); // an empty section says what is empty, not just "None."
  });
});

/** The prose sentences of a markdown report: no table rows, headings, code or comments. */
function sentences(markdown: string): string[] {
  const prose = markdown
    .split("\n")
    .filter((line) => !/^\s*(\||#|```|<!--)/.test(line))
    .join(" ");
  return prose
    .split(/(?<=[.!?])\s+/)
    .map((s) => s.trim())
    .filter((s) => s.split(/\s+/).length >= 5);
}

describe.each(cases)("tam report (%s) says each thing once", (name) => {
  it("repeats no sentence (a rule of the trade is quoted once; one recommendation serves all the risks it fixes)", () => {
    const seen = new Map<string, number>();
    for (const sentence of sentences(texts[name]!)) seen.set(sentence, (seen.get(sentence) ?? 0) + 1);
    expect([...seen].filter(([, n]) => n > 1).map(([sentence]) => sentence)).toEqual([]);
  });
});

describe.each(["example-client", "empty-client"])("the client edition (%s)", (name) => {
  it("holds no internal part, chore, file name or tam command", () => {
    const text = texts[name]!.replace(/<!-- tam-report [^>]*-->/, "");
    for (const internal of [
      "## Internal",
      "warrant a TAM",
      "Follow-up chores",
      "Data-quality",
      "(×2)",
      "architecture.yaml",
      "docs.yaml",
      "tam.yaml",
      "`tam ",
      "backed_up",
      "monitored:",
      "set `",
      "record `",
    ]) {
      expect(text, internal).not.toContain(internal);
    }
  });
});

describe("the example's client edition", () => {
  it("names components by name, not by id, where the client reads them", () => {
    const text = texts["example-client"]!;
    const recommendations = text.slice(text.indexOf("## Recommendations"), text.indexOf("## Decisions"));
    expect(recommendations).toContain("SAN array (dual controller, one chassis) is a single point of failure");
    expect(recommendations).not.toMatch(/\b(san|shop-pg|db-vm|erp-vm) is\b/);
  });

  it("shows the promised dates, and the internal ones only in the internal edition", async () => {
    const data = JSON.parse(await reportText(EXAMPLE, { audience: "internal", format: "json" })) as ClientReport;
    const planned = (text: string) => text.slice(text.indexOf("## What is planned"), text.indexOf("```mermaid"));
    for (const change of [...data.changes.inProgress, ...data.changes.planned]) {
      const row = (text: string) =>
        planned(text)
          .split("\n")
          .find((l) => l.startsWith(`| ${change.id} |`))!;
      // A promise that does not hold is said as such; an unplanned change commits to no date.
      expect(row(texts["example-client"]!).endsWith(`| ${change.notKept ?? change.promised ?? "to be planned"} |`)).toBe(true);
      if (change.internal !== change.promised) expect(planned(texts["example-client"]!)).not.toContain(`| ${change.internal} |`);
      if (change.promised) expect(texts["example-internal"]).toMatch(new RegExp(`\\| ${change.id} \\| [^|]+\\| [^|]+\\| ${change.internal} \\| ${change.promised} \\|`));
    }
  });
});
