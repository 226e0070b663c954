// Markdown of tam portfolio and tam portfolio find: one table each, for a team page or a ticket.
import type { Portfolio } from "../../domain/portfolio.js";
import type { PortfolioFindResult } from "../../app/portfolio.js";
import { markdownTable } from "../markdown-table.js";
import { markdownEscape } from "../text.js";
import { FIND_HEAD, findCells, findSummary, PORTFOLIO_HEAD, portfolioCells, totalsLine, WORKLOAD_HEAD, WORKLOAD_TITLE, workloadCells } from "./view.js";

const cell = (text: string) => text.split("\n").map(markdownEscape).join("<br>");

export function formatPortfolioMarkdown(portfolio: Portfolio): string {
  const rows = portfolio.rows.map((row) => portfolioCells(row).map(cell));
  const workload = portfolio.workload.map((entry) => workloadCells(entry).map(cell));
  const perTam = workload.length ? ["", `## ${WORKLOAD_TITLE}`, "", ...markdownTable(WORKLOAD_HEAD, workload)] : [];
  return [`# Portfolio as of ${portfolio.today}`, "", ...markdownTable(PORTFOLIO_HEAD, rows), "", markdownEscape(totalsLine(portfolio)), ...perTam, ""].join("\n");
}

export function formatFindMarkdown(result: PortfolioFindResult): string {
  const rows = result.found.map((found) => findCells(found).map(cell));
  const errors = result.errors.map((e) => `- error: ${markdownEscape(e.path)}: ${markdownEscape(e.error)}`);
  return [...(rows.length ? [...markdownTable(FIND_HEAD, rows), ""] : []), markdownEscape(findSummary(result)), ...(errors.length ? ["", ...errors] : []), ""].join("\n");
}
