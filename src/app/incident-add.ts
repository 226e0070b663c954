// Use case: tam incident add: a new incident in incidents/<YYYY-MM>.yaml, from the options given or
// asked through a Prompter (a terminal's, or a test's script).
import { UsageError } from "../errors.js";
import { incidentFileFor, nextIncidentIds } from "../domain/incidents/record.js";
import { resolveTimeInput } from "../domain/incidents/time-input.js";
import { PRIORITIES, type CauseCategory, type Incident, type Priority } from "../model/files.js";
import { requireValidIn } from "../project/check.js";
import { appendIncidents, modelineFor, verifyIncidents } from "../project/incident-files.js";
import { FILE_NAMES, reloadProject } from "../project/load.js";
import { clockFor, openProject, type ClockOptions, type ProjectOptions } from "./context.js";
import { writeIncidentFiles, type IncidentWrite } from "./incident-write.js";
import type { Prompter } from "./prompter.js";
import type { WriteRequest } from "./write-request.js";
import type { IncidentDraft } from "./incident-add-prompts.js";

export type { IncidentDraft } from "./incident-add-prompts.js";

export interface AddIncidentRequest extends ProjectOptions, ClockOptions, WriteRequest, IncidentDraft {
  /** Asks for the incident (what is given is the default of each question). */
  prompter?: Prompter;
}

export interface AddIncidentResult extends IncidentWrite {
  incident: Incident;
}

export async function addIncident(request: AddIncidentRequest): Promise<AddIncidentResult> {
  const project = openProject(request);
  // Errors elsewhere do not stop recording an incident (the write refuses only errors it would add);
  // tam.yaml must be valid: its time zone reads the times given.
  requireValidIn(project, [FILE_NAMES.manifest]);
  const clock = clockFor(project, request.asOf, request.now);
  let given: IncidentDraft = request;
  if (request.prompter) {
    const { askIncident } = await import("./incident-add-prompts.js");
    given = { ...request, ...(await askIncident(project, request, clock, request.prompter)) };
  }
  if (!given.title?.trim()) throw new UsageError("--title is required (or run in a terminal to be asked)");
  if (!PRIORITIES.includes(given.priority as Priority)) throw new UsageError(`--priority must be one of ${PRIORITIES.join(", ")}`);
  const time = (value: string | true, flag: string) => {
    const resolved = resolveTimeInput(value, clock, flag);
    if (typeof resolved !== "string") throw new UsageError(resolved.error);
    return resolved;
  };
  const draft: Omit<Incident, "id"> = {
    ...(given.externalId ? { external_id: given.externalId } : {}),
    title: given.title.trim(),
    priority: given.priority as Priority,
    ...(given.component?.length ? { components: given.component } : {}),
    ...(given.department ? { department: given.department } : {}),
    opened: time(given.opened ?? true, "--opened"),
    ...(given.responded ? { responded: time(given.responded, "--responded") } : {}),
    ...(given.cause ? { cause: { category: given.cause as CauseCategory, ...(given.rootCause ? { root_cause: given.rootCause } : {}) } } : {}),
    status: given.responded ? "responded" : "open",
  };
  const rel = incidentFileFor(draft.opened, clock.timezone);
  let incident: Incident | undefined;
  const saved = await writeIncidentFiles(
    project,
    () => {
      // The next free id is taken from the incidents as they are now, under the lock: another add may just have landed.
      const [id] = nextIncidentIds(reloadProject(project, ["incidents"]).incidents.map((i) => i.id));
      const added: Incident = { id: id!, ...draft };
      incident = added;
      return [
        {
          path: rel,
          edit: (text, source) => {
            const next = appendIncidents(text, [added], text === null ? modelineFor(project) : null);
            verifyIncidents(next, [...((source?.data as { incidents?: Incident[] } | undefined)?.incidents ?? []), added]);
            return next;
          },
        },
      ];
    },
    () => `incident ${incident!.id}: ${incident!.title}`,
    request,
  );
  return { ...saved, incident: incident! };
}
