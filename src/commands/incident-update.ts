// tam incident update <ID>: record response, resolution, closing, pauses, cause (src/app/incident-update.ts).
import { updateIncident } from "../app/incident-update.js";
import { EXIT_OK } from "../errors.js";
import type { IncidentStatus, Pause } from "../model/files.js";
import { plainOutput, processOutput, type GlobalOptions, type Output } from "./context.js";
import { reportIncidentWrite } from "./incident-save.js";
import type { WriteFlags } from "./write-flags.js";

export interface IncidentUpdateOptions extends WriteFlags {
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
  reportIncidentWrite(await updateIncident({ project: globals.project, id, ...options, warn: plainOutput(output).err }), output);
  return EXIT_OK;
}
