// The terminal's answers to the questions of the wizards (src/app/prompter.ts): inquirer, loaded only
// when a question is asked.

export type { Check, Prompter } from "../app/prompter.js";
import type { Prompter } from "../app/prompter.js";

/** Whether to ask: a terminal on both ends and no --yes. */
export function canAsk(options: { yes?: boolean }): boolean {
  return !options.yes && Boolean(process.stdin.isTTY) && Boolean(process.stdout.isTTY);
}

export async function terminalPrompter(): Promise<Prompter> {
  const { default: inquirer } = await import("inquirer");
  const ask = async <T>(question: Record<string, unknown>): Promise<T> => ((await inquirer.prompt([{ ...question, name: "answer" }] as never)) as { answer: T }).answer;
  return {
    input: (q) => ask<string>({ type: "input", ...q }),
    select: (q) => ask({ type: "list", ...q, choices: [...q.choices] }),
    checkbox: (q) => ask({ type: "checkbox", ...q, choices: q.choices.map((c) => ({ ...c, checked: q.default?.includes(c.value) ?? false })), pageSize: 15 }),
    confirm: (q) => ask<boolean>({ type: "confirm", ...q }),
  };
}
