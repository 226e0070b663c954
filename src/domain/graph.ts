// Cycles in a dependency graph, each reported once as a path; and a dependency order.
// Both passes are iterative (a 5,000-deep chain must not overflow the call stack) and linear.

/** At most this many cycles are reported: each is a path as long as the cycle, and past a few the list helps nobody. */
const MAX_CYCLES = 100;

/**
 * The cycles found by a depth-first search, one per back edge, at most `limit` of them.
 * O(V + E) for the search, plus the length of each cycle reported (at most `limit` paths).
 */
export function findCycles(nodes: Iterable<string>, edges: (node: string) => readonly string[], limit = MAX_CYCLES): string[][] {
  const state = new Map<string, 1 | 2>(); // 1 = on the stack, 2 = finished
  const stack: string[] = [];
  const depth = new Map<string, number>(); // position on the stack: no indexOf per back edge
  const cycles: string[][] = [];
  const seen = new Set<string>();
  const visit = (start: string) => {
    // Iterative DFS so that a deep chain of 10,000 components cannot overflow the stack.
    const frames: { node: string; next: number }[] = [{ node: start, next: 0 }];
    state.set(start, 1);
    depth.set(start, stack.length);
    stack.push(start);
    while (frames.length) {
      const frame = frames[frames.length - 1]!;
      const targets = edges(frame.node);
      if (frame.next < targets.length) {
        const target = targets[frame.next++]!;
        const s = state.get(target);
        if (s === 1 && cycles.length < limit) {
          const cycle = stack.slice(depth.get(target));
          const key = canonical(cycle);
          if (!seen.has(key)) {
            seen.add(key);
            cycles.push(rotate(cycle));
          }
        } else if (s === undefined) {
          state.set(target, 1);
          depth.set(target, stack.length);
          stack.push(target);
          frames.push({ node: target, next: 0 });
        }
      } else {
        state.set(frame.node, 2);
        stack.pop();
        frames.pop();
      }
    }
  };
  for (const node of nodes) if (!state.has(node)) visit(node);
  return cycles;
}

/** Start the cycle at its smallest id so the same cycle always prints the same way. */
function rotate(cycle: string[]): string[] {
  let min = 0;
  for (let i = 1; i < cycle.length; i++) if (cycle[i]! < cycle[min]!) min = i;
  return [...cycle.slice(min), ...cycle.slice(0, min)];
}

function canonical(cycle: string[]): string {
  return rotate(cycle).join("\u0000");
}

/** Nodes in an order where every node comes after the nodes it depends on (ignoring cycle edges). Iterative post-order DFS, O(V + E). */
export function topologicalOrder(nodes: readonly string[], dependsOn: (node: string) => readonly string[]): string[] {
  const order: string[] = [];
  const state = new Map<string, 1 | 2>();
  const known = new Set(nodes);
  for (const root of nodes) {
    if (state.has(root)) continue;
    const frames: { node: string; next: number }[] = [{ node: root, next: 0 }];
    state.set(root, 1);
    while (frames.length) {
      const frame = frames[frames.length - 1]!;
      const deps = dependsOn(frame.node);
      if (frame.next < deps.length) {
        const dep = deps[frame.next++]!;
        if (known.has(dep) && !state.has(dep)) {
          state.set(dep, 1);
          frames.push({ node: dep, next: 0 });
        }
      } else {
        state.set(frame.node, 2);
        order.push(frame.node);
        frames.pop();
      }
    }
  }
  return order;
}
