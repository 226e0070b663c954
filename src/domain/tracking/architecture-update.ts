// What closing a change does to architecture.yaml: its new components join the landscape,
// `modify` items with new values (`set`) change their component, and removed components are
// marked decommissioned (kept, because incidents and documents of the past still name them).
import { SETTABLE_COMPONENT_FIELDS, type Change, type Component, type ComponentValues } from "../../model/files.js";

export interface ArchitectureUpdate {
  /** New components, in the order the change lists them. */
  add: Component[];
  /** New values of existing components (only the fields that differ). */
  set: { id: string; values: ComponentValues }[];
  decommission: { id: string; date: string; change: string }[];
}

export function isEmptyUpdate(update: ArchitectureUpdate): boolean {
  return update.add.length === 0 && update.set.length === 0 && update.decommission.length === 0;
}

/** The update closing `change` successfully makes on `components` (architecture.yaml), on `date`. */
export function architectureUpdate(change: Change, components: readonly Component[], date: string): ArchitectureUpdate {
  const existing = new Map(components.map((c) => [c.id, c]));
  // A component already in architecture.yaml (written by hand, or by an earlier close) is left as written.
  // A monitoring or backup follow-up done for a new component says it is covered, unless the change says otherwise.
  const doneFor = (kind: string, id: string) => (change.tasks ?? []).some((t) => t.kind === kind && t.status === "done" && (t.components ?? []).includes(id));
  const add = (change.new_components ?? [])
    .filter((c) => !existing.has(c.id))
    .map((c) => ({
      ...c,
      ...(c.monitored === undefined && doneFor("monitoring", c.id) ? { monitored: true } : {}),
      ...(c.backed_up === undefined && doneFor("backup", c.id) ? { backed_up: true } : {}),
    }));
  const set: ArchitectureUpdate["set"] = [];
  const decommission: ArchitectureUpdate["decommission"] = [];
  const seen = new Set<string>();
  for (const item of change.scope) {
    const component = existing.get(item.component);
    if (!component || seen.has(item.component)) continue;
    seen.add(item.component);
    if (item.action === "remove" && !component.decommissioned) decommission.push({ id: component.id, date, change: change.id });
    if (item.action === "modify" && item.set) {
      const values: ComponentValues = {};
      for (const field of SETTABLE_COMPONENT_FIELDS) {
        const value = item.set[field];
        if (value !== undefined && JSON.stringify(value) !== JSON.stringify(component[field])) (values as Record<string, unknown>)[field] = value;
      }
      if (Object.keys(values).length) set.push({ id: component.id, values });
    }
  }
  return { add, set, decommission };
}
