// Terminal tables of tam portfolio and tam portfolio find, fitted to the terminal's width.
import type { Portfolio } from "../../domain/portfolio.js";
import type { PortfolioFindResult } from "../../app/portfolio.js";
import type { FormatOptions } from "../registry.js";
import { fitText, fittedTable } from "../table-width.js";
import { terminalSafe } from "../text.js";
import { FIND_HEAD, findCells, findSummary, PORTFOLIO_HEAD, portfolioCells, totalsLine, WORKLOAD_HEAD, WORKLOAD_TITLE, workloadCells } from "./view.js";

export function formatPortfolioTable(portfolio: Portfolio, options: FormatOptions): string {
  const rows = portfolio.rows.map((row) => portfolioCells(row).map(terminalSafe));
  const table = fittedTable(PORTFOLIO_HEAD, rows, options.width);
  const workload = portfolio.workload.map((entry) => workloadCells(entry).map(terminalSafe));
  const perTam = workload.length ? `\n${WORKLOAD_TITLE}\n${fittedTable(WORKLOAD_HEAD, workload, options.width)}\n` : "";
  return fitText(`${table}\n${terminalSafe(totalsLine(portfolio))}\n${perTam}`, options.width);
}

export function formatFindTable(result: PortfolioFindResult, options: FormatOptions): string {
  const rows = result.found.map((found) => findCells(found).map(terminalSafe));
  const table = rows.length ? `${fittedTable(FIND_HEAD, rows, options.width)}\n` : "";
  const errors = result.errors.map((e) => terminalSafe(`error: ${e.path}: ${e.error}`)).join("\n");
  return fitText(`${table}${terminalSafe(findSummary(result))}\n${errors ? `${errors}\n` : ""}`, options.width);
}
