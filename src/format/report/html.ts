// The printable report: one self-contained HTML file (inline CSS and SVG, no script, no font or
// image fetched at view time) that prints to PDF from any browser. The text is the markdown
// edition rendered by markdown-it (raw HTML off, so user text stays text); the charts are the
// same data drawn as SVG (svg.ts) instead of Mermaid, which needs a browser and a script.
import { createRequire } from "node:module";
import type { MarkdownIt, MarkdownItOptions } from "markdown-it";
import type { ClientReport } from "../../domain/report/types.js";
import { htmlPage, unbrokenDates } from "../html-page.js";
import { reportBlocks } from "./document.js";
import { reportMarker } from "./marker.js";
import { svgChart } from "./svg.js";
import { periodName } from "./words.js";

// Loaded on first use: only `tam report --format html` pays for it.
const require = createRequire(import.meta.url);
let renderer: MarkdownIt | undefined;
function markdownIt(): MarkdownIt {
  const MarkdownItClass = require("markdown-it") as new (options: MarkdownItOptions) => MarkdownIt;
  renderer ??= new MarkdownItClass({ html: false, linkify: false, typographer: false });
  return renderer;
}

export function formatReportHtml(report: ClientReport): string {
  const md = markdownIt();
  const body: string[] = [];
  for (const block of reportBlocks(report)) {
    if (block.kind === "markdown") body.push(unbrokenDates(md.render(block.lines.join("\n")).trimEnd()));
    else body.push(`<figure>\n${svgChart(block.chart)}\n</figure>`);
  }
  const title = `${report.header.client}: service report, ${periodName(report.header.period)}${report.internal ? " (internal)" : ""}`;
  return htmlPage({ title, body, after: reportMarker(report) });
}
