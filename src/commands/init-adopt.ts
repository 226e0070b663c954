// tam init --adopt [dir]: an existing project folder set up for tam (src/app/init-adopt.ts).
import { adoptProject } from "../app/init-adopt.js";
import { EXIT_OK } from "../errors.js";
import { plainOutput, processOutput, type GlobalOptions, type Output } from "./context.js";
import { committedNote } from "./write-flags.js";

export async function runInitAdopt(_globals: GlobalOptions, dir: string | undefined, output: Output = processOutput): Promise<number> {
  // What the commit hooks print, and the write's warnings, come as they happen; what was done, after.
  const adopted = await adoptProject({ dir, warn: plainOutput(output).err });
  if (adopted.committed) output.err(`committed the project folder as ${adopted.committed}`);
  if (!adopted.baseline) {
    output.err("adopted: the commit that adds architecture.yaml is the starting point of documentation freshness, not a change");
    return EXIT_OK;
  }
  const { hash, file, write } = adopted.baseline;
  plainOutput(output).out(`Recorded the docs baseline ${hash.slice(0, 7)} in ${file}: changes up to that commit no longer make docs stale${committedNote(write)}.`);
  return EXIT_OK;
}
