// Duplicate ids and references that must resolve.
import type { Issue } from "../../model/issues.js";
import { didYouMean } from "../../util/suggest.js";
import { ALWAYS_CALENDAR } from "../work-clock.js";
import { componentsBeingBuilt } from "../freshness/coverage.js";
import { ownerIndex } from "./owners.js";
import { issueAt, items, record, type PathSegment, type ProjectView } from "./view.js";

/** Duplicate ids of everything but the incidents (incident-rules.ts checks those). */
export function checkDuplicates(view: ProjectView): Issue[] {
  const issues: Issue[] = [];
  const dup = <T extends { id?: unknown }>(items: readonly T[], what: string) => {
    const first = new Map<string, T>();
    for (const item of items) {
      // Lists in files that failed the schema may hold null or text items (fuzz run, seed 424747).
      if (item === null || typeof item !== "object" || typeof item.id !== "string") continue;
      const earlier = first.get(item.id);
      if (earlier) {
        const at = view.where(earlier as object, "id");
        issues.push(issueAt(view, "error", "duplicate-id", `${what} id "${item.id}" is already used at ${at.file}:${at.line}`, item as object, "id"));
      } else first.set(item.id, item);
    }
  };
  dup(view.departments, "department");
  dup(view.components, "component");
  dup(view.changes, "change");
  dup(view.docs, "doc");
  dup(items(view.recommendations), "recommendation");
  dup(items(view.meetings), "meeting");
  const existing = new Set(view.components.map((c) => c.id));
  for (const change of view.changes) {
    dup(items(change.tasks), `task of ${change.id}`);
    for (const [index, component] of items(change.new_components).entries()) {
      if (component !== null && typeof component === "object" && existing.has(component.id) && change.status !== "done" && change.status !== "cancelled") {
        issues.push(issueAt(view, "warning", "duplicate-id", `new component "${component.id}" already exists in architecture.yaml`, change, "new_components", index, "id"));
      }
    }
  }
  return issues;
}

/** The checks of one reference (ref) or a list of them (refs) against known ids, pushing "unknown-reference" findings to `issues`. */
export function referenceChecks(view: ProjectView, issues: Issue[]) {
  const ref = (known: Set<string>, what: string, value: unknown, entity: object, ...path: PathSegment[]) => {
    if (typeof value !== "string" || known.has(value) || view.unavailable?.has(what)) return;
    const hint = didYouMean(value, known);
    issues.push({ ...issueAt(view, "error", "unknown-reference", `unknown ${what} "${value}"${hint ? `: ${hint}` : ""}`, entity, ...path), hint });
  };
  const refs = (known: Set<string>, what: string, values: unknown, entity: object, ...path: PathSegment[]) => {
    if (Array.isArray(values)) values.forEach((value, i) => ref(known, what, value, entity, ...path, i));
  };
  return { ref, refs };
}

/** References of everything but the incidents (incident-rules.ts checks those, file by file when streamed). */
export function checkReferences(view: ProjectView): Issue[] {
  const issues: Issue[] = [];
  const departmentIds = new Set(view.departments.map((d) => d.id));
  const componentIds = new Set(view.components.map((c) => c.id));
  const calendars = new Set([ALWAYS_CALENDAR, ...Object.keys(record(view.manifest?.calendars))]);
  const { ref, refs } = referenceChecks(view, issues);

  const manifest = view.manifest;
  if (manifest) {
    for (const [priority, target] of Object.entries(record(manifest.sla))) ref(calendars, "calendar", target?.calendar, manifest, "sla", priority, "calendar");
    for (const [kind, rule] of Object.entries(record(manifest.followups))) ref(departmentIds, "department", rule?.department, manifest, "followups", kind, "department");
  }
  for (const department of view.departments) ref(calendars, "calendar", department.calendar, department, "calendar");
  if (manifest) ref(calendars, "calendar", manifest.default_calendar, manifest, "default_calendar");
  issues.push(...ambiguousCalendars(view));

  const byKind = ownerIndex(view.departments);
  for (const component of view.components) {
    ref(departmentIds, "department", component.department, component, "department");
    refs(componentIds, "component", component.depends_on, component, "depends_on");
    if (component.department === undefined && !view.unavailable?.has("department") && typeof component.kind === "string" && !byKind.has(component.kind)) {
      issues.push(issueAt(view, "warning", "no-owner", `no department owns components of kind "${component.kind}": add it to a department's "owns" or set "department"`, component, "kind"));
    }
  }

  for (const change of view.changes) {
    const newIds = new Set(items(change.new_components).map((c) => c.id));
    const known = new Set([...componentIds, ...newIds]);
    items(change.scope).forEach((item, i) => ref(known, "component", item?.component, change, "scope", i, "component"));
    items(change.new_components).forEach((component, i) => {
      ref(departmentIds, "department", component.department, change, "new_components", i, "department");
      refs(known, "component", component.depends_on, change, "new_components", i, "depends_on");
    });
    const taskIds = new Set(items(change.tasks).map((t) => t.id));
    items(change.tasks).forEach((task, i) => {
      ref(departmentIds, "department", task.department, change, "tasks", i, "department");
      refs(known, "component", task.components, change, "tasks", i, "components");
      refs(taskIds, `task of ${change.id}`, task.after, change, "tasks", i, "after");
    });
  }

  const people = knownPeople(view);
  // A document may cover a component an open change is building (its documentation task comes before the close).
  const documentable = new Set([...componentIds, ...componentsBeingBuilt(view.changes)]);
  for (const doc of view.docs) {
    refs(documentable, "component", doc.covers, doc, "covers");
    if (typeof doc.owner === "string" && !view.unavailable?.has("department") && !departmentIds.has(doc.owner) && !people.has(doc.owner)) {
      const hint = didYouMean(doc.owner, [...departmentIds, ...people]);
      issues.push({
        ...issueAt(view, "error", "unknown-owner", `owner "${doc.owner}" is neither a department id nor a person named in tam.yaml or departments.yaml${hint ? `: ${hint}` : ""}`, doc, "owner"),
        hint,
      });
    }
  }
  return issues;
}

/** Names of the people the project declares: TAM, service manager, client contacts, department leads and contacts. */
export function knownPeople(view: Pick<ProjectView, "manifest" | "departments">): Set<string> {
  const names = new Set<string>();
  const add = (person: unknown) => {
    if (person && typeof (person as { name?: unknown }).name === "string") names.add((person as { name: string }).name);
  };
  add(view.manifest?.tam);
  add(view.manifest?.service_manager);
  for (const contact of items(view.manifest?.client?.contacts)) add(contact);
  for (const department of view.departments) {
    add(department.lead);
    for (const contact of items(department.contacts)) add(contact);
  }
  return names;
}

/**
 * A department without `calendar` works on the project's default calendar; say which one applies
 * when that is a guess: several calendars with hours, none named business, no default_calendar.
 */
function ambiguousCalendars(view: ProjectView): Issue[] {
  const manifest = view.manifest;
  const calendars = record(manifest?.calendars);
  if (!manifest || manifest.default_calendar !== undefined || "business" in calendars) return [];
  const withHours = Object.keys(calendars).filter((name) => (calendars[name] as { hours?: unknown } | undefined)?.hours);
  if (withHours.length < 2) return [];
  return view.departments
    .filter((d) => d.calendar === undefined)
    .map((d) =>
      issueAt(
        view,
        "info",
        "default-calendar",
        `department ${d.id} has no calendar and the project has several (${withHours.sort().join(", ")}) but no default_calendar: it works Monday to Friday 09:00-18:00 in the project's zone; set its calendar or default_calendar in tam.yaml`,
        d,
        "id",
      ),
    );
}
