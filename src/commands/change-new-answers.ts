// The answers tam change new needs: from flags, or asked with inquirer in a terminal.
import { UsageError } from "../errors.js";
import { dateProblem } from "../domain/dates.js";
import type { NewChangeAnswers } from "../domain/tracking/new-change.js";
import type { ChangeType, Component, ScopeAction } from "../model/files.js";
import type { Project } from "../project/load.js";

export interface ChangeNewOptions {
  title?: string;
  request?: string;
  requestedBy?: string;
  type?: string;
  due?: string;
  component?: string[];
  newComponent?: string[];
  rollback?: string;
  id?: string;
  yes?: boolean;
  commit?: boolean;
}

const TYPES: ChangeType[] = ["standard", "normal", "emergency"];
const ACTIONS: ScopeAction[] = ["add", "modify", "remove"];

function parseScope(texts: readonly string[]): { component: string; action: ScopeAction }[] {
  return texts.map((text) => {
    const [component, action = "modify"] = text.split(":");
    if (!component || !ACTIONS.includes(action as ScopeAction)) throw new UsageError(`--component "${text}": write id:action with action add, modify or remove`);
    return { component, action: action as ScopeAction };
  });
}

/** "id:kind:Name:dep1,dep2" (name and dependencies optional). */
function parseNewComponent(text: string): Component {
  const [id, kind, name, deps] = text.split(":");
  if (!id || !kind) throw new UsageError(`--new-component "${text}": write id:kind[:name[:depends,on]]`);
  return { id, name: name || id, kind, ...(deps ? { depends_on: deps.split(",").filter(Boolean) } : {}) };
}

function check(answers: Omit<NewChangeAnswers, "id" | "today">): void {
  if (!answers.title.trim()) throw new UsageError("a title is needed (--title)");
  if (!TYPES.includes(answers.type)) throw new UsageError(`--type must be one of ${TYPES.join(", ")}`);
  if (answers.due && dateProblem(answers.due)) throw new UsageError(`--due: ${dateProblem(answers.due)}`);
  if (!answers.scope.length) throw new UsageError("name at least one component (--component id:action or --new-component id:kind)");
}

export async function askChangeAnswers(project: Project, options: ChangeNewOptions): Promise<Omit<NewChangeAnswers, "id" | "today">> {
  const interactive = !options.yes && process.stdin.isTTY && process.stdout.isTTY;
  const newComponents = (options.newComponent ?? []).map(parseNewComponent);
  const scope = [...parseScope(options.component ?? []), ...newComponents.map((c) => ({ component: c.id, action: "add" as const }))];
  if (!interactive) {
    const answers = { title: options.title ?? "", request: options.request, requestedBy: options.requestedBy, type: (options.type ?? "normal") as ChangeType, due: options.due, scope, newComponents, rollback: options.rollback };
    check(answers);
    return answers;
  }
  const { default: inquirer } = await import("inquirer");
  const base = await inquirer.prompt<{ title: string; request: string; type: ChangeType; due: string; picked: string[] }>([
    { type: "input", name: "title", message: "Title:", default: options.title, validate: (v: string) => v.trim() !== "" || "a title is needed" },
    { type: "input", name: "request", message: "The client's request, in their words:", default: options.request ?? "" },
    { type: "list", name: "type", message: "Type:", choices: TYPES, default: options.type ?? "normal" },
    { type: "input", name: "due", message: "Due date (YYYY-MM-DD, optional):", default: options.due ?? "", validate: (v: string) => !v || !dateProblem(v) || dateProblem(v)! },
    { type: "checkbox", name: "picked", message: "Existing components touched:", choices: project.components.map((c) => ({ name: `${c.id} (${c.kind}) ${c.name}`, value: c.id })), pageSize: 15 },
  ]);
  for (const id of base.picked) {
    const { action } = await inquirer.prompt<{ action: ScopeAction }>([{ type: "list", name: "action", message: `What happens to ${id}?`, choices: ["modify", "remove"] }]);
    scope.push({ component: id, action });
  }
  for (;;) {
    const { more } = await inquirer.prompt<{ more: string }>([{ type: "input", name: "more", message: "New component as id:kind:Name:depends,on (empty to finish):" }]);
    if (!more.trim()) break;
    const component = parseNewComponent(more.trim());
    newComponents.push(component);
    scope.push({ component: component.id, action: "add" });
  }
  const { rollback } = await inquirer.prompt<{ rollback: string }>([{ type: "input", name: "rollback", message: "Rollback plan (how to undo it):", default: options.rollback ?? "" }]);
  const answers = { title: base.title.trim(), request: base.request.trim() || undefined, requestedBy: options.requestedBy, type: base.type, due: base.due.trim() || undefined, scope, newComponents, rollback: rollback.trim() || undefined };
  check(answers);
  return answers;
}
