// `tam completion fish`: fish `complete` rules built from the command tree.
import type { CommandSpec, ValueCompletion } from "../../completion/spec.js";
import { shellWord } from "./shell.js";

/** fish quoting: single quotes, with \ and ' escaped. */
const fishWord = (text: string) => `'${text.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;

function valueArguments(value: ValueCompletion): string {
  if ("choices" in value) return ` -r -f -a ${fishWord(value.choices.join(" "))}`;
  if ("ids" in value) return ` -r -f -a ${fishWord(`(__tam_ids ${value.ids})`)}`;
  if ("files" in value) return " -r -F";
  return " -r -f";
}

export function fishCompletion(specs: CommandSpec[]): string {
  const subs = specs.flatMap((s) => s.subcommands.map((c) => `${s.path.join(" ")}|${c.name}`));
  const valued = specs.flatMap((s) => s.options.filter((o) => o.value).flatMap((o) => [o.long, o.short].filter(Boolean).map((n) => `${s.path.join(" ")}|${n}`)));
  const rules: string[] = [];
  for (const spec of specs) {
    const at = `-n ${fishWord(`__tam_at ${shellWord(spec.path.join(" ")) || "''"}`)}`;
    for (const sub of spec.subcommands) rules.push(`complete -c tam ${at} -f -a ${fishWord(sub.name)} -d ${fishWord(sub.description.slice(0, 80))}`);
    for (const option of spec.options) {
      const names = `${option.long ? ` -l ${option.long.replace(/^--/, "")}` : ""}${option.short ? ` -s ${option.short.replace(/^-/, "")}` : ""}`;
      rules.push(`complete -c tam ${at}${names}${option.value ? valueArguments(option.value) : ""} -d ${fishWord(option.description.slice(0, 80))}`);
    }
    const first = spec.args[0];
    if (!spec.subcommands.length && first && !("none" in first)) {
      rules.push("files" in first ? `complete -c tam ${at} -F` : `complete -c tam ${at} -f -a ${fishWord("choices" in first ? first.choices.join(" ") : `(__tam_ids ${first.ids})`)}`);
    }
  }
  return `# fish completion for tam. Load it with:  tam completion fish | source
# or install it:  tam completion fish > ~/.config/fish/completions/tam.fish
set -g __tam_subs ${subs.map(fishWord).join(" ")}
set -g __tam_valued ${valued.map(fishWord).join(" ")}

# The command path typed so far (e.g. "change plan"), skipping option values.
function __tam_path
    set -l tokens (commandline -opc)
    set -e tokens[1]
    set -l cmdpath ""
    set -l pending 0
    for t in $tokens
        if test $pending = 1
            set pending 0
            if not string match -q -- '-*' $t
                continue
            end
        end
        if string match -q -- '-*' $t
            if contains -- "$cmdpath|$t" $__tam_valued
                set pending 1
            end
        else if contains -- "$cmdpath|$t" $__tam_subs
            set cmdpath (string trim -- "$cmdpath $t")
        end
    end
    echo $cmdpath
end

function __tam_at
    set -l current (__tam_path)
    test "$current" = "$argv[1]"
end

# Ids of the current project (or of the one given with -C).
function __tam_ids
    set -l tokens (commandline -opc)
    set -l tam $tokens[1]
    command -q $tam; or set tam tam
    set -l i (contains -i -- -C $tokens; or contains -i -- --project $tokens)
    if test -n "$i"; and test (count $tokens) -gt $i
        $tam -C $tokens[(math $i + 1)] __complete $argv[1] 2>/dev/null
    else
        $tam __complete $argv[1] 2>/dev/null
    end
end

complete -c tam -f
${rules.join("\n")}
`;
}
