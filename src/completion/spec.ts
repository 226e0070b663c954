// The command tree as shell completion needs it, read from the commander program at runtime,
// so that completion never lists a command or option the CLI does not have (or misses one).
import type { Command, Option } from "commander";
import { compareText } from "../model/text-order.js";

/** Ids `tam __complete <kind>` can list from the current project. */
export const ID_KINDS = ["change", "task", "doc", "incident", "department", "component"] as const;
export type IdKind = (typeof ID_KINDS)[number];

/** What a value is completed with: a fixed set, ids of the project, file names, or nothing. */
export type ValueCompletion = { choices: string[] } | { ids: IdKind } | { files: true } | { none: true };

export interface OptionSpec {
  long?: string;
  short?: string;
  description: string;
  /** Undefined when the option is a flag (takes no value). */
  value?: ValueCompletion;
}

export interface CommandSpec {
  /** Words after `tam`, e.g. ["change", "plan"]; [] for the program itself. */
  path: string[];
  description: string;
  subcommands: { name: string; description: string }[];
  options: OptionSpec[];
  /** Completion of the positional arguments, in order. */
  args: ValueCompletion[];
}

const isIdKind = (name: string): name is IdKind => (ID_KINDS as readonly string[]).includes(name);

/**
 * What an argument holds, from its name and the command group: `<ref>` is CHANGE/TASK,
 * `<doc>` a doc id, `<id>` the group's own kind (change plan <id>, incident update <id>).
 */
function argumentValue(path: string[], name: string, choices: readonly string[] | undefined): ValueCompletion {
  if (choices?.length) return { choices: [...choices] };
  if (name === "ref") return { ids: "task" };
  if (isIdKind(name)) return { ids: name };
  if (name === "id" && path[0] && isIdKind(path[0])) return { ids: path[0] };
  if (name === "file" || name === "dir") return { files: true };
  return { none: true };
}

/** An option's value: its declared choices, else ids when it names a kind (--department), else files. */
function optionValue(option: Option): ValueCompletion | undefined {
  if (!option.required && !option.optional) return undefined;
  if (option.argChoices?.length) return { choices: [...option.argChoices] };
  const name = option.attributeName();
  if (isIdKind(name)) return { ids: name };
  if (/<(file|dir)>/.test(option.flags) || name === "project" || name === "output" || name === "write") return { files: true };
  return { none: true };
}

export function completionSpec(program: Command): CommandSpec[] {
  const help = program.createHelp();
  const globals = help.visibleOptions(program);
  const specs: CommandSpec[] = [];
  const walk = (command: Command, path: string[]) => {
    const subcommands = help.visibleCommands(command).filter((c) => c.name() !== "help");
    const own = path.length ? help.visibleOptions(command) : [];
    // Program options are accepted after a subcommand too (commander), except --version.
    const inherited = path.length ? globals.filter((g) => g.long !== "--version" && !own.some((o) => o.long === g.long)) : globals;
    const options = [...own, ...inherited];
    specs.push({
      path,
      description: command.description(),
      subcommands: subcommands.map((c) => ({ name: c.name(), description: c.description() })),
      options: options.map((o) => ({ long: o.long, short: o.short, description: o.description, value: optionValue(o) })).sort((a, b) => compareText(a.long ?? a.short ?? "", b.long ?? b.short ?? "")),
      args: command.registeredArguments.map((a) => argumentValue(path, a.name(), a.argChoices)),
    });
    for (const sub of subcommands) walk(sub, [...path, sub.name()]);
  };
  walk(program, []);
  return specs;
}
