// The printable report: one self-contained HTML file (inline CSS and SVG, no script, no font or
// image fetched at view time) that prints to PDF from any browser. The text is the markdown
// edition rendered by markdown-it (raw HTML off, so user text stays text); the charts are the
// same data drawn as SVG (svg.ts) instead of Mermaid, which needs a browser and a script.
import { createRequire } from "node:module";
import type { MarkdownIt, MarkdownItOptions } from "markdown-it";
import type { ClientReport } from "../../domain/report/types.js";
import { xmlEscape } from "../text.js";
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

const CSS = `
:root { color-scheme: light; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; font-size: 11pt; line-height: 1.45; color: #1b1f23; margin: 0; }
main { max-width: 60rem; margin: 0 auto; padding: 2rem 1.5rem; }
h1 { font-size: 1.7rem; margin: 0 0 .6rem; }
h2 { font-size: 1.3rem; margin: 2rem 0 .6rem; padding-bottom: .2rem; border-bottom: 1px solid #d0d7de; }
h3 { font-size: 1.08rem; margin: 1.4rem 0 .4rem; }
table { border-collapse: collapse; width: 100%; margin: .6rem 0 1rem; font-size: .92em; }
th, td { border: 1px solid #d0d7de; padding: .3rem .5rem; text-align: left; vertical-align: top; }
td:first-child { white-space: nowrap; }
th { background: #f6f8fa; }
tr { break-inside: avoid; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .9em; background: #f6f8fa; padding: .05rem .25rem; border-radius: 3px; }
blockquote { margin: 1rem 0; padding: .4rem 1rem; border-left: 4px solid #c0392b; background: #fdf2f2; }
figure { margin: 1rem 0; break-inside: avoid; }
figure svg { display: block; max-width: 100%; height: auto; }
figure svg.bars { max-width: 38rem; }
.date { white-space: nowrap; }
@media (max-width: 40rem) {
  main { padding: 1rem .75rem; }
  table { display: block; overflow-x: auto; font-size: .85em; }
  th, td { padding: .25rem .35rem; }
}
@page { size: A4; margin: 15mm 14mm; }
@media print {
  main { max-width: none; padding: 0; }
  body { font-size: 10pt; }
  h2 { break-before: auto; break-after: avoid; }
  h3 { break-after: avoid; }
  table, figure, blockquote { break-inside: avoid; }
  thead { display: table-header-group; }
  a { color: inherit; text-decoration: none; }
}
`;

/** Dates in the text never break at their hyphens (a phone-width table would split 2026-11-26). */
function unbrokenDates(html: string): string {
  return html.replace(/>([^<]+)</g, (_, text: string) => `>${text.replace(/\b\d{4}-\d{2}-\d{2}\b/g, '<span class="date">$&</span>')}<`);
}

export function formatReportHtml(report: ClientReport): string {
  const md = markdownIt();
  const body: string[] = [];
  for (const block of reportBlocks(report)) {
    if (block.kind === "markdown") body.push(unbrokenDates(md.render(block.lines.join("\n")).trimEnd()));
    else body.push(`<figure>\n${svgChart(block.chart)}\n</figure>`);
  }
  const title = `${report.header.client}: service report, ${periodName(report.header.period)}${report.internal ? " (internal)" : ""}`;
  return [
    "<!DOCTYPE html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${xmlEscape(title)}</title>`,
    `<style>${CSS}</style>`,
    "</head>",
    "<body>",
    "<main>",
    ...body,
    "</main>",
    reportMarker(report),
    "</body>",
    "</html>",
    "",
  ].join("\n");
}
