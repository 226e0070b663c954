// The command table (src/cli/table.ts) as commander objects. Nothing here names a command: a new
// command is a row of the table, never code here.
import { Command, Option } from "commander";
import type { GlobalOptions, Output } from "../commands/context.js";
import { terminalSafe } from "../commands/report-error.js";
import { VERSION } from "../version.js";
import type { OptionDef, ParseState } from "./options.js";
import { COMMANDS, type CommandDef, PROGRAM } from "./table.js";

/** The "Examples:" block after a command's help. */
function examples(lines: readonly string[]): string {
  return `\nExamples:\n${lines.map((line) => `  $ ${line}`).join("\n")}\n`;
}

function toOption(def: OptionDef, state: ParseState): Option {
  const option = new Option(def.flags, def.description);
  if (def.choices) option.choices(def.choices);
  if (def.default !== undefined) option.default(def.default);
  // After choices(): commander keeps the choices for help and completion, this parser runs instead.
  const parse = def.parse;
  if (parse) option.argParser((value: string, previous: unknown) => parse(value, previous as never, state));
  if (def.mandatory) option.makeOptionMandatory();
  return option;
}

/**
 * The program. `output` replaces stdout and stderr (the in-process corpus and fuzz runs capture
 * what each command prints); without it, commands print to the process's streams.
 */
export function buildProgram(setExit: (code: number) => void, output?: Output): Command {
  const program = new Command(PROGRAM.name)
    .description(PROGRAM.description)
    .version(VERSION, "-V, --version")
    .showHelpAfterError("(run with --help for usage)")
    // Commander echoes argument values back ("unknown option '…'"): through the output-safety sink.
    // Set before any subcommand is added: subcommands copy it.
    .configureOutput({
      // terminalSafe, not the sink alone: commander adds no colour, and the sink keeps colour codes.
      writeErr: (text) => (output ? output.err(terminalSafe(text)) : process.stderr.write(terminalSafe(text))),
      writeOut: (text) => (output ? output.out(terminalSafe(text)) : process.stdout.write(terminalSafe(text))),
    })
    // Set before any subcommand is added: subcommands copy it, so their usage errors exit 2 too.
    .exitOverride()
    .addHelpText("after", examples(PROGRAM.examples));
  for (const def of PROGRAM.options) program.addOption(toOption(def, {}));

  const made = new Map<string, Command>([["", program]]);
  for (const def of COMMANDS) {
    const parent = made.get(def.path.slice(0, -1).join(" "));
    if (!parent) throw new Error(`command table: "${def.path.join(" ")}" comes before its parent`);
    made.set(def.path.join(" "), addCommand(parent, def, program, setExit, output));
  }
  return program;
}

function addCommand(parent: Command, def: CommandDef, program: Command, setExit: (code: number) => void, output: Output | undefined): Command {
  const command = parent.command(def.path.at(-1)!, { hidden: def.hidden }).description(def.description);
  for (const arg of def.args ?? []) typeof arg === "string" ? command.argument(arg) : command.argument(arg[0], arg[1]);
  const state: ParseState = {};
  for (const option of def.options ?? []) command.addOption(toOption(option, state));
  if (def.examples.length) command.addHelpText("after", examples(def.examples));
  const run = def.run;
  if (run)
    command.action(async (...params: unknown[]) => {
      const self = params.at(-1) as Command;
      setExit(
        await run({
          globals: program.opts<GlobalOptions>(),
          // Commander passes the arguments, then the options and the command; a variadic argument as an array.
          args: params.slice(0, -2).flatMap((arg) => (Array.isArray(arg) ? arg : [arg])) as string[],
          options: self.opts(),
          // Loaded here, not at the top: commands/context.js reaches the project loader, which `tam --help` does not need.
          output: output ?? (await import("../commands/context.js")).processOutput,
          parentOptions: self.parent?.opts() ?? {},
          state,
          program,
        }),
      );
    });
  return command;
}
