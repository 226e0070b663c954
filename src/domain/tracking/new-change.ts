// A new change: its next free id and its file text.
import type { Change, ChangeType, Component, ScopeAction } from "../../model/files.js";

export function nextChangeId(existing: readonly string[]): string {
  const numbers = existing
    .map((id) => /^CHG-(\d+)$/.exec(id)?.[1])
    .filter((n): n is string => n !== undefined)
    .map(Number);
  return `CHG-${String(Math.max(0, ...numbers) + 1).padStart(4, "0")}`;
}

export interface NewChangeAnswers {
  id: string;
  title: string;
  request?: string;
  requestedBy?: string;
  type: ChangeType;
  due?: string;
  scope: { component: string; action: ScopeAction }[];
  newComponents: Component[];
  rollback?: string;
  today: string;
}

/** The change as data, in the order its fields are written. */
export function newChange(answers: NewChangeAnswers): Change {
  return {
    id: answers.id,
    title: answers.title,
    ...(answers.request ? { request: answers.request } : {}),
    ...(answers.requestedBy ? { requested_by: answers.requestedBy } : {}),
    requested_at: answers.today,
    type: answers.type,
    ...(answers.due ? { due: answers.due } : {}),
    scope: answers.scope,
    ...(answers.newComponents.length ? { new_components: answers.newComponents } : {}),
    ...(answers.rollback ? { rollback: answers.rollback } : {}),
    status: "draft",
  };
}
