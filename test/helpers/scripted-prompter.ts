// A Prompter (src/commands/prompter.ts) answering from a script, in-process: each answer goes
// through the question's own validate, as a person's would in the terminal; a rejected answer is
// recorded with the message shown, and the next scripted answer is tried.
import type { Prompter } from "../../src/commands/prompter.js";

/** Stands for Ctrl-C at that question (inquirer's ExitPromptError). */
export const CTRL_C = Symbol("Ctrl-C");
export type Answer = string | string[] | typeof CTRL_C;

export function scriptedPrompter(script: Answer[]) {
  const answers = [...script];
  const asked: string[] = [];
  const rejected: { question: string; answer: string; message: string }[] = [];
  const next = (message: string): Exclude<Answer, typeof CTRL_C> => {
    asked.push(message);
    if (!answers.length) throw new Error(`no scripted answer for "${message}"`);
    const answer = answers.shift()!;
    if (answer === CTRL_C) throw Object.assign(new Error("User force closed the prompt with SIGINT"), { name: "ExitPromptError" });
    return answer;
  };
  const prompter: Prompter = {
    async input(q) {
      for (;;) {
        const typed = next(q.message);
        if (typeof typed !== "string") throw new Error(`"${q.message}" wants text, the script has ${JSON.stringify(typed)}`);
        const answer = typed === "" && q.default !== undefined ? q.default : typed;
        const verdict = q.validate ? q.validate(answer) : true;
        if (verdict === true) return answer;
        rejected.push({ question: q.message, answer, message: verdict });
      }
    },
    async select(q) {
      const answer = next(q.message);
      if (typeof answer !== "string" || !q.choices.includes(answer as never)) throw new Error(`"${q.message}" offers ${q.choices.join(", ")}, not ${JSON.stringify(answer)}`);
      return answer as never;
    },
    async checkbox(q) {
      if (!q.choices.length) throw new Error(`"${q.message}" asked with nothing to pick`);
      const answer = next(q.message);
      const values = q.choices.map((c) => c.value as string);
      if (!Array.isArray(answer) || answer.some((a) => !values.includes(a))) throw new Error(`"${q.message}" offers ${values.join(", ")}, not ${JSON.stringify(answer)}`);
      return answer as never;
    },
    async confirm(q) {
      const answer = next(q.message);
      if (answer === "") return q.default ?? false;
      if (answer !== "y" && answer !== "n") throw new Error(`"${q.message}" wants y or n, the script has ${JSON.stringify(answer)}`);
      return answer === "y";
    },
  };
  return { prompter, asked, rejected, unused: () => answers.length };
}
