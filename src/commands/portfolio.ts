// tam portfolio: one row per client project, most urgent first; tam portfolio find: which clients
// run a product (at a version), across their architecture files. Exit 1 when a project could not be read.
import { portfolio, portfolioFind } from "../app/portfolio.js";
import { EXIT_FINDINGS, EXIT_OK } from "../errors.js";
import { portfolioFindFormatters, portfolioFormatters } from "../format/portfolio/index.js";
import { pickFormatter, useColor } from "../format/registry.js";
import { processOutput, type GlobalOptions, type Output } from "./context.js";

export interface PortfolioCommandOptions {
  format: string;
  file?: string;
  asOf?: string;
  tam?: string;
  /** --mine alone: git's identity; --mine VALUE: that TAM. */
  mine?: string | true;
  cache?: string;
}

export async function runPortfolio(globals: GlobalOptions, paths: string[], options: PortfolioCommandOptions, output: Output = processOutput): Promise<number> {
  const format = pickFormatter(portfolioFormatters, options.format);
  const result = await portfolio({
    paths,
    ...(options.file === undefined ? {} : { file: options.file }),
    ...(options.asOf === undefined ? {} : { asOf: options.asOf }),
    ...(options.tam === undefined ? {} : { tam: options.tam }),
    ...(options.mine === undefined ? {} : { mine: options.mine }),
    ...(options.cache === undefined ? {} : { cache: options.cache }),
  });
  output.out(format(result, { color: useColor(globals.color), width: process.stdout.columns }));
  return result.totals.withErrors > 0 ? EXIT_FINDINGS : EXIT_OK;
}

export interface PortfolioFindCommandOptions {
  format: string;
  file?: string;
  product: string;
  versions?: string;
  internetFacing?: boolean;
  cache?: string;
}

export async function runPortfolioFind(globals: GlobalOptions, paths: string[], options: PortfolioFindCommandOptions, output: Output = processOutput): Promise<number> {
  const format = pickFormatter(portfolioFindFormatters, options.format);
  const result = await portfolioFind({
    paths,
    product: options.product,
    ...(options.file === undefined ? {} : { file: options.file }),
    ...(options.versions === undefined ? {} : { version: options.versions }),
    internetFacing: options.internetFacing === true,
    ...(options.cache === undefined ? {} : { cache: options.cache }),
  });
  output.out(format(result, { color: useColor(globals.color), width: process.stdout.columns }));
  return result.errors.length > 0 ? EXIT_FINDINGS : EXIT_OK;
}
