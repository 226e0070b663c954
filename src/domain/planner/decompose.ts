// From a change's scope to implementation tasks: one per component, owned by the component's
// department, waiting for the tasks of the components it depends on (reversed for removals).
import type { Issue } from "../../model/issues.js";
import type { ScopeAction, ScopeItem } from "../../model/files.js";
import type { DraftTask, PlanInput } from "./types.js";
import { scopedDependencies, type Universe } from "./universe.js";

const VERB: Record<ScopeAction, string> = { add: "Set up", modify: "Change", remove: "Decommission" };

export function taskKey(kind: string, department: string, components: readonly string[]): string {
  return `${kind}|${department}|${[...components].sort().join(",")}`;
}

export interface Decomposition {
  tasks: DraftTask[];
  /** Implementation task key by component id. */
  byComponent: Map<string, string>;
  /** Scope items by component id (the first item wins when a component is listed twice). */
  scope: Map<string, ScopeItem>;
  findings: Issue[];
}

export function decompose(input: PlanInput, universe: Universe): Decomposition {
  const scope = new Map<string, ScopeItem>();
  const findings: Issue[] = [];
  input.change.scope.forEach((item, index) => {
    if (scope.has(item.component)) return;
    scope.set(item.component, item);
    if (!universe.byId.has(item.component)) {
      findings.push({
        severity: "error",
        code: "unknown-reference",
        message: `${input.change.id} scope names "${item.component}", which is neither in architecture.yaml nor in new_components`,
        ...input.where(input.change, "scope", index, "component"),
      });
    } else if (!universe.owner(item.component)) {
      const kind = universe.byId.get(item.component)!.kind;
      findings.push({
        severity: "error",
        code: "no-owner",
        message: `no department owns "${item.component}" (kind "${kind}"): add "${kind}" to a department's "owns" or set the component's "department"`,
        ...input.where(input.change, "scope", index, "component"),
      });
    }
  });

  const planned = new Set([...scope.keys()].filter((id) => universe.owner(id)));
  const byComponent = new Map<string, string>();
  const tasks: DraftTask[] = [];
  for (const id of planned) {
    const item = scope.get(id)!;
    const component = universe.byId.get(id)!;
    const department = universe.owner(id)!;
    const key = taskKey("implementation", department, [id]);
    byComponent.set(id, key);
    const note = item.note ? `: ${item.note}` : "";
    tasks.push({ key, title: `${VERB[item.action]} ${component.name}${note}`, department, kind: "implementation", components: [id], after: [], ...(item.estimate ? { estimate: item.estimate } : {}) });
  }

  // A removed dependency goes after its dependents; otherwise the dependency comes first.
  const deps = scopedDependencies(planned, universe);
  const waits = new Map<string, Set<string>>(tasks.map((t) => [t.key, new Set<string>()]));
  for (const [id, targets] of deps) {
    for (const dep of targets) {
      if (scope.get(dep)!.action === "remove") waits.get(byComponent.get(dep)!)!.add(byComponent.get(id)!);
      else waits.get(byComponent.get(id)!)!.add(byComponent.get(dep)!);
    }
  }
  for (const task of tasks) task.after = [...waits.get(task.key)!].sort();
  return { tasks, byComponent, scope, findings };
}
