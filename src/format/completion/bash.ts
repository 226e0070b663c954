// `tam completion bash`: a bash completion function built from the command tree.
import type { CommandSpec } from "../../completion/spec.js";
import { lookupFunctions } from "./shell.js";

/** Walks the typed words (shared with zsh): the command path, the -C project, a pending option, positional count. */
export const WALK_WORDS = `    word="\${WORDS_AT_I}"
    if [[ -n "$pending" ]]; then
      if [[ "$word" != -* ]]; then
        [[ "$pending" == -C || "$pending" == --project ]] && project="\${word/#\\~/$HOME}"
        pending=""
        continue
      fi
      pending=""
    fi
    case "$word" in
      --*=*) ;;
      -*) if _tam_option_value "$cmdpath" "$word" >/dev/null; then pending="$word"; fi ;;
      *)
        if [[ " $(_tam_subcommands "$cmdpath") " == *" $word "* ]]; then
          cmdpath="\${cmdpath:+$cmdpath }$word"
          nargs=0
        else
          nargs=$((nargs + 1))
        fi ;;
    esac`;

export function bashCompletion(specs: CommandSpec[]): string {
  return `# bash completion for tam. Load it with:  source <(tam completion bash)
# or install it:  tam completion bash > ~/.local/share/bash-completion/completions/tam
${lookupFunctions(specs)}
_tam_ids() {
  local tam="\${COMP_WORDS[0]}"
  command -v "$tam" >/dev/null 2>&1 || tam=tam
  if [[ -n "$2" ]]; then "$tam" -C "$2" __complete "$1" 2>/dev/null; else "$tam" __complete "$1" 2>/dev/null; fi
}
_tam_completion() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" cmdpath="" project="" pending="" word how subs i nargs=0
  COMPREPLY=()
  for ((i = 1; i < COMP_CWORD; i++)); do
${WALK_WORDS.replace("WORDS_AT_I", "COMP_WORDS[i]")}
  done
  if [[ -n "$pending" ]]; then
    how="$(_tam_option_value "$cmdpath" "$pending")"
  elif [[ "$cur" == -* ]]; then
    COMPREPLY=($(compgen -W "$(_tam_options "$cmdpath")" -- "$cur"))
    return 0
  else
    subs="$(_tam_subcommands "$cmdpath")"
    if [[ -n "$subs" ]]; then
      COMPREPLY=($(compgen -W "$subs" -- "$cur"))
      return 0
    fi
    how="$(_tam_argument "$cmdpath" "$nargs")"
  fi
  case "$how" in
    choices\\ *) COMPREPLY=($(compgen -W "\${how#choices }" -- "$cur")) ;;
    ids\\ *) COMPREPLY=($(compgen -W "$(_tam_ids "\${how#ids }" "$project")" -- "$cur")) ;;
    files) compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur")) ;;
  esac
  return 0
}
complete -F _tam_completion tam
`;
}
