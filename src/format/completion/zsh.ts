// `tam completion zsh`: a zsh completion function built from the command tree.
import type { CommandSpec } from "../../completion/spec.js";
import { WALK_WORDS } from "./bash.js";
import { lookupFunctions } from "./shell.js";

export function zshCompletion(specs: CommandSpec[]): string {
  return `#compdef tam
# zsh completion for tam. Load it (after compinit) with:  source <(tam completion zsh)
# or install it as a function:  tam completion zsh > "\${fpath[1]}/_tam"
${lookupFunctions(specs)}
_tam_ids() {
  local tam="\${words[1]}"
  (( $+commands[$tam] )) || tam=tam
  if [[ -n "$2" ]]; then "$tam" -C "$2" __complete "$1" 2>/dev/null; else "$tam" __complete "$1" 2>/dev/null; fi
}
_tam() {
  local cur="\${words[CURRENT]}" cmdpath="" project="" pending="" word how subs i nargs=0
  for ((i = 2; i < CURRENT; i++)); do
${WALK_WORDS.replace("WORDS_AT_I", "words[i]")}
  done
  if [[ -n "$pending" ]]; then
    how="$(_tam_option_value "$cmdpath" "$pending")"
  elif [[ "$cur" == -* ]]; then
    compadd -- \${=$(_tam_options "$cmdpath")}
    return
  else
    subs="$(_tam_subcommands "$cmdpath")"
    if [[ -n "$subs" ]]; then
      compadd -- \${=subs}
      return
    fi
    how="$(_tam_argument "$cmdpath" "$nargs")"
  fi
  case "$how" in
    choices\\ *) compadd -- \${=\${how#choices }} ;;
    ids\\ *) compadd -- \${(f)"$(_tam_ids "\${how#ids }" "$project")"} ;;
    files) _files ;;
  esac
}
if [[ "\${zsh_eval_context[-1]}" == loadautofunc ]]; then
  _tam "$@"
else
  compdef _tam tam
fi
`;
}
