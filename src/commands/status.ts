// tam status: the project's status (src/app/project-status.ts) in the chosen format.
import { status } from "../app/project-status.js";
import { EXIT_FINDINGS, EXIT_OK } from "../errors.js";
import { pickFormatter, useColor } from "../format/registry.js";
import { statusFormatters } from "../format/status/index.js";
import { failsOn } from "../app/fail-on.js";
import type { Severity } from "../model/issues.js";
import { processOutput, type GlobalOptions, type Output } from "./context.js";

export interface StatusOptions {
  format: string;
  asOf?: string;
  department?: string;
  mine?: boolean;
  failOn?: Severity | "never";
}

export async function runStatus(globals: GlobalOptions, options: StatusOptions, output: Output = processOutput): Promise<number> {
  const format = pickFormatter(statusFormatters, options.format);
  // The table and markdown print no finding's line: the change files need not be read for positions.
  const locate = !["table", "markdown"].includes(options.format);
  const report = await status({ project: globals.project, asOf: options.asOf, department: options.department, mine: options.mine, locate });
  output.out(format(report, { color: useColor(globals.color), width: process.stdout.columns }));
  const failOn = options.failOn ?? "never";
  return failsOn(report.findings, failOn) ? EXIT_FINDINGS : EXIT_OK;
}
