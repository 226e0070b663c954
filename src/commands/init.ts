// tam init [dir]: a new project folder (src/app/init.ts); asks in a terminal, takes flags otherwise.
import { relative } from "node:path";
import { initProject, type InitOptions, type InitSummary } from "../app/init.js";
import { EXIT_FINDINGS, EXIT_OK } from "../errors.js";
import { inlineSafe } from "../format/text.js";
import { processOutput, type GlobalOptions, type Output } from "./context.js";
import { canAsk, terminalPrompter, type Prompter } from "./prompter.js";

export type { InitOptions } from "../app/init.js";

export async function runInit(_globals: GlobalOptions, dir: string | undefined, options: InitOptions, output: Output = processOutput, prompter?: Prompter): Promise<number> {
  const ask = prompter ?? (canAsk(options) ? await terminalPrompter() : undefined);
  const result = await initProject({ ...options, dir, ...(ask ? { prompter: ask } : {}), summary: (summary) => output.err(initSummary(summary)) });
  if (!result.created) {
    output.err("tam: not created; nothing was written");
    return EXIT_FINDINGS;
  }
  for (const issue of result.errors) output.err(inlineSafe(`${issue.file}:${issue.line ?? 1}:${issue.col ?? 1} error ${issue.code} ${issue.message}`));
  const shown = shownPath(result.target);
  if (result.commit) output.err(`committed ${result.commit.files} files as ${result.commit.hash}`);
  output.err(`created a tam project for ${inlineSafe(result.client)} in ${inlineSafe(shown)}\nnext: describe the landscape in architecture.yaml, then run \`tam validate -C ${shown}\``);
  return result.errors.length ? EXIT_FINDINGS : EXIT_OK;
}

function shownPath(target: string): string {
  return relative(process.cwd(), target) || ".";
}

/** What the wizard is about to write, shown before it asks to go ahead. */
function initSummary(summary: InitSummary): string {
  const rows = summary.rows.map(([key, value]): [string, string] => [key, key === "folder" ? shownPath(value) : value]);
  const width = Math.max(...rows.map(([key]) => key.length));
  return [`tam init will write ${summary.files} files:`, ...rows.map(([key, value]) => `  ${key.padEnd(width)}  ${inlineSafe(value)}`)].join("\n");
}
