// tam __complete <kind>: the ids of the current project (src/app/complete-ids.ts), one per line, for
// the shell completion scripts.
import { completeIds } from "../app/complete-ids.js";
import { EXIT_OK } from "../errors.js";
import { processOutput, type GlobalOptions, type Output } from "./context.js";

export function runCompleteIds(globals: GlobalOptions, kind: string, output: Output = processOutput): number {
  const ids = completeIds({ project: globals.project, kind });
  if (ids.length) output.out(ids.join("\n"));
  return EXIT_OK;
}
