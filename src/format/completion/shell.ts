// Pieces the bash, zsh and fish scripts share: quoting and the lookup tables as `case` arms.
import type { CommandSpec, ValueCompletion } from "../../completion/spec.js";

/** A word for a POSIX shell, single-quoted unless it is plainly safe. */
export function shellWord(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

/** Option names of a spec, long and short. */
function optionNames(spec: CommandSpec): string[] {
  return spec.options.flatMap((o) => [o.long, o.short].filter((n): n is string => Boolean(n)));
}

/** "choices a b", "ids change", "files" or "none": how the shell completes a value. */
function valueWord(value: ValueCompletion): string {
  if ("choices" in value) return `choices ${value.choices.join(" ")}`;
  if ("ids" in value) return `ids ${value.ids}`;
  if ("files" in value) return "files";
  return "none";
}

/**
 * Shell functions (valid in bash and zsh) answering from the command tree:
 * `_tam_subcommands PATH`, `_tam_options PATH`, `_tam_option_value PATH OPTION` (fails when the
 * option is a flag) and `_tam_argument PATH N`.
 */
export function lookupFunctions(specs: CommandSpec[]): string {
  const arm = (key: string, body: string) => `    ${shellWord(key)}) ${body} ;;`;
  const subcommands = specs.filter((s) => s.subcommands.length).map((s) => arm(s.path.join(" "), `echo ${s.subcommands.map((c) => shellWord(c.name)).join(" ")}`));
  const options = specs.map((s) => arm(s.path.join(" "), `echo ${optionNames(s).map(shellWord).join(" ")}`));
  const values = specs.flatMap((s) =>
    s.options.filter((o) => o.value).flatMap((o) => [o.long, o.short].filter(Boolean).map((name) => arm(`${s.path.join(" ")}|${name}`, `echo ${valueWord(o.value!)}`))),
  );
  const args = specs.flatMap((s) => s.args.map((a, i) => arm(`${s.path.join(" ")}|${i}`, `echo ${valueWord(a)}`)));
  return [
    "_tam_subcommands() {",
    '  case "$1" in',
    ...subcommands,
    "  esac",
    "}",
    "_tam_options() {",
    '  case "$1" in',
    ...options,
    "  esac",
    "}",
    "_tam_option_value() {",
    '  case "$1|$2" in',
    ...values,
    "    *) return 1 ;;",
    "  esac",
    "}",
    "_tam_argument() {",
    '  case "$1|$2" in',
    ...args,
    "    *) echo files ;;",
    "  esac",
    "}",
  ].join("\n");
}
