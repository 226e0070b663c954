// The entry of the CLI: the command table (src/cli/table.ts) made into a commander program
// (src/cli/program.ts), run on argv. Command modules are imported lazily inside each command's run,
// so that `tam --help` and `tam --version` load neither ajv, inquirer nor simple-git.
import { buildProgram } from "./cli/program.js";
import type { Output } from "./commands/context.js";
import { reportError, safeForTerminal } from "./commands/report-error.js";
import { learnedZoneOffsets, recallZoneOffsets } from "./domain/zone.js";
import { findingsMemo, useFindingsMemo } from "./project/findings-memo.js";
import { historyMemo, useHistoryMemo } from "./project/history-memo.js";
import { zoneMemo } from "./project/zone-memo.js";

export { buildProgram };
export { COMMANDS, type CommandCall, type CommandDef, PROGRAM } from "./cli/table.js";

let ran: readonly string[] | undefined;

/**
 * The path in the command table of the command the last main() ran to its end (["change", "plan"]);
 * undefined after help, a usage error or a failure. src/launch.ts names a command's code cache by it.
 */
export function commandThatRan(): readonly string[] | undefined {
  return ran;
}

/**
 * Runs tam on `argv` (node, script, args…); with `output`, nothing is written to the process's
 * streams. With `cacheFolder` (the user's, given by src/launch.ts), the zone offsets learned by
 * earlier runs are read from it and the ones this run learns are kept there (src/project/zone-memo.ts),
 * and so is the git history of a repository whose HEAD has not moved (src/project/history-memo.ts).
 * With `buildId` too (the bundle's id: what code this is), so are the findings of a project whose
 * files have not changed (src/project/findings-memo.ts).
 */
export async function main(argv: string[], output?: Output, cacheFolder?: string, buildId?: string): Promise<number> {
  if (!output) {
    // `tam … | head` closes the pipe early: that is the reader's choice, not an error.
    for (const stream of [process.stdout, process.stderr]) {
      stream.on("error", (error: NodeJS.ErrnoException) => {
        if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
        throw error;
      });
    }
  }
  // A hook set before the command: the memo file of a zone is read on the zone's first use, since
  // which zones a command needs (the project's, a service's, a calendar's) is known only as it runs.
  const memo = cacheFolder === undefined ? undefined : zoneMemo(cacheFolder);
  if (memo) recallZoneOffsets(memo.recall);
  useHistoryMemo(cacheFolder === undefined ? undefined : historyMemo(cacheFolder));
  useFindingsMemo(cacheFolder === undefined || buildId === undefined ? undefined : findingsMemo(cacheFolder, buildId));
  let code = 0;
  ran = undefined;
  const program = buildProgram(
    (c, path) => {
      code = c;
      ran = path;
    },
    output,
    argv,
  );
  const err = (text: string) => (output ? output.err(safeForTerminal(text)) : process.stderr.write(safeForTerminal(text)));
  const debug = argv.includes("--debug");
  try {
    await program.parseAsync(argv);
    return code;
  } catch (error) {
    return reportError(error, debug, err);
  } finally {
    memo?.keep(learnedZoneOffsets());
    useHistoryMemo(undefined);
    useFindingsMemo(undefined);
  }
}
