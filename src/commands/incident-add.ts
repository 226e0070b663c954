// tam incident add: a new incident (src/app/incident-add.ts); asks in a terminal, takes flags otherwise.
import { addIncident } from "../app/incident-add.js";
import { EXIT_OK } from "../errors.js";
import { plainOutput, processOutput, type GlobalOptions, type Output } from "./context.js";
import { reportIncidentWrite } from "./incident-save.js";
import { canAsk, terminalPrompter, type Prompter } from "./prompter.js";
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
  const { yes: _yes, ...request } = options;
  const ask = prompter ?? (canAsk(options) ? await terminalPrompter() : undefined);
  const added = await addIncident({ project: globals.project, ...request, ...(ask ? { prompter: ask } : {}), warn: plainOutput(output).err });
  reportIncidentWrite(added, output);
  output.out(added.incident.id);
  return EXIT_OK;
}
