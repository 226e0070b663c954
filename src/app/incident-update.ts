// Use case: tam incident update <ID>: record response, resolution, closing, pauses, cause; a surgical
// edit of the incident's file, validated and committed.
import { UsageError } from "../errors.js";
import { applyToIncident, planUpdate, type UpdateRequest } from "../domain/incidents/update.js";
import { resolveTimeInput } from "../domain/incidents/time-input.js";
import { applyFieldEdits, findIncident, verifyIncidents } from "../project/incident-files.js";
import { requireValidIn } from "../project/check.js";
import { FILE_NAMES } from "../project/load.js";
import type { CauseCategory, Incident, IncidentStatus, Pause } from "../model/files.js";
import { clockFor, openProject, type ClockOptions, type ProjectOptions } from "./context.js";
import { writeIncidentFiles, type IncidentWrite } from "./incident-write.js";
import type { WriteRequest } from "./write-request.js";

export interface UpdateIncidentRequest extends ProjectOptions, ClockOptions, WriteRequest {
  id: string;
  responded?: string | true;
  resolved?: string | true;
  closed?: string | true;
  pauseFrom?: string;
  pauseTo?: string;
  pauseReason?: Pause["reason"];
  pauseNote?: string;
  cause?: string;
  rootCause?: string;
  actions?: string;
  status?: IncidentStatus;
}

export async function updateIncident(options: UpdateIncidentRequest): Promise<IncidentWrite> {
  const { id } = options;
  const project = openProject(options);
  const clock = clockFor(project, options.asOf, options.now);
  const found = findIncident(project, id);
  if (!found) throw new UsageError(`no incident ${id} in incidents/`);
  // Errors in other files do not stop an update of this one (the write reports them as a warning);
  // tam.yaml must be valid: its time zone reads the times given.
  requireValidIn(project, [found.source.rel, FILE_NAMES.manifest]);
  const time = (value: string | true | undefined, flag: string) => {
    if (value === undefined) return undefined;
    const resolved = resolveTimeInput(value, clock, flag);
    if (typeof resolved !== "string") throw new UsageError(resolved.error);
    return resolved;
  };
  const request: UpdateRequest = {
    responded: time(options.responded, "--responded"),
    resolved: time(options.resolved, "--resolved"),
    closed: time(options.closed, "--closed"),
    pauseFrom: time(options.pauseFrom, "--pause-from"),
    pauseTo: time(options.pauseTo, "--pause-to"),
    pauseReason: options.pauseReason,
    pauseNote: options.pauseNote,
    cause: options.cause as CauseCategory | undefined,
    rootCause: options.rootCause,
    actions: options.actions,
    status: options.status,
  };
  // Planned once now, so a mistake is reported before waiting for the lock; again under the lock on the file as it is then.
  const planned = planUpdate(found.incident, request);
  if (typeof planned === "string") throw new UsageError(planned);
  let what = "";
  return writeIncidentFiles(
    project,
    [
      {
        path: found.source.rel,
        edit: (text, source) => {
          const list = (source?.data as { incidents?: Incident[] } | undefined)?.incidents ?? [];
          const index = list.findIndex((incident) => incident?.id === found.incident.id);
          if (index < 0 || text === null) throw new UsageError(`no incident ${found.incident.id} in ${found.source.rel} any more`);
          const edits = planUpdate(list[index]!, request);
          if (typeof edits === "string") throw new UsageError(edits);
          const next = applyFieldEdits(text, index, edits);
          verifyIncidents(next, list.map((item, i) => (i === index ? applyToIncident(item, edits) : item)) as Incident[]);
          what = [...new Set(edits.map((e) => (e.kind === "set" ? e.key : e.kind === "cause" ? "cause" : "pause")))].join(", ");
          return next;
        },
      },
    ],
    () => `incident ${found.incident.id}: ${what}`,
    options,
  );
}
