// tam incident update <ID>: record response, resolution, closing, pauses, cause; surgical edit, validate, commit.
import { EXIT_OK, UsageError } from "../errors.js";
import { applyToIncident, planUpdate, type UpdateRequest } from "../domain/incidents/update.js";
import { resolveTimeInput } from "../domain/incidents/time-input.js";
import { applyFieldEdits, findIncident } from "../project/incident-store.js";
import { verifyIncidents } from "../project/incident-files.js";
import { requireValid } from "../project/check.js";
import type { CauseCategory, IncidentStatus, Pause } from "../model/files.js";
import { clockFor, openProject, processOutput, type GlobalOptions, type Output } from "./context.js";
import { saveIncidentFiles } from "./incident-save.js";

export interface IncidentUpdateOptions {
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
  commit: boolean;
  asOf?: string;
}

export async function runIncidentUpdate(globals: GlobalOptions, id: string, options: IncidentUpdateOptions, output: Output = processOutput): Promise<number> {
  const project = openProject(globals);
  requireValid(project);
  const clock = clockFor(project, options.asOf);
  const found = findIncident(project, id);
  if (!found) throw new UsageError(`no incident ${id} in incidents/`);
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
  const edits = planUpdate(found.incident, request);
  if (typeof edits === "string") throw new UsageError(edits);
  const text = applyFieldEdits(found.source.text, found.index, edits);
  const incidents = (found.source.data as { incidents: unknown[] }).incidents.map((item, i) => (i === found.index ? applyToIncident(found.incident, edits) : item));
  verifyIncidents(text, incidents as never);
  const what = [...new Set(edits.map((e) => (e.kind === "set" ? e.key : e.kind === "cause" ? "cause" : "pause")))].join(", ");
  await saveIncidentFiles(project, new Map([[found.source.rel, text]]), `incident ${found.incident.id}: ${what}`, options.commit, output);
  return EXIT_OK;
}
