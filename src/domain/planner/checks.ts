// Checks while planning: cycles, the way back, clashes with other open changes,
// blackout windows and departments asked for more parallel work than they can take.
import type { Issue } from "../../model/issues.js";
import { OPEN_CHANGE_STATUSES, type Change } from "../../model/files.js";
import { findCycles } from "../graph.js";
import { parseTimestamp } from "../dates.js";
import { dateInZone } from "../zone.js";
import { describeCycle } from "../validation/cycles.js";
import { compareIds } from "./order.js";
import type { PlanInput, PlanTask, Schedule } from "./types.js";
import type { Universe } from "./universe.js";

export function checkCycles(input: PlanInput, universe: Universe, scope: Iterable<string>): Issue[] {
  // Only the part of the landscape the change can reach matters to its order: an iterative walk, O(V + E), then findCycles.
  const reachable = new Set<string>();
  const stack = [...scope].filter((id) => universe.byId.has(id));
  while (stack.length) {
    const id = stack.pop()!;
    if (reachable.has(id)) continue;
    reachable.add(id);
    for (const dep of universe.dependsOn(id)) stack.push(dep);
  }
  return findCycles([...reachable].sort(), (id) => universe.dependsOn(id)).map((cycle) => {
    const { message, edges } = describeCycle(cycle, universe.edgeAt);
    return { severity: "error" as const, code: "dependency-cycle", message: `${input.change.id} cannot be ordered: ${message}`, ...edges[0]! };
  });
}

export function checkTaskCycles(input: PlanInput, tasks: readonly PlanTask[]): Issue[] {
  const byId = new Map(tasks.map((t) => [t.id, t]));
  return findCycles([...byId.keys()].sort(compareIds), (id) => byId.get(id)!.after.filter((a) => byId.has(a))).map((cycle) => ({
    severity: "error" as const,
    code: "task-cycle",
    message: `tasks of ${input.change.id} wait for each other in a circle: ${[...cycle, cycle[0]].join(" → ")}`,
    ...input.where(input.change, "tasks"),
  }));
}

export function checkRollback(input: PlanInput): Issue[] {
  if (typeof input.change.rollback === "string" && input.change.rollback.trim()) return [];
  return [{ severity: "warning", code: "missing-rollback", message: `${input.change.id} has no rollback plan: never work without insurance, write how to undo it before it starts`, ...input.where(input.change, "id") }];
}

function isOpen(change: Change): boolean {
  return OPEN_CHANGE_STATUSES.includes(change.status);
}

function touched(change: Change): Set<string> {
  return new Set([...change.scope.map((s) => s.component), ...(change.tasks ?? []).flatMap((t) => t.components ?? [])]);
}

export function checkConflicts(input: PlanInput, universe: Universe, schedule: Schedule): Issue[] {
  const ours = touched(input.change);
  const findings: Issue[] = [];
  for (const other of input.changes) {
    if (other === input.change || other.id === input.change.id || !isOpen(other)) continue;
    const from = other.window ? dateInZone(parseTimestamp(other.window.start), input.timezone) : undefined;
    const to = other.window?.end ? dateInZone(parseTimestamp(other.window.end), input.timezone) : undefined;
    if ((from && from > schedule.finish) || (to && to < schedule.start)) continue;
    const clashes: string[] = [];
    for (const theirs of [...touched(other)].sort()) {
      if (ours.has(theirs)) clashes.push(`both change ${theirs}`);
      for (const mine of [...ours].sort()) {
        if (universe.dependsOn(mine).includes(theirs)) clashes.push(`${mine} depends on ${theirs}`);
        if (universe.dependsOn(theirs).includes(mine)) clashes.push(`${theirs} depends on ${mine}`);
      }
    }
    if (!clashes.length) continue;
    const when = other.window ? `its window ${from}${to ? `..${to}` : " (open-ended)"}` : "it has no window";
    findings.push({ severity: "warning", code: "change-conflict", message: `${other.id} (${other.status}) overlaps ${input.change.id} (${when}; this plan ${schedule.start}..${schedule.finish}): ${clashes.join("; ")}`, ...input.where(input.change, "scope") });
  }
  return findings;
}

export function checkBlackouts(input: PlanInput, schedule: Schedule): Issue[] {
  const findings: Issue[] = [];
  (input.manifest?.blackouts ?? []).forEach((blackout, index) => {
    const from = dateInZone(parseTimestamp(blackout.from), input.timezone);
    const to = dateInZone(parseTimestamp(blackout.to), input.timezone);
    const hit = schedule.tasks.filter((t) => t.earlyStart <= to && t.earlyFinish >= from).map((t) => t.id).sort(compareIds);
    if (!hit.length) return;
    const reason = blackout.reason ? ` (${blackout.reason})` : "";
    findings.push({ severity: "warning", code: "blackout", message: `${hit.join(", ")} of ${input.change.id} fall in the blackout ${from}..${to}${reason}: move the start or agree an exception`, ...input.where(input.manifest!, "blackouts", index) });
  });
  return findings;
}

/** Tasks of one department running on the same day in this plan, plus its in-progress tasks in other open changes. */
export function checkOverload(input: PlanInput, universe: Universe, tasks: readonly PlanTask[], schedule: Schedule): Issue[] {
  const findings: Issue[] = [];
  const timing = new Map(schedule.tasks.map((t) => [t.id, t]));
  for (const department of [...universe.departments.values()].sort((a, b) => a.id.localeCompare(b.id))) {
    if (typeof department.capacity !== "number") continue;
    const mine = tasks.filter((t) => t.department === department.id && t.status !== "done" && t.status !== "cancelled").map((t) => timing.get(t.id)!);
    if (!mine.length) continue;
    const elsewhere = input.changes.filter((c) => c.id !== input.change.id && isOpen(c)).flatMap((c) => (c.tasks ?? []).filter((t) => t.department === department.id && t.status === "in-progress").map((t) => `${c.id}/${t.id}`));
    let peak = 0;
    let peakDay = "";
    for (const candidate of mine) {
      const day = candidate.earlyStart;
      const load = mine.filter((t) => t.earlyStart <= day && t.earlyFinish >= day).length + elsewhere.length;
      if (load > peak) [peak, peakDay] = [load, day];
    }
    if (peak <= department.capacity) continue;
    const other = elsewhere.length ? ` (${elsewhere.length} already in progress elsewhere: ${elsewhere.join(", ")})` : "";
    findings.push({ severity: "warning", code: "overload", message: `${department.id} would have ${peak} tasks at once on ${peakDay}, more than its capacity ${department.capacity}${other}`, ...input.where(department, "capacity") });
  }
  return findings;
}
