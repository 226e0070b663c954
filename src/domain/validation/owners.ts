// Which department owns a component: explicit, else the department owning its kind.
import type { Component, Department } from "../../model/files.js";

export function ownerIndex(departments: readonly Department[]): Map<string, Department> {
  const byKind = new Map<string, Department>();
  for (const department of departments) {
    for (const kind of Array.isArray(department.owns) ? department.owns : []) if (!byKind.has(kind)) byKind.set(kind, department);
  }
  return byKind;
}

export function owningDepartmentId(component: Component, byKind: Map<string, Department>): string | undefined {
  return component.department ?? byKind.get(component.kind)?.id;
}
