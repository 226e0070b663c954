// Checks while planning: cycles, the way back, clashes with other open changes,
// blackout windows and departments asked for more parallel work than they can take.
import type { Issue } from "../../model/issues.js";
import { OPEN_CHANGE_STATUSES, type Change } from "../../model/files.js";
import { findCycles } from "../graph.js";
import { parseTimestamp } from "../dates.js";
import { dateInZone } from "../zone.js";
import { describeCycle } from "../validation/cycles.js";
import { compareIds } from "./order.js";
import type { ChangeSchedule } from "./schedule-types.js";
import type { PlanInput, PlanTask } from "./types.js";
import { changeBlackouts } from "./schedule-context.js";
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
  const written = input.change.tasks ?? [];
  // Located where validate reports it: the `after` entry of the first edge, when that edge is written.
  const edgeAt = (from: string, to: string) => {
    const index = byId.get(from)?.existingIndex;
    const after = index === undefined ? [] : (written[index]?.after ?? []);
    return after.includes(to) ? input.where(input.change, "tasks", index!, "after", after.indexOf(to)) : input.where(input.change, "tasks");
  };
  return findCycles([...byId.keys()].sort(compareIds), (id) => byId.get(id)!.after.filter((a) => byId.has(a))).map((cycle) => ({
    severity: "error" as const,
    code: "task-cycle",
    message: `tasks of ${input.change.id} wait for each other in a circle: ${[...cycle, cycle[0]].join(" → ")}`,
    ...edgeAt(cycle[0]!, cycle[1 % cycle.length]!),
  }));
}

export function checkRollback(input: PlanInput): Issue[] {
  if (typeof input.change.rollback === "string" && input.change.rollback.trim()) return [];
  return [
    {
      severity: "warning",
      code: "missing-rollback",
      message: `${input.change.id} has no rollback plan: never work without insurance, write how to undo it before it starts`,
      ...input.where(input.change, "id"),
    },
  ];
}

function isOpen(change: Change): boolean {
  return OPEN_CHANGE_STATUSES.includes(change.status);
}

function touched(change: Change): Set<string> {
  return new Set([...change.scope.map((s) => s.component), ...(change.tasks ?? []).flatMap((t) => t.components ?? [])]);
}

export function checkConflicts(input: PlanInput, universe: Universe, schedule: ChangeSchedule): Issue[] {
  if (schedule.startDate === null || schedule.finishDate === null) return [];
  const span = { start: schedule.startDate, finish: schedule.finishDate };
  const ours = touched(input.change);
  // Which of our components depend on a given one: built once, so a change of 1,000 components
  // is not walked again for every component of every other open change.
  const oursSorted = [...ours].sort();
  const rank = new Map(oursSorted.map((id, index) => [id, index]));
  const dependentsAmongOurs = new Map<string, Set<string>>();
  for (const mine of oursSorted) {
    for (const dependency of universe.dependsOn(mine)) {
      let dependents = dependentsAmongOurs.get(dependency);
      if (!dependents) dependentsAmongOurs.set(dependency, (dependents = new Set()));
      dependents.add(mine);
    }
  }
  const findings: Issue[] = [];
  for (const other of input.changes) {
    if (other === input.change || other.id === input.change.id || !isOpen(other)) continue;
    const from = other.window ? dateInZone(parseTimestamp(other.window.start), input.timezone) : undefined;
    const to = other.window?.end ? lastDayBefore(other.window.end, input.timezone) : undefined;
    if ((from && from > span.finish) || (to && to < span.start)) continue;
    const clashes: string[] = [];
    for (const theirs of [...touched(other)].sort()) {
      if (ours.has(theirs)) clashes.push(`both change ${theirs}`);
      const mineOnTheirs = dependentsAmongOurs.get(theirs);
      const theirsOnMine = new Set(universe.dependsOn(theirs).filter((id) => ours.has(id)));
      // In the order of our sorted components, each with its edge to theirs before the edge from theirs.
      const mines = [...new Set([...(mineOnTheirs ?? []), ...theirsOnMine])].sort((a, b) => rank.get(a)! - rank.get(b)!);
      for (const mine of mines) {
        if (mineOnTheirs?.has(mine)) clashes.push(`${mine} depends on ${theirs}`);
        if (theirsOnMine.has(mine)) clashes.push(`${theirs} depends on ${mine}`);
      }
    }
    if (!clashes.length) continue;
    const when = other.window ? `its window ${from}${to ? `..${to}` : " (open-ended)"}` : "it has no window";
    findings.push({
      severity: "warning",
      code: "change-conflict",
      message: `${other.id} (${other.status}) overlaps ${input.change.id} (${when}; this plan ${span.start}..${span.finish}): ${clashes.join("; ")}`,
      ...input.where(input.change, "scope"),
    });
  }
  return findings;
}

/**
 * The last day a window or blackout covers: its end is an exclusive instant, so one that ends at
 * midnight does not cover the day that starts then.
 */
function lastDayBefore(end: string, timezone: string): string {
  return dateInZone(parseTimestamp(end) - 1, timezone);
}

/** Blackouts are non-working time: say which ones the plan works around, and which the change may work in. */
export function checkBlackouts(input: PlanInput, schedule: ChangeSchedule): Issue[] {
  if (schedule.start === null || schedule.finish === null) return [];
  const findings: Issue[] = [];
  const holding = new Set(changeBlackouts(input, input.change).map(([from]) => from));
  (input.manifest?.blackouts ?? []).forEach((blackout, index) => {
    const from = parseTimestamp(blackout.from);
    const to = parseTimestamp(blackout.to);
    if (!Number.isFinite(from) || !Number.isFinite(to) || to <= schedule.start! || from >= schedule.finish!) return;
    const reason = blackout.reason ? ` (${blackout.reason})` : "";
    // The end is exclusive: a blackout to midnight ends on the day before.
    const span = `${dateInZone(from, input.timezone)}..${lastDayBefore(blackout.to, input.timezone)}`;
    if (holding.has(from))
      findings.push({
        severity: "info",
        code: "blackout",
        message: `${input.change.id} pauses during the blackout ${span}${reason}: no task is scheduled in it, and the dates after it include the pause`,
        ...input.where(input.manifest!, "blackouts", index),
      });
    else
      findings.push({
        severity: "info",
        code: "blackout-exception",
        message: `${input.change.id} may work in the blackout ${span}${reason}: an exception is recorded${input.change.type === "emergency" && blackout.allow_emergency ? " (emergency changes are allowed in it)" : ""}`,
        ...input.where(input.manifest!, "blackouts", index),
      });
  });
  return findings;
}
