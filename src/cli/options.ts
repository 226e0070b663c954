// Options as data, and the groups many commands share. src/cli/program.ts turns each into a
// commander Option; help, completion and the docs drift test read them from the command table.
import { InvalidArgumentError } from "commander";
import { FORMAT_NAMES } from "../format/names.js";

/** One option of a command, as commander's `new Option(flags, description)` takes it, and what it adds. */
export interface OptionDef {
  /** Commander's flags: "-f, --format <format>", "--no-commit", "--responded [time]". */
  flags: string;
  description: string;
  /** The values it takes; commander refuses others (exit 2) and completion offers them. */
  choices?: readonly string[];
  default?: unknown;
  /** Turns each value into the option's value; `previous` is the value so far (repeatable options). */
  parse?: (value: string, previous: never, state: ParseState) => unknown;
  /** Must be given (commander's mandatory option). */
  mandatory?: boolean;
}

/** Scratch space of one parse of one command, for options whose values depend on each other's order (validate's --format/--output). */
export type ParseState = Record<string, unknown>;

/** A repeatable option's values, in the order given. */
export const collect = (value: string, previous: string[] = []) => [...previous, value];

/** `{ flags, description }` and more, as an option. */
export const option = (flags: string, description: string, more: Omit<OptionDef, "flags" | "description"> = {}): OptionDef => ({ flags, description, ...more });

/** --format: `names` from src/format/names.ts (no formatter is loaded to list them), and the default. */
export const formatOption = (names: keyof typeof FORMAT_NAMES, fallback: string): OptionDef => option("-f, --format <format>", "output format", { choices: FORMAT_NAMES[names], default: fallback });

/** --as-of: the clock of every command that reads or writes dates. */
export const asOfOption = option("--as-of <date>", "evaluate as of this date (YYYY-MM-DD) or timestamp, for reproducible output");

/** --fail-on: the lowest severity (or state) that makes the exit code 1. */
/** The period of a report: one calendar month, or first and last day (resolvePeriod in src/domain/sla/period.ts). */
export const PERIOD_OPTIONS: readonly OptionDef[] = [
  option("--period <YYYY-MM>", "a calendar month in the project's zone (default: the last full month)"),
  option("--from <date>", "first day of the period (YYYY-MM-DD)"),
  option("--to <date>", "last day of the period (YYYY-MM-DD), inclusive"),
];

export const failOnOption = (description: string, choices: readonly string[], fallback?: string): OptionDef =>
  option("--fail-on <severity>", description, { choices, ...(fallback === undefined ? {} : { default: fallback }) });

const waitOption = option("--wait <seconds>", "wait up to this long for another tam write to finish (default 60)", {
  parse: (value) => {
    if (!/^\d+(\.\d+)?$/.test(value)) throw new InvalidArgumentError("expected a number of seconds, e.g. 120");
    return Number(value);
  },
});
const localChangesOption = option("--include-local-changes", "commit uncommitted changes already in the file together with this update (the commit message says so)");
const noVerifyOption = option("--no-verify", "commit without running the repository's git hooks (pre-commit, commit-msg, post-commit); the commit message says so");

/** The write transaction's options, after --no-commit: how long to wait for another tam write, the user's local changes, the git hooks. */
export const TRANSACTION_OPTIONS: readonly OptionDef[] = [waitOption, localChangesOption, noVerifyOption];

/**
 * The options of every command that writes (src/commands/write-flags.ts): --no-commit with the
 * command's own words for what it leaves uncommitted, then --wait, --include-local-changes,
 * --no-verify. `verify: false` for the writes whose use case takes no verify flag yet.
 */
export function writeOptions(noCommit: string, { verify = true }: { verify?: boolean } = {}): OptionDef[] {
  return [option("--no-commit", noCommit), ...TRANSACTION_OPTIONS.filter((o) => verify || o !== noVerifyOption)];
}

/** `--by <name>` with the default every write command takes its author from. */
export const byOption = (who: string) => option("--by <name>", `${who} (default: git user.name, else $USER)`);
