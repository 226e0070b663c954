// The questions of `tam incident add` in a terminal. Each answer is checked as it is typed; on a
// project without departments or components those questions are skipped.
import type { Clock } from "../domain/clock.js";
import { nonEmpty } from "../domain/answer-checks.js";
import { resolveTimeInput } from "../domain/incidents/time-input.js";
import type { Project } from "../project/load.js";
import { PRIORITIES, type Priority } from "../model/files.js";
import type { Prompter } from "./prompter.js";

const NONE = "(none)";

/** The incident as the user gives it (flags, or answers). */
export interface IncidentDraft {
  title?: string;
  priority?: string;
  component?: string[];
  department?: string;
  opened?: string;
  responded?: string;
  cause?: string;
  rootCause?: string;
  externalId?: string;
}

export async function askIncident(project: Project, given: IncidentDraft, clock: Clock, ask: Prompter): Promise<Partial<IncidentDraft>> {
  const title = await ask.input({ message: "Title:", default: given.title, validate: nonEmpty("a title") });
  const priority = await ask.select({ message: "Priority:", choices: PRIORITIES, default: PRIORITIES.includes(given.priority as Priority) ? (given.priority as Priority) : "P3" });
  const departments = project.departments
    .map((d) => d.id)
    .filter((id): id is string => typeof id === "string")
    .sort();
  const department = departments.length ? await ask.select({ message: "Department:", choices: [NONE, ...departments], default: given.department ?? NONE }) : NONE;
  const components = project.components
    .map((c) => c.id)
    .filter((id): id is string => typeof id === "string")
    .sort();
  const picked = components.length ? await ask.checkbox({ message: "Components:", choices: components.map((id) => ({ name: id, value: id })), default: given.component ?? [] }) : [];
  const opened = await ask.input({
    message: "Opened (empty: now; 2026-11-20 10:05, 10:05 or a timestamp):",
    default: given.opened,
    validate: (text) => {
      if (!text.trim()) return true;
      const resolved = resolveTimeInput(text, clock, "opened");
      return typeof resolved === "string" || resolved.error;
    },
  });
  return {
    title,
    priority,
    department: department === NONE ? undefined : department,
    component: picked,
    opened: opened?.trim() ? opened.trim() : undefined,
  };
}
