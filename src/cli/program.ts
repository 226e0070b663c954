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

/** The program's own options (-C, --no-color, …, and the version's), each with whether it takes a value. */
const PROGRAM_FLAGS = new Map<string, boolean>(
  [...PROGRAM.options.map((def) => def.flags), "-V, --version"].flatMap((flags) => {
    const takesValue = /[<[]/.test(flags);
    return flags
      .split(/[ ,]+/)
      .filter((word) => word.startsWith("-"))
      .map((word) => [word, takesValue] as const);
  }),
);

const isPrefix = (short: readonly string[], long: readonly string[]) => short.length <= long.length && short.every((word, i) => long[i] === word);

/**
 * Which rows of the command table a run on `argv` can reach: undefined for all of them, else a test
 * of a row. Commander dispatches on the words before the first option it does not know (the
 * program's own options are taken anywhere), a level at a time; a command it reaches that way
 * looks at its ancestors (their options, for its errors) and at its own subcommands (for its help,
 * "unknown command" and its suggestions), never at its siblings. So the rows on the path the words
 * name, and everything under its last command, behave as the whole table. The whole table when
 * the words name no command (`tam`, `tam help`, `tam chnage`), after an option commander may not
 * pass on (`tam --help change`, `tam change -x plan`, `--`), and for `completion`, which describes
 * the whole program. None for --version, which the program answers before any command.
 */
function rowsFor(argv: readonly string[], commands: readonly CommandDef[] = COMMANDS): ((def: CommandDef) => boolean) | undefined {
  const path: string[] = [];
  for (let i = 2; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "-V" || arg === "--version") return () => false;
    const takesValue = PROGRAM_FLAGS.get(arg);
    if (takesValue !== undefined) {
      if (takesValue) i++;
      continue;
    }
    // Stop at any other option: the rows down to here stay, with everything below them.
    if (arg.startsWith("-")) break;
    const next = [...path, arg];
    if (!commands.some((def) => def.path.length === next.length && isPrefix(def.path, next))) break;
    path.push(arg);
  }
  if (path.length === 0 || path[0] === "completion") return undefined;
  return (def) => isPrefix(def.path, path) || isPrefix(path, def.path);
}

/**
 * The program. `output` replaces stdout and stderr (the in-process corpus and fuzz runs capture
 * what each command prints); without it, commands print to the process's streams. With `argv`,
 * only the commands that run can reach (rowsFor): help, errors and exit codes are those of the
 * whole program, for less work at every start.
 */
/** Takes a command's exit code when its run ends, with the command's path in the table. */
type SetExit = (code: number, path: readonly string[]) => void;

export function buildProgram(setExit: SetExit, output?: Output, argv?: readonly string[]): Command {
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
  const wanted = argv && rowsFor(argv);
  for (const def of COMMANDS) {
    if (wanted && !wanted(def)) continue;
    const parent = made.get(def.path.slice(0, -1).join(" "));
    if (!parent) throw new Error(`command table: "${def.path.join(" ")}" comes before its parent`);
    made.set(def.path.join(" "), addCommand(parent, def, program, setExit, output));
  }
  return program;
}

function addCommand(parent: Command, def: CommandDef, program: Command, setExit: SetExit, output: Output | undefined): Command {
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
        def.path,
      );
    });
  return command;
}
