import type { Portfolio } from "../../domain/portfolio.js";
import type { PortfolioFindResult } from "../../app/portfolio.js";
import type { FormatName } from "../names.js";
import type { Formatter } from "../registry.js";
import { formatPortfolioHtml } from "./html.js";
import { formatFindJson, formatPortfolioJson } from "./json.js";
import { formatFindMarkdown, formatPortfolioMarkdown } from "./markdown.js";
import { formatFindTable, formatPortfolioTable } from "./table.js";

export const portfolioFormatters: Record<FormatName<"portfolio">, Formatter<Portfolio>> = {
  table: formatPortfolioTable,
  json: (portfolio) => formatPortfolioJson(portfolio),
  markdown: (portfolio) => formatPortfolioMarkdown(portfolio),
  html: (portfolio) => formatPortfolioHtml(portfolio),
};

export const portfolioFindFormatters: Record<FormatName<"portfolioFind">, Formatter<PortfolioFindResult>> = {
  table: formatFindTable,
  json: (result) => formatFindJson(result),
  markdown: (result) => formatFindMarkdown(result),
};
