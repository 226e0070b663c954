// What `tam task start|done|block|unblock|cancel` may do to a task, given the change's tasks.
import type { Task, TaskStatus } from "../../model/files.js";

export type TaskAction = "start" | "done" | "block" | "unblock" | "cancel";
export const TASK_ACTIONS: TaskAction[] = ["start", "done", "block", "unblock", "cancel"];

export interface TransitionRequest {
  action: TaskAction;
  force: boolean;
  note?: string;
}

export type Transition = { ok: true; status: TaskStatus; from: TaskStatus } | { ok: false; reason: string };

const FINISHED: TaskStatus[] = ["done", "cancelled"];

export function transition(tasks: readonly Task[], task: Task, request: TransitionRequest): Transition {
  const from = task.status;
  const refuse = (reason: string): Transition => ({ ok: false, reason });
  if (request.force && !request.note?.trim()) return refuse("--force needs --note saying why the rule is broken");
  switch (request.action) {
    case "start": {
      if (from === "in-progress") return refuse(`${task.id} is already in progress`);
      if (FINISHED.includes(from)) return refuse(`${task.id} is ${from}`);
      const waiting = (task.after ?? []).filter((id) => !FINISHED.includes(tasks.find((t) => t.id === id)?.status ?? "done"));
      if (waiting.length && !request.force) return refuse(`${task.id} waits for ${waiting.map((id) => `${id} (${tasks.find((t) => t.id === id)!.status})`).join(", ")}; finish those first, or use --force with a --note`);
      return { ok: true, status: "in-progress", from };
    }
    case "done":
      if (from === "done") return refuse(`${task.id} is already done`);
      if (from === "cancelled") return refuse(`${task.id} is cancelled`);
      return { ok: true, status: "done", from };
    case "block":
      if (FINISHED.includes(from)) return refuse(`${task.id} is ${from}`);
      if (from === "blocked") return refuse(`${task.id} is already blocked`);
      if (!request.note?.trim()) return refuse("say what the task is blocked on with --note");
      return { ok: true, status: "blocked", from };
    case "unblock": {
      if (from !== "blocked") return refuse(`${task.id} is not blocked (it is ${from})`);
      // Back to where it was before it was blocked.
      const history = task.history ?? [];
      const before = [...history].reverse().find((e, i, all) => e.status !== "blocked" && all.slice(0, i).some((x) => x.status === "blocked"));
      return { ok: true, status: before?.status === "in-progress" ? "in-progress" : "todo", from };
    }
    case "cancel":
      if (FINISHED.includes(from)) return refuse(`${task.id} is already ${from}`);
      return { ok: true, status: "cancelled", from };
  }
}
