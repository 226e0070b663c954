// Work past its date is drawn as late, not as an ordinary bar that ends before the as-of line:
// the example's CHG-0002 was promised for 2026-11-26 and has a blocked task.
import { JSDOM } from "jsdom";
import { beforeAll, describe, expect, it } from "vitest";
import type { GanttTask } from "../../../src/domain/report/types.js";
import { EXAMPLE } from "../../helpers/run.js";
import { reportText } from "./render.js";

const AS_OF = "2026-12-06";
let gantt: GanttTask[];
let html: string;
let markdown: string;

beforeAll(async () => {
  gantt = (JSON.parse(await reportText(EXAMPLE, { asOf: AS_OF, format: "json" })) as { gantt: GanttTask[] }).gantt;
  html = await reportText(EXAMPLE, { asOf: AS_OF, format: "html" });
  markdown = await reportText(EXAMPLE, { asOf: AS_OF });
});

describe("the client gantt after a promised date has passed", () => {
  it("marks the change blocked and overdue up to its forecast, never before the as-of date", () => {
    const late = gantt.find((t) => t.id === "CHG-0002")!;
    expect(late).toMatchObject({ finish: "2026-11-26", state: "blocked", critical: true });
    expect(late.overdueUntil! >= AS_OF).toBe(true);
    for (const bar of gantt.filter((t) => t.state !== "done")) expect(bar.finish >= AS_OF || bar.overdueUntil !== undefined, bar.id).toBe(true);
  });

  it("draws the overdue stretch hatched and names blocked and overdue in the legend (HTML)", () => {
    const svg = new JSDOM(html).window.document.querySelector("svg.gantt")!;
    expect(svg.querySelectorAll('rect[fill="url(#overdue)"]').length).toBeGreaterThanOrEqual(2); // the bar and its legend key
    expect(svg.querySelector("pattern#overdue")).not.toBeNull();
    const legend = [...svg.querySelectorAll("text")].map((t) => t.textContent);
    expect(legend).toContain("blocked");
    expect(legend).toContain("overdue");
  });

  it("gives Mermaid a second, critical bar for the overdue stretch", () => {
    expect(markdown).toMatch(/CHG-0002 Put a WAF in front of the web shop \(blocked\) :active, crit, CHG_0002, 2026-11-05, 2026-11-27/);
    expect(markdown).toMatch(/CHG-0002 overdue :active, crit, CHG_0002_late, 2026-11-27, 2026-12-\d\d/);
  });

  it("keeps dates whole at phone width", () => {
    expect(html).toContain('<span class="date">2026-11-26</span>');
    expect(html).toMatch(/@media \(max-width: 40rem\)/);
  });
});
