// The questions wizards ask, behind one small interface: in a terminal, inquirer answers them
// (loaded only then); tests answer them in-process with a script (test/helpers/scripted-prompter.ts).
// Every answer is checked where it is typed (`validate`), so no answer is lost to a check at the end.

export type Check = (answer: string) => true | string;

export interface Prompter {
  input(question: { message: string; default?: string; validate?: Check }): Promise<string>;
  select<T extends string>(question: { message: string; choices: readonly T[]; default?: T }): Promise<T>;
  /** Never asked with no choices: callers skip the question then. */
  checkbox<T extends string>(question: { message: string; choices: readonly { name: string; value: T }[]; default?: readonly T[] }): Promise<T[]>;
  /** A yes/no question, e.g. "write this?" after a summary. */
  confirm(question: { message: string; default?: boolean }): Promise<boolean>;
}

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
