// tam change check <ID>: the go/no-go check of a change; exit 1 when an item fails.
import { checkChange } from "../app/change-check.js";
import { EXIT_FINDINGS, EXIT_OK } from "../errors.js";
import { checkFormatters } from "../format/check/index.js";
import { pickFormatter, useColor } from "../format/registry.js";
import { processOutput, type GlobalOptions, type Output } from "./context.js";

export interface ChangeCheckOptions {
  format: string;
  asOf?: string;
}

export async function runChangeCheck(globals: GlobalOptions, id: string, options: ChangeCheckOptions, output: Output = processOutput): Promise<number> {
  const format = pickFormatter(checkFormatters, options.format);
  const result = checkChange({ project: globals.project, id, asOf: options.asOf });
  output.out(format(result, { color: useColor(globals.color), width: process.stdout.columns }));
  return result.items.some((i) => i.state === "fail") ? EXIT_FINDINGS : EXIT_OK;
}
