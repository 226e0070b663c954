// tam change rebaseline <ID> --reason: move the promise explicitly; one commit.
import { rebaselineChange } from "../app/change-rebaseline.js";
import { EXIT_OK } from "../errors.js";
import { plainOutput, processOutput, type GlobalOptions, type Output } from "./context.js";
import { committedNote, type WriteFlags } from "./write-flags.js";

export interface ChangeRebaselineOptions extends WriteFlags {
  reason?: string;
  by?: string;
  commit?: boolean;
  asOf?: string;
}

export async function runChangeRebaseline(globals: GlobalOptions, id: string, options: ChangeRebaselineOptions, output: Output = processOutput): Promise<number> {
  const r = await rebaselineChange({ project: globals.project, id, ...options, warn: plainOutput(output).err });
  output.out(
    [
      `${r.id}: promised to the client ${r.from ? `${r.from} → ` : ""}${r.to} (internal ${r.internal}, planned finish ${r.finish.slice(0, 10)}) by ${r.by} at ${r.at}${committedNote(r.write)}`,
      `the client must be told: tam change notify ${r.id}`,
    ].join("\n"),
  );
  return EXIT_OK;
}
