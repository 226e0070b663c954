// Merging the proposed tasks with the ones already written: written tasks keep their id,
// status and history; hand-written tasks are kept; new tasks get the next free ids in plan order.
import type { Issue, Location } from "../../model/issues.js";
import type { Task } from "../../model/files.js";
import { taskKey } from "./decompose.js";
import { compareIds, levels } from "./order.js";
import type { DraftTask, PlanDiff, PlanTask } from "./types.js";
import { pushTo } from "../../util/collections.js";

function existingKey(task: Task): string {
  return taskKey(task.kind ?? "manual", task.department, task.kind === "documentation" ? [] : (task.components ?? []));
}

function sameList(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  return JSON.stringify([...(a ?? [])].sort()) === JSON.stringify([...(b ?? [])].sort());
}

export function mergeTasks(drafts: readonly DraftTask[], existing: readonly Task[], findings: Issue[], locate: (index: number) => Location): { tasks: PlanTask[]; diff: PlanDiff } {
  const unused = new Map<string, number[]>();
  existing.forEach((task, index) => {
    const key = existingKey(task);
    pushTo(unused, key, index);
  });
  // Node names: the written id of a matched or kept task, else the draft's key.
  const nodes = new Map<string, PlanTask & { order: number; afterNodes: string[] }>();
  const nodeOfKey = new Map<string, string>();
  const matched = new Set<number>();
  drafts.forEach((draft, order) => {
    const index = unused.get(draft.kind === "documentation" ? taskKey(draft.kind, draft.department, []) : draft.key)?.shift();
    if (index !== undefined) matched.add(index);
    const written = index === undefined ? undefined : existing[index]!;
    const name = written?.id ?? draft.key;
    nodeOfKey.set(draft.key, name);
    if (written && written.origin !== "planner") {
      nodes.set(name, { ...fromWritten(written, index!), order, afterNodes: written.after ?? [] });
      return;
    }
    nodes.set(name, {
      id: name,
      // A written title or estimate may have been refined by hand: keep it unless the scope now says otherwise.
      title: written?.title ?? draft.title,
      department: draft.department,
      kind: draft.kind,
      components: draft.components,
      after: [],
      ...((draft.estimate ?? written?.estimate) ? { estimate: draft.estimate ?? written?.estimate } : {}),
      origin: "planner",
      status: written?.status ?? "todo",
      ...(written?.assignee ? { assignee: written.assignee } : {}),
      ...(written?.history ? { history: written.history } : {}),
      ...(index !== undefined ? { existingIndex: index } : {}),
      unchanged: false,
      order,
      afterNodes: draft.after,
    });
  });
  for (const node of nodes.values()) if (node.origin === "planner") node.afterNodes = node.afterNodes.map((key) => nodeOfKey.get(key) ?? key);

  const removed: PlanDiff["removed"] = [];
  const keptManual: string[] = [];
  existing.forEach((task, index) => {
    if (matched.has(index)) return;
    const started = task.status !== "todo" && task.status !== "cancelled";
    if (task.origin === "planner" && !started) {
      removed.push({ id: task.id, title: task.title });
      return;
    }
    if (task.origin === "planner")
      findings.push({
        severity: "warning",
        code: "stale-task",
        message: `task ${task.id} (${task.status}) no longer follows from the scope; it is kept because work on it has started`,
        ...locate(index),
      });
    else keptManual.push(task.id);
    nodes.set(task.id, { ...fromWritten(task, index), order: drafts.length + index, afterNodes: task.after ?? [] });
  });
  const removedIds = new Set(removed.map((r) => r.id));
  for (const node of nodes.values()) node.afterNodes = node.afterNodes.filter((a) => nodes.has(a) && !removedIds.has(a));
  // The documentation task closes the change: it also waits for hand-written tasks.
  const closing = [...nodes.values()].find((n) => n.kind === "documentation" && n.origin === "planner");
  if (closing) for (const id of keptManual) if (!nodes.get(id)!.afterNodes.includes(closing.id) && !closing.afterNodes.includes(id)) closing.afterNodes.push(id);

  // Plan order: by longest-path level, then by the order the tasks were proposed.
  const level = levels([...nodes.keys()], (n) => nodes.get(n)!.afterNodes);
  const ordered = [...nodes.values()].sort((a, b) => level.get(a.id)! - level.get(b.id)! || a.order - b.order);
  let next =
    Math.max(
      0,
      ...existing
        .map((t) => /^T(\d+)$/.exec(t.id)?.[1])
        .filter(Boolean)
        .map(Number),
    ) + 1;
  const finalId = new Map<string, string>();
  for (const node of ordered) finalId.set(node.id, node.existingIndex !== undefined ? node.id : `T${next++}`);

  const added: string[] = [];
  const changed: PlanDiff["changed"] = [];
  const tasks = ordered.map(({ order: _order, afterNodes, ...task }) => {
    const result: PlanTask = { ...task, id: finalId.get(task.id)!, after: afterNodes.map((a) => finalId.get(a)!).sort(compareIds) };
    if (result.existingIndex === undefined) added.push(result.id);
    else {
      const before = existing[result.existingIndex]!;
      const fields: string[] = (["title", "estimate"] as const).filter((f) => before[f] !== result[f]);
      if (!sameList(before.after, result.after)) fields.push("after");
      if (!sameList(before.components, result.components)) fields.push("components");
      result.unchanged = fields.length === 0;
      if (fields.length) changed.push({ id: result.id, fields });
    }
    return result;
  });
  return { tasks, diff: { added, removed, changed } };
}

export function fromWritten(task: Task, index: number): PlanTask {
  return {
    id: task.id,
    title: task.title,
    department: task.department,
    kind: task.kind ?? "manual",
    components: task.components ?? [],
    after: task.after ?? [],
    ...(task.estimate ? { estimate: task.estimate } : {}),
    origin: task.origin === "planner" ? "planner" : "manual",
    status: task.status,
    ...(task.assignee ? { assignee: task.assignee } : {}),
    ...(task.history ? { history: task.history } : {}),
    existingIndex: index,
    unchanged: true,
  };
}
