// tam portfolio --format html: one self-contained page in the style of the HTML report (the same
// page and CSS, src/format/html-page.ts): the clients most urgent first, the totals, the workload
// per TAM. The cells are those of the table and markdown views (view.ts), escaped here.
import type { ClientRow, Portfolio } from "../../domain/portfolio.js";
import { htmlPage, unbrokenDates } from "../html-page.js";
import { xmlEscape } from "../text.js";
import { PORTFOLIO_HEAD, portfolioCells, totalsLine, WORKLOAD_HEAD, WORKLOAD_TITLE, workloadCells } from "./view.js";

const CSS = `
tr.error td { background: #fdf2f2; }
tr.fire td:first-child { border-left: 4px solid #c0392b; }
td.number { text-align: right; }
p.totals { font-weight: 600; }
`;

/** A cell's lines, each escaped, joined by <br>. */
const cell = (text: string) => text.split("\n").map(xmlEscape).join("<br>");

function table(head: readonly string[], rows: readonly { cells: string[]; className?: string; numbers?: number[] }[]): string {
  const th = head.map((h) => `<th scope="col">${xmlEscape(h)}</th>`).join("");
  const body = rows.map(
    (row) => `<tr${row.className ? ` class="${row.className}"` : ""}>${row.cells.map((c, i) => `<td${row.numbers?.includes(i) ? ' class="number"' : ""}>${cell(c)}</td>`).join("")}</tr>`,
  );
  return ["<table>", `<thead><tr>${th}</tr></thead>`, "<tbody>", ...body, "</tbody>", "</table>"].join("\n");
}

/** A row with an error, or with an open P1/P2, a broken promise, an escalation due or a P1's review overdue, stands out. */
function rowClass(row: ClientRow): string | undefined {
  if (row.error !== null) return "error";
  const f = row.figures;
  return f && (f.openP1P2.length > 0 || f.late.length > 0 || f.escalationsDue.length > 0 || f.reviewsOverdueP1.length > 0) ? "fire" : undefined;
}

export function formatPortfolioHtml(portfolio: Portfolio): string {
  const title = `Portfolio as of ${portfolio.today}`;
  const body = [
    `<h1>${xmlEscape(title)}</h1>`,
    `<p class="totals">${xmlEscape(totalsLine(portfolio))}</p>`,
    portfolio.rows.length
      ? table(
          PORTFOLIO_HEAD,
          portfolio.rows.map((row) => ({ cells: portfolioCells(row), className: rowClass(row) })),
        )
      : "<p>No client projects.</p>",
    ...(portfolio.workload.length
      ? [
          `<h2>${xmlEscape(WORKLOAD_TITLE)}</h2>`,
          table(
            WORKLOAD_HEAD,
            portfolio.workload.map((entry) => ({ cells: workloadCells(entry), numbers: [3, 4] })),
          ),
        ]
      : []),
  ];
  return htmlPage({ title, body: body.map(unbrokenDates), css: CSS });
}
