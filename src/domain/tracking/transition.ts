// What `tam task start|done|block|unblock|cancel` may do to a task, given its change and the
// change's tasks: the order of the tasks, the change's approval, and whether the change is over.
import type { Change, Task, TaskStatus } from "../../model/files.js";
import { frozenReason, missingApprovalReason, needsApprovalBeforeWork } from "./lifecycle.js";

export type TaskAction = "start" | "done" | "block" | "unblock" | "cancel";
export const TASK_ACTIONS: TaskAction[] = ["start", "done", "block", "unblock", "cancel"];

export interface TransitionRequest {
  action: TaskAction;
  force: boolean;
  note?: string;
  /** Why a rule is broken with --force (falls back to the note). */
  reason?: string;
  /** For start: why work may not start now (a blackout, outside the change's window). */
  moment?: string;
  /** For block: the day the block is expected to clear (a blocked task may be blocked again to set it). */
  until?: string;
  /** For done of a documentation task: what the docs index lacks (doc-coverage.ts). */
  docs?: string;
}

/**
 * `forced`: the rules --force overrode, with the reason, to record in the task's history;
 * `accepted`: the risks that forcing took on (shown to the client as accepted risks).
 */
export type Transition = { ok: true; status: TaskStatus; from: TaskStatus; forced?: string; accepted?: string[] } | { ok: false; reason: string };

const FINISHED: TaskStatus[] = ["done", "cancelled"];

/** The predecessors of `task` that are neither done nor cancelled. */
function waitingFor(tasks: readonly Task[], task: Task): string[] {
  return (task.after ?? []).filter((id) => !FINISHED.includes(tasks.find((t) => t.id === id)?.status ?? "done"));
}

export function transition(tasks: readonly Task[], task: Task, request: TransitionRequest, change?: Change): Transition {
  const from = task.status;
  const refuse = (reason: string): Transition => ({ ok: false, reason });
  const reason = (request.reason ?? request.note)?.trim();
  if (request.force && !reason) return refuse("--force needs --reason saying why the rule is broken");
  const frozen = change && frozenReason(change);
  if (frozen) return refuse(frozen);
  const broken: string[] = [];
  const accepted: string[] = [];
  // Starting or finishing a task is work on the change: both check the order and the approval.
  const checkWork = (verb: string): Transition | undefined => {
    const waiting = waitingFor(tasks, task);
    if (waiting.length) {
      const list = waiting.map((id) => `${id} (${tasks.find((t) => t.id === id)!.status})`).join(", ");
      if (!request.force) return refuse(`${task.id} waits for ${list}; finish those first, or use --force with a --reason`);
      broken.push(`${verb} before ${list}`);
    }
    if (change && needsApprovalBeforeWork(change)) {
      if (!request.force) return refuse(`${missingApprovalReason(change)}, or use --force with a --reason`);
      broken.push(`${verb} before ${change.id} was approved`);
    }
    return undefined;
  };
  const ok = (status: TaskStatus): Transition => ({
    ok: true,
    status,
    from,
    ...(broken.length ? { forced: `${broken.join("; ")}: ${reason}` } : {}),
    ...(accepted.length ? { accepted } : {}),
  });
  switch (request.action) {
    case "start": {
      if (from === "in-progress") return refuse(`${task.id} is already in progress`);
      if (FINISHED.includes(from)) return refuse(`${task.id} is ${from}`);
      if (request.moment) {
        if (!request.force) return refuse(`${task.id} cannot start now: ${request.moment}; or use --force with a --reason`);
        broken.push(`started while ${request.moment.replace(/: (record|agree) .*$/, "")}`);
      }
      return checkWork("started") ?? ok("in-progress");
    }
    case "done":
      if (from === "done") return refuse(`${task.id} is already done`);
      if (from === "cancelled") return refuse(`${task.id} is cancelled`);
      {
        const refused = checkWork("done");
        if (refused) return refused;
      }
      // A documentation task is done when the docs index covers its components.
      if (request.docs) {
        if (!request.force) return refuse(`${task.id} is a documentation task: ${request.docs}; or use --force with a --reason (recorded as an accepted risk)`);
        broken.push("done before the docs index covered its components");
        accepted.push("documentation");
      }
      return ok("done");
    case "block":
      if (FINISHED.includes(from)) return refuse(`${task.id} is ${from}`);
      if (from === "blocked" && !request.until) return refuse(`${task.id} is already blocked; to record when it is expected to clear, block it again with --until <date>`);
      if (!request.note?.trim()) return refuse("say what the task is blocked on with --note");
      return ok("blocked");
    case "unblock": {
      if (from !== "blocked") return refuse(`${task.id} is not blocked (it is ${from})`);
      // Back to where it was before it was blocked.
      const history = task.history ?? [];
      const before = [...history].reverse().find((e, i, all) => e.status !== "blocked" && all.slice(0, i).some((x) => x.status === "blocked"));
      return ok(before?.status === "in-progress" ? "in-progress" : "todo");
    }
    case "cancel": {
      if (FINISHED.includes(from)) return refuse(`${task.id} is already ${from}`);
      // Cancelling a task whose predecessors are open drops work out of order: say so, as for start.
      const waiting = waitingFor(tasks, task);
      if (waiting.length) {
        const list = waiting.map((id) => `${id} (${tasks.find((t) => t.id === id)!.status})`).join(", ");
        if (!request.force) return refuse(`${task.id} waits for ${list}; cancel or finish those first, or use --force with a --reason`);
        broken.push(`cancelled before ${list}`);
      }
      return ok("cancelled");
    }
  }
}
