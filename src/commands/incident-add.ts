// tam incident add: a new incident in incidents/<YYYY-MM>.yaml; asks in a terminal, takes flags otherwise.
import { EXIT_OK, UsageError } from "../errors.js";
import { incidentFileFor, nextIncidentIds } from "../domain/incidents/record.js";
import { resolveTimeInput } from "../domain/incidents/time-input.js";
import { appendIncidents, modelineFor, verifyIncidents } from "../project/incident-files.js";
import { FILE_NAMES, reloadProject } from "../project/load.js";
import { requireValidIn } from "../project/check.js";
import { PRIORITIES, type CauseCategory, type Incident, type Priority } from "../model/files.js";
import { clockFor, openProject, processOutput, type GlobalOptions, type Output } from "./context.js";
import { saveIncidentFiles } from "./incident-save.js";
import { canAsk, type Prompter } from "./prompter.js";
import type { WriteFlags } from "./write-flags.js";

export interface IncidentAddOptions extends WriteFlags {
  title?: string;
  priority?: string;
  component?: string[];
  department?: string;
  opened?: string;
  responded?: string;
  cause?: string;
  rootCause?: string;
  externalId?: string;
  yes?: boolean;
  commit: boolean;
  asOf?: string;
}

export async function runIncidentAdd(globals: GlobalOptions, options: IncidentAddOptions, output: Output = processOutput, prompter?: Prompter): Promise<number> {
  const project = openProject(globals);
  // Errors elsewhere do not stop recording an incident (the write refuses only errors it would add);
  // tam.yaml must be valid: its time zone reads the times given.
  requireValidIn(project, [FILE_NAMES.manifest]);
  const clock = clockFor(project, options.asOf);
  if (prompter || canAsk(options)) {
    const { askIncident } = await import("./incident-add-prompts.js");
    Object.assign(options, await askIncident(project, options, clock, prompter));
  }
  if (!options.title?.trim()) throw new UsageError("--title is required (or run in a terminal to be asked)");
  if (!PRIORITIES.includes(options.priority as Priority)) throw new UsageError(`--priority must be one of ${PRIORITIES.join(", ")}`);
  const time = (value: string | true, flag: string) => {
    const resolved = resolveTimeInput(value, clock, flag);
    if (typeof resolved !== "string") throw new UsageError(resolved.error);
    return resolved;
  };
  const draft: Omit<Incident, "id"> = {
    ...(options.externalId ? { external_id: options.externalId } : {}),
    title: options.title.trim(),
    priority: options.priority as Priority,
    ...(options.component?.length ? { components: options.component } : {}),
    ...(options.department ? { department: options.department } : {}),
    opened: time(options.opened ?? true, "--opened"),
    ...(options.responded ? { responded: time(options.responded, "--responded") } : {}),
    ...(options.cause ? { cause: { category: options.cause as CauseCategory, ...(options.rootCause ? { root_cause: options.rootCause } : {}) } } : {}),
    status: options.responded ? "responded" : "open",
  };
  const rel = incidentFileFor(draft.opened, clock.timezone);
  let incident: Incident | undefined;
  await saveIncidentFiles(
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
    options,
    output,
  );
  output.out(incident!.id);
  return EXIT_OK;
}
