// tam docs check: the freshness of every document of docs.yaml, and coverage of the architecture.
import { checkDocs, type CheckDocsOptions } from "../app/check-docs.js";
import { EXIT_FINDINGS, EXIT_OK } from "../errors.js";
import { docsFormatters } from "../format/docs/index.js";
import { pickFormatter, useColor } from "../format/registry.js";
import { processOutput, type GlobalOptions, type Output } from "./context.js";

export interface DocsCheckOptions extends Omit<CheckDocsOptions, "project"> {
  format: string;
}

export async function runDocsCheck(globals: GlobalOptions, options: DocsCheckOptions, output: Output = processOutput): Promise<number> {
  const format = pickFormatter(docsFormatters, options.format);
  const result = await checkDocs({ ...options, project: globals.project });
  if (options.format !== "json") for (const warning of result.warnings) output.err(`tam: note: ${warning}`);
  output.out(format(result, { color: useColor(globals.color), width: process.stdout.columns }));
  return result.failed ? EXIT_FINDINGS : EXIT_OK;
}
