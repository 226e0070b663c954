// The report as a person sees it: the markdown rendered to HTML the way GitHub and GitLab do
// (CommonMark + tables, markdown-it), and the HTML export validated and checked self-contained.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { HtmlValidate } from "html-validate";
import { JSDOM } from "jsdom";
import MarkdownIt from "markdown-it";
import { beforeAll, describe, expect, it } from "vitest";
import { copyProject, EXAMPLE } from "../../helpers/run.js";
import { emptyProject, reportText } from "./render.js";

const HOSTILE = "a | b <script>alert(1)</script> `code` [x](http://evil) *em* _u_ ~~s~~ \\ back & amp";
const markdown: Record<string, string> = {};
const html: Record<string, string> = {};

beforeAll(async () => {
  const hostile = copyProject(EXAMPLE);
  const file = join(hostile, "incidents/2026-10.yaml");
  writeFileSync(file, readFileSync(file, "utf8").replace("title: Promo banners on the home page do not update", `title: ${JSON.stringify(HOSTILE)}`));
  const empty = await emptyProject();
  for (const [name, dir, audience] of [
    ["client", EXAMPLE, "client"],
    ["internal", EXAMPLE, "internal"],
    ["empty", empty, "client"],
    ["hostile", hostile, "internal"],
  ] as const) {
    markdown[name] = await reportText(dir, { audience });
    html[name] = await reportText(dir, { audience, format: "html" });
  }
});

const render = (text: string) => new JSDOM(new MarkdownIt().render(text)).window.document;

/** Text outside code spans: where a stray backslash or backtick would show. */
function proseText(doc: Document): string {
  const clone = doc.body.cloneNode(true) as HTMLElement;
  for (const code of clone.querySelectorAll("code, pre")) code.remove();
  return clone.textContent ?? "";
}

describe.each(["client", "internal", "empty", "hostile"])("the markdown edition rendered (%s)", (name) => {
  it("keeps every table row to the header's cells", () => {
    const doc = render(markdown[name]!);
    for (const table of doc.querySelectorAll("table")) {
      const columns = table.querySelectorAll("thead th").length;
      for (const row of table.querySelectorAll("tbody tr")) expect(row.querySelectorAll("td").length).toBe(columns);
    }
  });

  it("shows no escaping as text: no stray backslash, backtick or entity", () => {
    const text = proseText(render(markdown[name]!)).replaceAll(HOSTILE, "");
    expect(text).not.toMatch(/\\|`|&(amp|lt|gt);/);
  });
});

describe("user text in the rendered report", () => {
  it("shows a hostile incident title exactly as written, as text", () => {
    const doc = render(markdown.hostile!);
    const heading = [...doc.querySelectorAll("strong")].find((s) => s.textContent?.startsWith("INC-0035"));
    expect(heading?.textContent).toBe(`INC-0035 (P3): ${HOSTILE}`);
    expect(doc.querySelector("script")).toBeNull();
    expect(heading!.querySelector("a, em, code, del")).toBeNull();
  });

  it("keeps code in the internal chores as code", () => {
    const doc = render(markdown.internal!);
    const chores = [...doc.querySelectorAll("li")].filter((li) => li.textContent?.includes("architecture.yaml"));
    expect(chores.length).toBeGreaterThan(0);
    expect(chores.some((li) => li.querySelector("code")?.textContent?.startsWith("monitored"))).toBe(true);
  });
});

describe("the HTML export", () => {
  const validator = new HtmlValidate({ extends: ["html-validate:recommended"] });

  it.each(["client", "internal", "empty", "hostile"])("passes the HTML validator (%s)", async (name) => {
    const report = await validator.validateString(html[name]!);
    expect(report.results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`))).toEqual([]);
    expect(report.valid).toBe(true);
  });

  it("is self-contained: no script, no stylesheet, image or font fetched", () => {
    for (const name of ["client", "internal", "hostile"]) {
      const doc = new JSDOM(html[name]!).window.document;
      expect(doc.querySelectorAll("script, link, img, iframe, object").length).toBe(0);
      expect(doc.querySelectorAll("[src], [href]").length).toBe(0);
      expect(html[name]).not.toMatch(/@import|url\((?!#)/); // url(#id) is a pattern of the page itself
      expect(doc.querySelectorAll("svg").length).toBe(name === "empty" ? 0 : 3);
    }
  });

  it("says what the markdown says", () => {
    const doc = new JSDOM(html.client!).window.document;
    const fromMarkdown = render(markdown.client!);
    expect([...doc.querySelectorAll("h2")].map((h) => h.textContent)).toEqual([...fromMarkdown.querySelectorAll("h2")].map((h) => h.textContent));
  });
});
