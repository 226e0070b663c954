// tam incident add: a new incident (src/app/incident-add.ts); asks in a terminal, takes flags otherwise.
import { addIncident, type IncidentDraft } from "../app/incident-add.js";
import { EXIT_OK } from "../errors.js";
import { plainOutput, processOutput, type GlobalOptions, type Output } from "./context.js";
import { reportIncidentWrite } from "./incident-save.js";
import { canAsk, terminalPrompter, type Prompter } from "./prompter.js";
import type { WriteFlags } from "./write-flags.js";

/** The incident's fields as flags (the use case's draft), the write flags, and --yes. */
export interface IncidentAddOptions extends WriteFlags, IncidentDraft {
  yes?: boolean;
  commit: boolean;
  asOf?: string;
}

export async function runIncidentAdd(globals: GlobalOptions, options: IncidentAddOptions, output: Output = processOutput, prompter?: Prompter): Promise<number> {
  const { yes: _yes, ...request } = options;
  const ask = prompter ?? (canAsk(options) ? await terminalPrompter() : undefined);
  const added = await addIncident({ project: globals.project, ...request, ...(ask ? { prompter: ask } : {}), warn: plainOutput(output).err });
  reportIncidentWrite(added, output);
  output.out(added.incident.id);
  return EXIT_OK;
}
