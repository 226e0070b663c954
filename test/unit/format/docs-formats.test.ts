import { describe, expect, it } from "vitest";
import type { DocFreshness, FreshnessReport } from "../../../src/domain/freshness/types.js";
import type { CheckDocsResult } from "../../../src/app/check-docs.js";
import { docsFormatters } from "../../../src/format/docs/index.js";
import { GITHUB_ANNOTATIONS_PER_LEVEL } from "../../../src/format/github-annotations.js";

function doc(id: string, state: DocFreshness["state"], message = "review interval 180d passed 3 days ago (due 2026-11-17)"): DocFreshness {
  return {
    id,
    title: `Title of ${id}`,
    owner: "network",
    location: `docs/${id}.md`,
    external: false,
    covers: ["fw"],
    lastReview: { date: "2026-05-21", by: "Ann" },
    interval: "180d",
    dueDate: "2026-11-17",
    state,
    reasons: state === "fresh" ? [] : [{ severity: state === "due" ? "due" : state, code: "interval-passed", message }],
    source: { file: "docs.yaml", line: 3 },
  };
}

function result(docs: DocFreshness[], extra: Partial<CheckDocsResult> = {}): CheckDocsResult {
  const counts = { fresh: 0, due: 0, stale: 0, broken: 0 };
  for (const d of docs) counts[d.state]++;
  const report: FreshnessReport = {
    today: "2026-11-20",
    history: { available: true, reason: null },
    settings: { reviewInterval: "180d", warnWithin: "14d" },
    docs,
    counts,
    coverage: { uncovered: [{ id: "dns", name: "DNS | resolvers", criticality: "low" }], unknown: [] },
  };
  return { report, failOn: "stale", failed: counts.stale + counts.broken > 0, warnings: [], repoPrefix: "client/", owner: null, meta: { gitProcesses: 3 }, ...extra };
}

describe("docs check formatters", () => {
  it("github: annotates failing docs on their docs.yaml line, past the limit as plain lines", () => {
    const docs = Array.from({ length: GITHUB_ANNOTATIONS_PER_LEVEL + 2 }, (_, i) => doc(`d${String(i).padStart(2, "0")}`, "stale"));
    const text = docsFormatters.github!(result([...docs, doc("ok", "fresh"), doc("soon", "due")]), { color: false });
    const annotations = text.split("\n").filter((line) => line.startsWith("::error"));
    expect(annotations).toHaveLength(GITHUB_ANNOTATIONS_PER_LEVEL);
    expect(annotations[0]).toBe("::error file=client/docs.yaml,line=3,title=tam docs%3A stale::d00 is stale: review interval 180d passed 3 days ago (due 2026-11-17)");
    expect(text).toContain("::warning title=tam::2 more documents not annotated");
    expect(text).toContain("client/docs.yaml:3 error d11 is stale");
    expect(text).not.toContain("soon");
  });

  it("github: with --fail-on never, stale docs are warnings", () => {
    const text = docsFormatters.github!(result([doc("a", "stale")], { failOn: "never", failed: false }), { color: false });
    expect(text).toMatch(/^::warning file=client\/docs.yaml,line=3/);
  });

  it("markdown and table keep user text from driving the output", () => {
    const evil = doc("x", "stale", "owner \u001b[31mred | <b>bold</b>");
    const md = docsFormatters.markdown!(result([evil]), { color: false });
    expect(md).toContain("owner �\\[31mred \\| &lt;b&gt;bold&lt;/b&gt;");
    expect(md).toContain("- `dns` DNS \\| resolvers (low)");
    const table = docsFormatters.table!(result([evil]), { color: false });
    expect(table).not.toContain("\u001b");
    expect(table).toContain("1 doc as of 2026-11-20: 0 fresh, 0 due, 1 stale, 0 broken");
  });

  it("json: a stable shape with version, summary and meta", () => {
    const shape = JSON.parse(docsFormatters.json!(result([doc("a", "due")], { failed: false }), { color: false }));
    expect(Object.keys(shape)).toEqual(["version", "asOf", "owner", "failOn", "failed", "summary", "history", "warnings", "settings", "docs", "coverage", "meta"]);
    expect(shape.docs[0]).toMatchObject({ id: "a", state: "due", file: "docs.yaml", line: 3 });
  });
});
