// Use case: the client's update on an incident (tam incident notify), recorded on the incident as a
// notice (when, by whom, the next update promised) and committed, unless it is only a preview.
import { incidentNotice, type IncidentClientNotice } from "../domain/incidents/notify.js";
import { formatZoned } from "../domain/zoned-timestamp.js";
import type { IncidentNotice } from "../model/files.js";
import { whoAmI } from "../project/identity.js";
import { editFiles, type WriteResult } from "../project/transaction.js";
import { transactionFlags, type WriteRequest } from "./write-request.js";
import { appendSeqItems, setMapEntry, type Plain } from "../project/yaml-text.js";
import { UsageError } from "../errors.js";
import { incidentOrderReason, incidentWriteInstant } from "../domain/incidents/record-time.js";
import { INCIDENT_KEYS } from "../domain/incidents/record.js";
import { clockFor, openProject, type ClockOptions, type ProjectOptions } from "./context.js";
import { incidentEdit, lookUp } from "./incident-review.js";

export interface IncidentNotifyRequest extends ProjectOptions, ClockOptions, WriteRequest {
  id: string;
  impact?: string;
  doing?: string;
  by?: string;
  /** false: a preview, nothing is stored. */
  record?: boolean;
}

export interface IncidentNotifyResult {
  notice: IncidentClientNotice;
  recorded?: { file: string; notice: IncidentNotice; write: WriteResult };
}

export async function notifyIncident(request: IncidentNotifyRequest): Promise<IncidentNotifyResult> {
  const project = openProject(request);
  const found = lookUp(project, request.id);
  const clock = clockFor(project, request.asOf, request.now);
  const make = (incident: typeof found.incident, now = clock.now) =>
    incidentNotice({
      incident,
      manifest: project.manifest,
      components: project.components,
      departments: project.departments,
      now,
      timezone: clock.timezone,
      impact: request.impact,
      doing: request.doing,
    });
  let notice = make(found.incident, incidentWriteInstant(found.incident, clock));
  if (request.record === false) return { notice };
  const by = request.by ?? (await whoAmI(project.root));
  let record: IncidentNotice = { at: formatZoned(clock.now, clock.timezone) };
  const write = await editFiles(
    project,
    [
      incidentEdit(found.source.rel, found.incident.id, (current) => {
        // When: now, or the time on the --as-of day after what the incident records; never before the last update.
        const instant = incidentWriteInstant(current, clock);
        const at = formatZoned(instant, clock.timezone);
        const order = incidentOrderReason(current, "client update", current.notices, instant, at);
        if (order) throw new UsageError(order);
        notice = make(current, instant);
        record = { at, by, ...(notice.nextAt !== undefined ? { next: formatZoned(notice.nextAt, clock.timezone) } : {}) };
        const notices = Array.isArray(current.notices) ? current.notices : undefined;
        return {
          after: { ...current, notices: [...(notices ?? []), record] },
          text: (text, index) =>
            notices
              ? appendSeqItems(text, ["incidents", index, "notices"], [record as unknown as Plain], 2)
              : setMapEntry(text, ["incidents", index], "notices", [record as unknown as Plain], INCIDENT_KEYS),
        };
      }),
    ],
    {
      message: () => `${found.incident.id}: client update ${record.at}`,
      by,
      ...transactionFlags(request),
    },
  );
  return { notice, recorded: { file: found.source.rel, notice: record, write } };
}
