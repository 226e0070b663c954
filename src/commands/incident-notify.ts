// tam incident notify <ID>: the client's update on an incident, in markdown, text or json; recorded on
// the incident as a notice (the record goes to stderr, the notice to stdout).
import { notifyIncident } from "../app/incident-notify.js";
import { EXIT_OK } from "../errors.js";
import { incidentNoticeFormatters } from "../format/notice/incident.js";
import { pickFormatter, useColor } from "../format/registry.js";
import { inlineSafe } from "../format/text.js";
import { processOutput, type GlobalOptions, type Output } from "./context.js";
import { committedNote, type NoticeOptions, writeRequest } from "./write-flags.js";

export interface IncidentNotifyOptions extends NoticeOptions {
  impact?: string;
  doing?: string;
}

export async function runIncidentNotify(globals: GlobalOptions, id: string, options: IncidentNotifyOptions, output: Output = processOutput): Promise<number> {
  const format = pickFormatter(incidentNoticeFormatters, options.format);
  const { notice, recorded } = await notifyIncident({ ...writeRequest(globals, options, output), id, impact: options.impact, doing: options.doing, by: options.by, record: options.record });
  output.out(format(notice, { color: useColor(globals.color), width: process.stdout.columns }));
  if (recorded)
    output.err(
      inlineSafe(`recorded the update in ${recorded.file} as a notice at ${recorded.notice.at}${recorded.notice.next ? `, next due ${recorded.notice.next}` : ""}${committedNote(recorded.write)}`),
    );
  return EXIT_OK;
}
