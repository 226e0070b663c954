// The questions wizards ask, behind one small interface: in a terminal, inquirer answers them
// (src/commands/prompter.ts, loaded only then); tests answer them in-process with a script
// (test/helpers/scripted-prompter.ts). Every answer is checked where it is typed (`validate`), so
// no answer is lost to a check at the end.

export type Check = (answer: string) => true | string;

export interface Prompter {
  input(question: { message: string; default?: string; validate?: Check }): Promise<string>;
  select<T extends string>(question: { message: string; choices: readonly T[]; default?: T }): Promise<T>;
  /** Never asked with no choices: callers skip the question then. */
  checkbox<T extends string>(question: { message: string; choices: readonly { name: string; value: T }[]; default?: readonly T[] }): Promise<T[]>;
  /** A yes/no question, e.g. "write this?" after a summary. */
  confirm(question: { message: string; default?: boolean }): Promise<boolean>;
}
