// Capacity levelling across all open changes: parallel schedule generation on the departments'
// working-time clocks.
import { MinHeap } from "./min-heap.js";
import { finishOf, type ChangeContext, type Node } from "./schedule-context.js";
import { EPSILON } from "./schedule-context.js";
import { compareText } from "../../model/text-order.js";

interface Event {
  at: number;
  /** 0: a task finishes (frees its department), 1: a task becomes ready. */
  kind: 0 | 1;
  node: Node;
  seq: number;
}

function urgency(a: Node, b: Node): number {
  const dueA = a.ctx.change.due ?? "9999-12-31";
  const dueB = b.ctx.change.due ?? "9999-12-31";
  return a.ctx.rank - b.ctx.rank || (dueA < dueB ? -1 : dueA > dueB ? 1 : 0) || a.ls - b.ls || compareText(a.ctx.change.id, b.ctx.change.id) || a.order - b.order;
}

/**
 * Parallel schedule generation: time moves from event to event; when a department has a free
 * slot, the most urgent ready task takes it (change priority, then due date, then least slack).
 * Done tasks keep their dates; in-progress ones hold a slot until their forecast finish.
 */
export function level(contexts: readonly ChangeContext[], now: number): void {
  let seq = 0;
  const events = new MinHeap<Event>((a, b) => a.at < b.at || (a.at === b.at && (a.kind < b.kind || (a.kind === b.kind && a.seq < b.seq))));
  const running = new Map<string, number>();
  const ready = new Map<string, MinHeap<Node>>();
  const lastFreed = new Map<string, Node>();
  const pending = new Map<Node, number>();
  const capacity = (node: Node) => (typeof node.department?.capacity === "number" && node.department.capacity >= 1 ? node.department.capacity : Number.POSITIVE_INFINITY);

  const readyAt = (node: Node) => {
    let release = node.windowWork ? Math.max(now, node.ctx.windowStart) : now;
    if (node.notBefore !== undefined) release = Math.max(release, node.notBefore);
    for (const pred of node.preds) release = Math.max(release, finishOf(pred));
    node.release = release;
    events.push({ at: release, kind: 1, node, seq: seq++ });
  };
  for (const ctx of contexts) {
    for (const node of ctx.nodes) {
      const status = node.task.status;
      if (status === "done") continue;
      if (status === "in-progress") {
        running.set(node.task.department, (running.get(node.task.department) ?? 0) + 1);
        events.push({ at: node.finish!, kind: 0, node, seq: seq++ });
        continue;
      }
      const open = node.preds.filter((p) => p.task.status !== "done").length;
      pending.set(node, open);
      if (open === 0) readyAt(node);
    }
  }

  const start = (node: Node, at: number) => {
    const begin = node.clock.next(Math.max(at, node.release));
    node.start = begin;
    node.finish = node.clock.add(begin, node.remaining);
    if (begin > node.clock.next(node.release) + EPSILON) node.waitedFor = lastFreed.get(node.task.department);
    running.set(node.task.department, (running.get(node.task.department) ?? 0) + 1);
    events.push({ at: node.finish, kind: 0, node, seq: seq++ });
  };

  while (events.size) {
    const at = events.peek()!.at;
    const touched = new Set<string>();
    while (events.size && events.peek()!.at === at) {
      const event = events.pop()!;
      const node = event.node;
      const department = node.task.department;
      if (event.kind === 0) {
        running.set(department, (running.get(department) ?? 1) - 1);
        lastFreed.set(department, node);
        touched.add(department);
        for (const succ of node.succs) {
          const left = pending.get(succ);
          if (left === undefined) continue;
          pending.set(succ, left - 1);
          if (left - 1 === 0) readyAt(succ);
        }
      } else {
        if (capacity(node) === Number.POSITIVE_INFINITY) {
          start(node, at);
          continue;
        }
        let queue = ready.get(department);
        if (!queue) {
          queue = new MinHeap<Node>((a, b) => urgency(a, b) < 0);
          ready.set(department, queue);
        }
        queue.push(node);
        touched.add(department);
      }
    }
    for (const department of [...touched].sort()) {
      const queue = ready.get(department);
      while (queue?.size && (running.get(department) ?? 0) < capacity(queue.peek()!)) start(queue.pop()!, at);
    }
  }
}
