// tam task escalate <CHANGE>/<TASK> and tam incident escalate <ID>: the message to the person of the
// level due on the department's escalation chain, in markdown, text or json; recorded on the task (or
// incident) and committed (the record goes to stderr, the message to stdout).
import { escalateIncident, escalateTask, type EscalateResult } from "../app/escalate.js";
import { EXIT_OK } from "../errors.js";
import { escalationFormatters } from "../format/notice/escalation.js";
import { pickFormatter, useColor } from "../format/registry.js";
import { inlineSafe } from "../format/text.js";
import { processOutput, type GlobalOptions, type Output } from "./context.js";
import { committedNote, type WriteFlags, writeRequest } from "./write-flags.js";

export interface EscalateOptions extends WriteFlags {
  format: string;
  note?: string;
  by?: string;
  record?: boolean;
  commit?: boolean;
  asOf?: string;
}

export async function runEscalate(globals: GlobalOptions, what: "task" | "incident", ref: string, options: EscalateOptions, output: Output = processOutput): Promise<number> {
  const format = pickFormatter(escalationFormatters, options.format);
  const request = { ...writeRequest(globals, options, output), ref, note: options.note, by: options.by, record: options.record };
  const { draft, recorded }: EscalateResult = what === "task" ? await escalateTask(request) : await escalateIncident(request);
  output.out(format(draft, { color: useColor(globals.color), width: process.stdout.columns }));
  if (recorded)
    output.err(
      inlineSafe(`recorded the escalation to ${recorded.escalation.to} (level ${recorded.escalation.level}) in ${recorded.file} at ${recorded.escalation.at}${committedNote(recorded.write)}`),
    );
  return EXIT_OK;
}
