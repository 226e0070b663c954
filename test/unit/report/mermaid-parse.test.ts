// Every Mermaid block of the report goes through Mermaid's own parser (mermaid under jsdom), so a
// syntax error fails CI instead of showing as a red box on GitHub. Gantt tasks are also resolved
// to dates by Mermaid's gantt database, which is where a bad date or end shows up.
import { JSDOM } from "jsdom";
import { beforeAll, describe, expect, it } from "vitest";
import { EXAMPLE } from "../../helpers/run.js";
import { reportText } from "./render.js";

interface GanttDb {
  getTasks(): { task: string; startTime: Date; endTime: Date; type: string }[];
}
interface Mermaid {
  initialize(config: object): void;
  parse(text: string): Promise<{ diagramType: string }>;
  mermaidAPI: { getDiagramFromText(text: string): Promise<{ db: unknown }> };
}

let mermaid: Mermaid;
const blocks: { name: string; text: string }[] = [];

beforeAll(async () => {
  // Mermaid reads window and document when it loads (DOMPurify, its config); jsdom provides them.
  const dom = new JSDOM("<!doctype html><html><body></body></html>", { pretendToBeVisual: true });
  Object.assign(globalThis, { window: dom.window, document: dom.window.document });
  mermaid = (await import("mermaid")).default as unknown as Mermaid;
  mermaid.initialize({ startOnLoad: false });
  // The example has every chart; a new project has none (its snapshot shows sentences instead).
  for (const audience of ["client", "internal"]) {
    const text = await reportText(EXAMPLE, { audience });
    for (const match of text.matchAll(/```mermaid\n([\s\S]*?)```/g)) blocks.push({ name: `example-${audience}`, text: match[1]! });
  }
}, 60_000);

async function check(text: string): Promise<string> {
  const { diagramType } = await mermaid.parse(text);
  if (diagramType === "gantt") {
    const diagram = await mermaid.mermaidAPI.getDiagramFromText(text);
    for (const task of (diagram.db as GanttDb).getTasks()) {
      if (Number.isNaN(task.startTime.getTime()) || Number.isNaN(task.endTime.getTime())) throw new Error(`gantt task "${task.task}" has no valid dates`);
      if (task.endTime < task.startTime) throw new Error(`gantt task "${task.task}" ends before it starts`);
    }
  }
  return diagramType;
}

describe("the report's Mermaid blocks", () => {
  it("has the gantt and both xycharts on the example", () => {
    const types = blocks
      .filter((b) => b.name === "example-client")
      .map((b) =>
        b.text
          .split("\n")
          .find((l) => !l.startsWith("%%"))!
          .trim(),
      );
    expect(types).toEqual(["gantt", "xychart-beta", "xychart-beta"]);
  });

  it("all parse with Mermaid's parser", async () => {
    expect(blocks.length).toBeGreaterThan(5);
    for (const block of blocks) await expect(check(block.text), block.name).resolves.toMatch(/^(gantt|xychart)$/);
  });

  it("rejects what GitHub would show as an error (the check can fail)", async () => {
    await expect(check('xychart-beta\n  x-axis ["Aug", "Sep"\n  bar [1, 2]')).rejects.toThrow();
    await expect(check("gantt\n  dateFormat YYYY-MM-DD\n  section A\n  T1 :2026-13-45, 2026-11-25")).rejects.toThrow();
  });
});
