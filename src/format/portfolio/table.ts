// Terminal tables of tam portfolio and tam portfolio find, fitted to the terminal's width.
import type { Portfolio } from "../../domain/portfolio.js";
import type { PortfolioFindResult } from "../../app/portfolio.js";
import type { FormatOptions } from "../registry.js";
import { fitText, fittedTable } from "../table-width.js";
import { terminalSafe } from "../text.js";
import { FIND_HEAD, findCells, findSummary, PORTFOLIO_HEAD, portfolioCells, totalsLine } from "./view.js";

export function formatPortfolioTable(portfolio: Portfolio, options: FormatOptions): string {
  const rows = portfolio.rows.map((row) => portfolioCells(row).map(terminalSafe));
  const table = fittedTable(PORTFOLIO_HEAD, rows, options.width);
  return fitText(`${table}\n${terminalSafe(totalsLine(portfolio))}\n`, options.width);
}

export function formatFindTable(result: PortfolioFindResult, options: FormatOptions): string {
  const rows = result.found.map((found) => findCells(found).map(terminalSafe));
  const table = rows.length ? `${fittedTable(FIND_HEAD, rows, options.width)}\n` : "";
  const errors = result.errors.map((e) => terminalSafe(`error: ${e.path}: ${e.error}`)).join("\n");
  return fitText(`${table}${terminalSafe(findSummary(result))}\n${errors ? `${errors}\n` : ""}`, options.width);
}
