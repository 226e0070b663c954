// tam change new: a new change file with the next free id (src/app/change-new.ts).
import { createChange, type ChangeNewOptions } from "../app/change-new.js";

export type { ChangeNewOptions } from "../app/change-new.js";
import { EXIT_OK } from "../errors.js";
import { plainOutput, processOutput, type GlobalOptions, type Output } from "./context.js";
import { canAsk, terminalPrompter, type Prompter } from "./prompter.js";
import type { WriteFlags } from "./write-flags.js";

export async function runChangeNew(globals: GlobalOptions, options: ChangeNewOptions & WriteFlags & { asOf?: string }, output: Output = processOutput, prompter?: Prompter): Promise<number> {
  const ask = prompter ?? (canAsk(options) ? await terminalPrompter() : undefined);
  const { id, write } = await createChange({ project: globals.project, ...options, ...(ask ? { prompter: ask } : {}), warn: plainOutput(output).err });
  // The new id alone on stdout (`id=$(tam change new …)`), the prose on stderr.
  output.out(id);
  plainOutput(output).err(`created ${write.written[0]}${write.commit ? ` (commit ${write.commit})` : ""}\nnext: tam change plan ${id}`);
  return EXIT_OK;
}
