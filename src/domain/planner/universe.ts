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
 * Iterative depth-first search (a 5,000-deep chain must not overflow the stack), memoised per
 * out-of-scope component: each component and edge is walked once, O(V + E) walks, plus the
 * union of the reached sets (at most |scope| ids each).
 */
export function scopedDependencies(scope: ReadonlySet<string>, universe: Universe): Map<string, string[]> {
  const memo = new Map<string, Set<string>>();
  /** In-scope components reachable from `start` through out-of-scope ones only. */
  const reach = (start: string): Set<string> => {
    const cached = memo.get(start);
    if (cached) return cached;
    // A node's set is filled when all its dependencies are done (post-order); a node met again
    // while still open (a cycle) contributes what it has so far, rather than looping.
    memo.set(start, new Set());
    const frames: { node: string; deps: string[]; next: number }[] = [{ node: start, deps: universe.dependsOn(start), next: 0 }];
    while (frames.length) {
      const frame = frames[frames.length - 1]!;
      if (frame.next < frame.deps.length) {
        const dep = frame.deps[frame.next++]!;
        if (scope.has(dep) || memo.has(dep)) continue;
        memo.set(dep, new Set());
        frames.push({ node: dep, deps: universe.dependsOn(dep), next: 0 });
        continue;
      }
      const found = memo.get(frame.node)!;
      for (const dep of frame.deps) {
        if (scope.has(dep)) found.add(dep);
        else for (const inner of memo.get(dep)!) found.add(inner);
      }
      frames.pop();
    }
    return memo.get(start)!;
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
