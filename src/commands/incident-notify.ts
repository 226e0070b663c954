// tam incident notify <ID>: the client's update on an incident, in markdown, text or json; recorded on
// the incident as a notice (the record goes to stderr, the notice to stdout).
import { notifyIncident } from "../app/incident-notify.js";
import { EXIT_OK } from "../errors.js";
import { incidentNoticeFormatters } from "../format/notice/incident.js";
import { pickFormatter, useColor } from "../format/registry.js";
import { inlineSafe } from "../format/text.js";
import { plainOutput, processOutput, type GlobalOptions, type Output } from "./context.js";
import { committedNote, type WriteFlags } from "./write-flags.js";

export interface IncidentNotifyOptions extends WriteFlags {
  format: string;
  impact?: string;
  doing?: string;
  by?: string;
  record?: boolean;
  commit?: boolean;
  asOf?: string;
}

export async function runIncidentNotify(globals: GlobalOptions, id: string, options: IncidentNotifyOptions, output: Output = processOutput): Promise<number> {
  const format = pickFormatter(incidentNoticeFormatters, options.format);
  const { notice, recorded } = await notifyIncident({
    project: globals.project,
    id,
    impact: options.impact,
    doing: options.doing,
    by: options.by,
    record: options.record,
    commit: options.commit,
    asOf: options.asOf,
    wait: options.wait,
    includeLocalChanges: options.includeLocalChanges,
    verify: options.verify,
    warn: plainOutput(output).err,
  });
  output.out(format(notice, { color: useColor(globals.color), width: process.stdout.columns }));
  if (recorded)
    output.err(
      inlineSafe(`recorded the update in ${recorded.file} as a notice at ${recorded.notice.at}${recorded.notice.next ? `, next due ${recorded.notice.next}` : ""}${committedNote(recorded.write)}`),
    );
  return EXIT_OK;
}
