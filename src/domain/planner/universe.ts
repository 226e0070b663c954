// The components a change can see: the architecture plus the change's new components,
// with their owners and where each depends_on edge is written.
import type { Location } from "../../model/issues.js";
import type { Component, Department } from "../../model/files.js";
import { ownerIndex, owningDepartmentId } from "../validation/owners.js";
import type { PlanInput } from "./types.js";

export interface Universe {
  byId: Map<string, Component>;
  departments: Map<string, Department>;
  /** The owning department id when that department exists. */
  owner(id: string): string | undefined;
  dependsOn(id: string): string[];
  /** The file:line of the depends_on entry that makes the edge from → to. */
  edgeAt(from: string, to: string): Location;
  /** Where a component is described. */
  at(id: string): Location;
}

export function buildUniverse(input: PlanInput): Universe {
  const byId = new Map<string, Component>();
  const located = new Map<string, (...field: (string | number)[]) => Location>();
  for (const component of input.components) {
    byId.set(component.id, component);
    located.set(component.id, (...field) => input.where(component, ...field));
  }
  (input.change.new_components ?? []).forEach((component, index) => {
    byId.set(component.id, component);
    located.set(component.id, (...field) => input.where(input.change, "new_components", index, ...field));
  });
  const departments = new Map(input.departments.map((d) => [d.id, d]));
  const byKind = ownerIndex(input.departments);
  const dependsOn = (id: string) => (byId.get(id)?.depends_on ?? []).filter((dep) => byId.has(dep));
  return {
    byId,
    departments,
    owner(id) {
      const component = byId.get(id);
      const owner = component ? owningDepartmentId(component, byKind) : undefined;
      return owner !== undefined && departments.has(owner) ? owner : undefined;
    },
    dependsOn,
    edgeAt: (from, to) => located.get(from)!("depends_on", (byId.get(from)?.depends_on ?? []).indexOf(to)),
    at: (id) => located.get(id)?.() ?? { file: "?" },
  };
}

/**
 * For each component in scope, the nearest in-scope components it depends on, looking through
 * components that are not in scope (A → B → C with A and C in scope gives A → C).
 * Memoised per out-of-scope component so that a large landscape stays linear.
 */
export function scopedDependencies(scope: ReadonlySet<string>, universe: Universe): Map<string, string[]> {
  const memo = new Map<string, Set<string>>();
  const reach = (start: string): Set<string> => {
    const cached = memo.get(start);
    if (cached) return cached;
    const found = new Set<string>();
    memo.set(start, found); // a cycle stops here rather than looping
    for (const dep of universe.dependsOn(start)) {
      if (scope.has(dep)) found.add(dep);
      else for (const inner of reach(dep)) found.add(inner);
    }
    return found;
  };
  const result = new Map<string, string[]>();
  for (const id of scope) {
    const deps = new Set<string>();
    for (const dep of universe.dependsOn(id)) {
      if (scope.has(dep)) deps.add(dep);
      else for (const inner of reach(dep)) deps.add(inner);
    }
    deps.delete(id);
    result.set(id, [...deps].sort());
  }
  return result;
}
