// tam change plan <ID>: the plan of a change (src/app/change-plan.ts), its findings on stderr, the
// plan in the chosen format on stdout; with --write, stored in the change file.
import { changePlan } from "../app/change-plan.js";
import { EXIT_FINDINGS, EXIT_OK } from "../errors.js";
import { planFormatters } from "../format/plan/index.js";
import { pickFormatter, useColor } from "../format/registry.js";
import { inlineSafe } from "../format/text.js";
import { failsOn } from "../app/fail-on.js";
import type { Severity } from "../model/issues.js";
import { plainOutput, processOutput, type GlobalOptions, type Output } from "./context.js";
import type { WriteFlags } from "./write-flags.js";

export interface ChangePlanOptions extends WriteFlags {
  format: string;
  asOf?: string;
  write?: boolean;
  commit?: boolean;
  /** Lowest severity that makes the exit code 1, or "never". */
  failOn?: Severity | "never";
}

export async function runChangePlan(globals: GlobalOptions, id: string, options: ChangePlanOptions, output: Output = processOutput): Promise<number> {
  const format = pickFormatter(planFormatters, options.format);
  const { failOn: _failOn, format: _format, ...request } = options;
  const result = await changePlan({ project: globals.project, id, ...request, warn: plainOutput(output).err });
  // Findings quote file content (a blackout's reason, a title): one safe line each.
  if (options.format !== "json") for (const f of result.plan.findings) output.err(inlineSafe(`${f.file}:${f.line ?? 1}:${f.col ?? 1} ${f.severity} ${f.code} ${f.message}`));
  if (options.write && result.broken) plainOutput(output).err(`${result.changeId} was not written: fix the errors above first`);
  if (result.promiseNote) plainOutput(output).err(result.promiseNote);
  const { broken, changeId: _id, promiseNote: _note, ...shown } = result;
  output.out(format(shown, { color: useColor(globals.color), width: process.stdout.columns }));
  const failOn = options.failOn ?? "error";
  const failed = broken || failsOn(result.plan.findings, failOn);
  return failed ? EXIT_FINDINGS : EXIT_OK;
}
