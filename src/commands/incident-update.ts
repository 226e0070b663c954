// tam incident update <ID>: record response, resolution, closing, pauses, cause (src/app/incident-update.ts).
import { type UpdateIncidentRequest, updateIncident } from "../app/incident-update.js";
import { EXIT_OK } from "../errors.js";
import { plainOutput, processOutput, type GlobalOptions, type Output } from "./context.js";
import { reportIncidentWrite } from "./incident-save.js";
import type { WriteFlags } from "./write-flags.js";

/** What the use case takes, as flags: everything but the project, the incident's id and where warnings go. */
export type IncidentUpdateOptions = WriteFlags & Omit<UpdateIncidentRequest, "project" | "id" | "warn" | "now"> & { commit: boolean };

export async function runIncidentUpdate(globals: GlobalOptions, id: string, options: IncidentUpdateOptions, output: Output = processOutput): Promise<number> {
  reportIncidentWrite(await updateIncident({ project: globals.project, id, ...options, warn: plainOutput(output).err }), output);
  return EXIT_OK;
}
