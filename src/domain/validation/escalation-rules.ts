// The departments' escalation chains (departments.yaml `escalation`): each level names someone tam
// can find (lead, a department with a lead, a known person; did you mean), and the levels come later
// one after another.
import type { Department, EscalationLevel } from "../../model/files.js";
import type { Issue } from "../../model/issues.js";
import { didYouMean } from "../../util/suggest.js";
import { durationMinutes } from "../duration.js";
import { escalationNames, escalationTarget } from "../tracking/escalation.js";
import { issueAt, list, record, type PathSegment, type ProjectView } from "./view.js";

export function checkEscalations(view: ProjectView): Issue[] {
  const issues: Issue[] = [];
  const context = { departments: view.departments, manifest: view.manifest };
  const names = escalationNames(context);
  const chain = (department: Department, levels: unknown, ...path: PathSegment[]) => {
    let previous: { minutes: number; after: string } | undefined;
    list(levels as EscalationLevel[]).forEach((level, i) => {
      if (level === null || typeof level !== "object") return;
      if (typeof level.to === "string") {
        const target = escalationTarget(level.to, department, context);
        if (typeof target === "string") {
          const known = names.includes(level.to);
          const hint = known ? undefined : didYouMean(level.to, names);
          issues.push({
            ...issueAt(
              view,
              "error",
              known ? "escalation-no-lead" : "unknown-reference",
              `${target}${hint ? `: ${hint}` : known ? "" : " (lead, a department id, or the name of a lead, a contact, the TAM or the service manager)"}`,
              department,
              ...path,
              i,
              "to",
            ),
            ...(hint ? { hint } : {}),
          });
        }
      }
      const minutes = typeof level.after === "string" ? durationMinutes(level.after) : null;
      if (minutes === null) return;
      if (previous && minutes <= previous.minutes)
        issues.push(
          issueAt(
            view,
            "warning",
            "escalation-order",
            `level ${i + 1} (after ${level.after}) does not come later than level ${i} (after ${previous.after}): list the levels in the order they fall due`,
            department,
            ...path,
            i,
            "after",
          ),
        );
      previous = { minutes, after: level.after };
    });
  };
  for (const department of view.departments) {
    if (department === null || typeof department !== "object" || !department.escalation || typeof department.escalation !== "object") continue;
    chain(department, department.escalation.blocked, "escalation", "blocked");
    for (const [priority, levels] of Object.entries(record(department.escalation.incidents))) chain(department, levels, "escalation", "incidents", priority);
  }
  return issues;
}
