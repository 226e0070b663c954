// tam change dispatch <ID>: the change's open tasks as tickets for the departments' queues, in the
// CSV each tool's importer takes (or json); to stdout or, with -o, a file written atomically.
// Nothing in the project changes.
import { dispatchChange } from "../app/change-dispatch.js";
import { EXIT_OK } from "../errors.js";
import { dispatchFormatters } from "../format/dispatch/index.js";
import { pickFormatter } from "../format/registry.js";
import { inlineSafe } from "../format/text.js";
import { writeOutputFile } from "../app/output-file.js";
import { processOutput, type GlobalOptions, type Output } from "./context.js";

export interface ChangeDispatchOptions {
  format: string;
  output?: string;
  asOf?: string;
}

export async function runChangeDispatch(globals: GlobalOptions, id: string, options: ChangeDispatchOptions, output: Output = processOutput): Promise<number> {
  const format = pickFormatter(dispatchFormatters, options.format);
  const result = dispatchChange({ project: globals.project, id, asOf: options.asOf });
  const text = format(result, { color: false });
  const tool = options.format === "jira-csv" ? "jira" : options.format === "servicenow-csv" ? "servicenow" : undefined;
  if (tool && result.withoutQueue[tool].length)
    output.err(inlineSafe(`tam: note: no ${tool} queue in departments.yaml for ${result.withoutQueue[tool].join(", ")}: set departments[].queue.${tool}, or fill the column in the import`));
  if (result.skipped.length) output.err(inlineSafe(`tam: note: not dispatched (finished): ${result.skipped.map((s) => `${s.ref} (${s.status})`).join(", ")}`));
  if (options.output) {
    writeOutputFile(options.output, text);
    output.err(inlineSafe(`wrote ${result.tickets.length} ticket${result.tickets.length === 1 ? "" : "s"} of ${result.change.id} (${options.format}) to ${options.output}`));
  } else output.out(text.replace(/\r?\n$/, ""));
  return EXIT_OK;
}
