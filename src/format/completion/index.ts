// The completion scripts, by shell: each made from the command tree (the completion spec of the
// program, src/completion/spec.ts).
import type { Command } from "commander";
import { completionSpec } from "../../completion/spec.js";
import { bashCompletion } from "./bash.js";
import { fishCompletion } from "./fish.js";
import { zshCompletion } from "./zsh.js";

type Script = (program: Command, opts: { color: boolean }) => string;

export const completionFormatters: Record<"bash" | "zsh" | "fish", Script> = {
  bash: (program) => bashCompletion(completionSpec(program)),
  zsh: (program) => zshCompletion(completionSpec(program)),
  fish: (program) => fishCompletion(completionSpec(program)),
};
