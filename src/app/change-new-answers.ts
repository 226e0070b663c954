// The answers tam change new needs: from flags, or asked through a Prompter (a terminal's, or a test's script).
import { UsageError } from "../errors.js";
import { dateProblem } from "../domain/dates.js";
import type { NewChangeAnswers } from "../domain/tracking/new-change.js";
import type { ChangeType, Component, ScopeAction } from "../model/files.js";
import type { Project } from "../project/load.js";
import { newId, nonEmpty, optionalDate } from "../domain/answer-checks.js";
import type { Prompter } from "./prompter.js";

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

/** Why a "id:kind[:Name[:depends,on]]" answer cannot be a new component, or true. */
function newComponentProblem(text: string, taken: readonly string[], known: readonly string[]): true | string {
  const [id = "", kind, , deps] = text.trim().split(":");
  const idProblem = newId(taken)(id);
  if (idProblem !== true) return idProblem;
  if (!kind) return `write id:kind[:Name[:depends,on]], e.g. shop-redis:redis:Redis for sessions:app-os`;
  const unknown = (deps ?? "").split(",").filter((dep) => dep && !known.includes(dep));
  if (unknown.length) return `unknown component(s) to depend on: ${unknown.join(", ")}`;
  return true;
}

export async function askChangeAnswers(project: Project, options: ChangeNewOptions, prompter?: Prompter): Promise<Omit<NewChangeAnswers, "id" | "today">> {
  const newComponents = (options.newComponent ?? []).map(parseNewComponent);
  const scope = [...parseScope(options.component ?? []), ...newComponents.map((c) => ({ component: c.id, action: "add" as const }))];
  const ask = prompter;
  if (!ask) {
    const answers = {
      title: options.title ?? "",
      request: options.request,
      requestedBy: options.requestedBy,
      type: (options.type ?? "normal") as ChangeType,
      due: options.due,
      scope,
      newComponents,
      rollback: options.rollback,
    };
    check(answers);
    return answers;
  }
  // Each answer is checked as it is typed: a bad one is asked again, none is lost at the end.
  const title = await ask.input({ message: "Title:", default: options.title, validate: nonEmpty("a title") });
  const request = await ask.input({ message: "The client's request, in their words:", default: options.request ?? "" });
  const type = await ask.select({ message: "Type:", choices: TYPES, default: TYPES.includes(options.type as ChangeType) ? (options.type as ChangeType) : "normal" });
  const due = await ask.input({ message: "Due date (YYYY-MM-DD, optional):", default: options.due ?? "", validate: optionalDate });
  const existing = project.components.filter((c) => typeof c.id === "string");
  // Nothing to pick on a new project: straight to the new components.
  const picked = existing.length ? await ask.checkbox({ message: "Existing components touched:", choices: existing.map((c) => ({ name: `${c.id} (${c.kind}) ${c.name}`, value: c.id })) }) : [];
  for (const id of picked) {
    const action = await ask.select({ message: `What happens to ${id}?`, choices: ["modify", "remove"] as const });
    scope.push({ component: id, action });
  }
  const known = () => [...existing.map((c) => c.id), ...newComponents.map((c) => c.id)];
  for (;;) {
    const more = await ask.input({
      message: scope.length ? "New component as id:kind:Name:depends,on (empty to finish):" : "New component as id:kind:Name:depends,on (a change touches at least one):",
      validate: (text) => (text.trim() === "" ? scope.length > 0 || "a change touches at least one component: give one as id:kind" : newComponentProblem(text, known(), known())),
    });
    if (!more.trim()) break;
    const component = parseNewComponent(more.trim());
    newComponents.push(component);
    scope.push({ component: component.id, action: "add" });
  }
  const rollback = await ask.input({ message: "Rollback plan (how to undo it):", default: options.rollback ?? "" });
  const answers = {
    title: title.trim(),
    request: request.trim() || undefined,
    requestedBy: options.requestedBy,
    type,
    due: due.trim() || undefined,
    scope,
    newComponents,
    rollback: rollback.trim() || undefined,
  };
  check(answers);
  return answers;
}
