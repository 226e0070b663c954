// tam completion bash|zsh|fish: the completion script for a shell, built from the command tree.
import type { Command } from "commander";
import { EXIT_OK } from "../errors.js";
import { completionFormatters } from "../format/completion/index.js";
import { pickFormatter } from "../format/registry.js";
import { processOutput, type Output } from "./context.js";

export function runCompletion(program: Command, shell: string, output: Output = processOutput): number {
  const script = pickFormatter(completionFormatters, shell);
  output.out(script(program, { color: false }));
  return EXIT_OK;
}
