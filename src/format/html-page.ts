// The page around tam's HTML outputs (the report, the portfolio): one self-contained file, inline
// CSS, no script, no font or image fetched at view time, printable to PDF from any browser.
import { xmlEscape } from "./text.js";

const PAGE_CSS = `
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
export function unbrokenDates(html: string): string {
  return html.replace(/>([^<]+)</g, (_, text: string) => `>${text.replace(/\b\d{4}-\d{2}-\d{2}\b/g, '<span class="date">$&</span>')}<`);
}

/** The whole page: `body` (HTML already escaped) in <main>, `after` (e.g. an invisible marker) after it, the shared CSS and any `css` of the output's own. */
export function htmlPage(page: { title: string; body: readonly string[]; after?: string; css?: string }): string {
  return [
    "<!DOCTYPE html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${xmlEscape(page.title)}</title>`,
    `<style>${PAGE_CSS}${page.css ?? ""}</style>`,
    "</head>",
    "<body>",
    "<main>",
    ...page.body,
    "</main>",
    ...(page.after === undefined ? [] : [page.after]),
    "</body>",
    "</html>",
    "",
  ].join("\n");
}
