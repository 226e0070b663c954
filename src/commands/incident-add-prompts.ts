// The questions of `tam incident add` in a terminal (inquirer is loaded only here).
import type { Project } from "../project/load.js";
import { PRIORITIES } from "../model/files.js";
import type { IncidentAddOptions } from "./incident-add.js";

export async function askIncident(project: Project, given: IncidentAddOptions): Promise<Partial<IncidentAddOptions>> {
  const { default: inquirer } = await import("inquirer");
  const answers = await inquirer.prompt([
    { type: "input", name: "title", message: "Title:", default: given.title, validate: (v: string) => (v.trim() ? true : "a title is required") },
    { type: "list", name: "priority", message: "Priority:", choices: PRIORITIES, default: given.priority ?? "P3" },
    { type: "list", name: "department", message: "Department:", choices: ["(none)", ...project.departments.map((d) => d.id).sort()], default: given.department ?? "(none)" },
    { type: "checkbox", name: "component", message: "Components:", choices: project.components.map((c) => c.id).sort(), default: given.component ?? [] },
    { type: "input", name: "opened", message: "Opened (empty: now; 2026-11-20 10:05, 10:05 or a timestamp):", default: given.opened },
  ]);
  return {
    title: answers.title,
    priority: answers.priority,
    department: answers.department === "(none)" ? undefined : answers.department,
    component: answers.component,
    opened: answers.opened?.trim() ? answers.opened.trim() : undefined,
  };
}
