// tam completion bash|zsh|fish: the completion script for a shell, built from the command tree.
import type { Command } from "commander";
import { completionSpec } from "../completion/spec.js";
import { EXIT_OK } from "../errors.js";
import { bashCompletion } from "../format/completion/bash.js";
import { fishCompletion } from "../format/completion/fish.js";
import { zshCompletion } from "../format/completion/zsh.js";
import { pickFormatter } from "../format/registry.js";
import { processOutput, type Output } from "./context.js";

const SCRIPTS = {
  bash: bashCompletion,
  zsh: zshCompletion,
  fish: fishCompletion,
};

export function runCompletion(program: Command, shell: string, output: Output = processOutput): number {
  const script = pickFormatter(SCRIPTS, shell);
  output.out(script(completionSpec(program), { color: false }));
  return EXIT_OK;
}
