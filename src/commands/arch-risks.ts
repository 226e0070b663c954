// tam arch risks: the proactive audit — what the TAM should raise with the client, argued.
import { archRisks } from "../app/assess-risks.js";
import { EXIT_FINDINGS, EXIT_OK } from "../errors.js";
import { risksFormatters } from "../format/arch/index.js";
import { pickFormatter, useColor } from "../format/registry.js";
import { processOutput, type GlobalOptions, type Output } from "./context.js";
import { inlineSafe } from "../format/text.js";

export interface ArchRisksOptions {
  format: string;
  asOf?: string;
  /** "high": exit 1 when any high risk is found. Otherwise risks are advice and the exit code is 0. */
  failOn?: "high";
  /** Each risk argued in full instead of one line per kind. */
  verbose?: boolean;
}

export async function runArchRisks(globals: GlobalOptions, options: ArchRisksOptions, output: Output = processOutput): Promise<number> {
  const format = pickFormatter(risksFormatters, options.format);
  const result = await archRisks({ project: globals.project, asOf: options.asOf });
  if (options.format !== "json") for (const warning of result.warnings) output.err(inlineSafe(`tam: note: ${warning}`));
  output.out(format(result, { color: useColor(globals.color), width: process.stdout.columns, verbose: options.verbose }));
  // A risk the client accepted (until its review date) is not a finding to fail on.
  const open = result.risks.filter((r) => result.records[r.id]?.state !== "risk-accepted");
  return options.failOn === "high" && open.some((r) => r.severity === "high") ? EXIT_FINDINGS : EXIT_OK;
}
