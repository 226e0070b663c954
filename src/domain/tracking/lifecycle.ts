// The change lifecycle (ITIL / ServiceNow states): which step `tam change approve|start|close|
// cancel|reject` may take from which state, the approval rules, and the status a change moves
// to when its tasks move.
import { BEFORE_WORK_STATUSES, FINAL_CHANGE_STATUSES, type Change, type ChangeOutcome, type ChangeStatus, type Task } from "../../model/files.js";

export type ChangeAction = "approve" | "start" | "close" | "cancel" | "reject";
export const CHANGE_ACTIONS: ChangeAction[] = ["approve", "start", "close", "cancel", "reject"];

export interface ChangeStepRequest {
  action: ChangeAction;
  note?: string;
  outcome?: ChangeOutcome;
}

export type ChangeStep = { ok: true; from: ChangeStatus; status: ChangeStatus } | { ok: false; reason: string };

const FINISHED_TASK = new Set(["done", "cancelled"]);

/** A normal change needs an approval before work starts; standard ones are pre-approved; emergency ones may start and are approved afterwards. */
export function needsApprovalBeforeWork(change: Change): boolean {
  return change.type === "normal" && !change.approval;
}

/**
 * Why work on a normal change may not start yet, for a refusal: its status, or, when the file says
 * `approved` without an `approval` record (who approved it for the client, when), that.
 */
export function missingApprovalReason(change: Change): string {
  const how = `record the approval with \`tam change approve ${change.id} --by <who>\``;
  return change.status === "approved"
    ? `${change.id} says approved but has no approval record (who approved it for the client, and when): ${how}`
    : `${change.id} is a normal change that is not approved yet (${change.status}): ${how}`;
}

/** An emergency change that has started without an approval: a finding until the approval is recorded. */
export function awaitsRetroactiveApproval(change: Change): boolean {
  return change.type === "emergency" && !change.approval && !BEFORE_WORK_STATUSES.includes(change.status) && change.status !== "rejected" && change.status !== "cancelled";
}

/** Why tasks of the change can no longer be updated, when they cannot. */
export function frozenReason(change: Change): string | undefined {
  if (!FINAL_CHANGE_STATUSES.includes(change.status)) return undefined;
  const what = change.status === "done" ? "done (closed)" : change.status;
  return `${change.id} is ${what}: its tasks can no longer be updated`;
}

export function changeStep(change: Change, request: ChangeStepRequest): ChangeStep {
  const from = change.status;
  const refuse = (reason: string): ChangeStep => ({ ok: false, reason });
  const ok = (status: ChangeStatus): ChangeStep => ({ ok: true, from, status });
  const tasks = change.tasks ?? [];
  const note = request.note?.trim();
  if (FINAL_CHANGE_STATUSES.includes(from)) return refuse(`${change.id} is already ${from === "done" ? "done (closed)" : from}`);
  switch (request.action) {
    case "approve":
      if (change.type === "standard") return refuse(`${change.id} is a standard change: it is pre-approved, nothing to approve`);
      if (change.approval) return refuse(`${change.id} was already approved by ${change.approval.by} at ${change.approval.at}`);
      if (change.type === "normal" && !BEFORE_WORK_STATUSES.includes(from)) return refuse(`${change.id} is ${from}: a normal change is approved before work starts`);
      // An emergency change keeps its status: the approval is recorded afterwards.
      return ok(BEFORE_WORK_STATUSES.includes(from) ? "approved" : from);
    case "start":
      if (!BEFORE_WORK_STATUSES.includes(from)) return refuse(`${change.id} is already ${from}`);
      if (needsApprovalBeforeWork(change)) return refuse(missingApprovalReason(change));
      return ok("in-progress");
    case "close": {
      if (!request.outcome) return refuse("say how the change ended with --outcome successful|with-issues|rolled-back");
      if (!note) return refuse("write the post-implementation review with --note");
      const open = tasks.filter((t) => !FINISHED_TASK.has(t.status));
      if (request.outcome !== "rolled-back") {
        if (from !== "review" && from !== "in-progress")
          return refuse(`${change.id} is ${from}: only a change whose work is finished (review) can be closed as ${request.outcome}; cancel it instead, or close it as rolled-back`);
        if (open.length) return refuse(`${change.id} still has unfinished tasks (${open.map((t) => `${t.id} ${t.status}`).join(", ")}): finish or cancel them first, or close it as rolled-back`);
        if (tasks.length === 0) return refuse(`${change.id} has no tasks: nothing was implemented; cancel it instead`);
      } else if (!["in-progress", "review"].includes(from)) {
        return refuse(`${change.id} is ${from}: nothing was implemented, so nothing was rolled back; cancel it instead`);
      }
      return ok("done");
    }
    case "cancel":
      if (!note) return refuse("say why the change is cancelled with --note");
      return ok("cancelled");
    case "reject":
      if (!note) return refuse("say why the change is rejected with --note");
      if (!BEFORE_WORK_STATUSES.includes(from) || from === "approved") return refuse(`${change.id} is ${from}: only a change awaiting approval can be rejected; cancel it instead`);
      return ok("rejected");
  }
}

/**
 * The status the change moves to after its tasks became `tasks`, or undefined when it stays:
 * the first task started (or finished) moves it to in-progress; every task done or cancelled
 * moves it to review.
 */
export function statusFollowingTasks(status: ChangeStatus, tasks: readonly Task[]): ChangeStatus | undefined {
  if (!["draft", "planned", "approved", "in-progress"].includes(status) || tasks.length === 0) return undefined;
  if (tasks.every((t) => FINISHED_TASK.has(t.status))) return "review";
  const started = tasks.some((t) => t.status === "in-progress" || t.status === "done" || (t.history ?? []).some((e) => e.status === "in-progress"));
  if (started && status !== "in-progress") return "in-progress";
  return undefined;
}

/** Whether closing the change writes its components to architecture.yaml. */
export function updatesArchitecture(outcome: ChangeOutcome): boolean {
  return outcome !== "rolled-back";
}
