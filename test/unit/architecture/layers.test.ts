// The layer rule of docs/architecture.md, checked over the real import graph of src/.
// Each layer has one rule about whom it may import; type-only imports count too, because
// a type from the wrong layer is the first step of a runtime dependency.
import { readFileSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { SRC, sourceFiles } from "../../helpers/source-files.js";

const IMPORT = /(?:^|\n)\s*(?:import|export)\s([^;]*?)from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;

/** file (relative to src, .ts) -> relative files it imports; `runtimeOnly` drops `import type`. */
function importGraph(runtimeOnly = false): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(SRC)) {
    const text = readFileSync(file, "utf8");
    const targets: string[] = [];
    for (const match of text.matchAll(IMPORT)) {
      const spec = match[2] ?? match[3];
      if (!spec?.startsWith(".")) continue;
      if (runtimeOnly && match[1]?.trimStart().startsWith("type ")) continue;
      targets.push(relative(SRC, resolve(dirname(file), spec)).replace(/\.js$/, ".ts"));
    }
    graph.set(relative(SRC, file), targets);
  }
  return graph;
}

/** The first path segment: the layer ("model", "domain", …); files at the top of src/ are their own. */
const layerOf = (file: string) => (file.includes("/") ? file.split("/")[0]! : file.replace(/\.ts$/, ""));

/** Who each layer may import (besides itself). Shared leaf modules (errors, util, version) are open to all. */
const SHARED = ["errors", "util", "version"];
const ALLOWED: Record<string, string[]> = {
  model: [],
  util: [],
  errors: ["model"],
  version: [],
  domain: ["model", "util"],
  project: ["model", "domain", "util", "errors", "version"],
  app: ["model", "domain", "project", ...SHARED],
  // format may read the completion spec: it is the description of the commands a shell script is made from.
  format: ["model", "domain", "app", "completion", ...SHARED],
  completion: ["model", "domain", "project", "app", ...SHARED],
  // A command parses its options, calls one use case (app), formats its result and returns the exit
  // code: it reads no project file and runs no domain rule itself (issue 26.2).
  commands: ["model", "app", "format", ...SHARED],
  index: ["model", "domain", "project", "app", "format", ...SHARED],
  // cli (cli.ts and the command table in cli/) reads the --format choices from src/format/names.ts (a list
  // that imports nothing) and the action lists from the domain (CHANGE_ACTIONS, TASK_ACTIONS); main()
  // keeps the zone offsets of src/domain/zone.ts, the git history of an unchanged repository and the
  // findings of an unchanged project in the user's cache folder (project/zone-memo.ts,
  // project/history-memo.ts and project/findings-memo.ts only, below).
  cli: ["commands", "completion", "model", "domain", "format", "project", ...SHARED],
  // launch (what bin/tam.js runs) starts the bundle made from cli, or cli itself.
  launch: ["cli"],
};

describe("layers", () => {
  const graph = importGraph();

  it("every import follows the layer rule of docs/architecture.md", () => {
    const violations: string[] = [];
    for (const [file, targets] of graph) {
      const from = layerOf(file);
      const allowed = ALLOWED[from];
      if (!allowed) {
        violations.push(`${file}: layer "${from}" is not in docs/architecture.md`);
        continue;
      }
      for (const target of targets) {
        const to = layerOf(target);
        if (to !== from && !allowed.includes(to)) violations.push(`${file} imports ${target} (${from} may not import ${to})`);
      }
    }
    expect(violations).toEqual([]);
  });

  it("cli reaches the project layer only for its three memos (the CLI's own caches, handed to the library for the run; no project file)", () => {
    const reached = [...graph].filter(([file]) => layerOf(file) === "cli").flatMap(([, targets]) => targets.filter((t) => layerOf(t) === "project"));
    expect(reached.sort()).toEqual(["project/findings-memo.ts", "project/history-memo.ts", "project/zone-memo.ts"]);
  });

  it("commands import only types from model (their data comes from a use case)", () => {
    const runtime = importGraph(true);
    const violations = [...runtime]
      .filter(([file]) => layerOf(file) === "commands")
      .flatMap(([file, targets]) => targets.filter((t) => layerOf(t) === "model").map((t) => `${file} imports ${t} at run time`));
    // Constants of the model (PRIORITIES …) are the domain's words: a command gets them from its use case.
    expect(violations).toEqual([]);
  });

  it("has no runtime import cycles between files", () => {
    // Type-only imports are erased by the compiler, so they cannot make a load-order cycle.
    const graph = importGraph(true);
    // Tarjan's strongly connected components, iterative: O(files + imports).
    const index = new Map<string, number>();
    const low = new Map<string, number>();
    const onStack = new Set<string>();
    const stack: string[] = [];
    const cycles: string[][] = [];
    let counter = 0;
    for (const root of graph.keys()) {
      if (index.has(root)) continue;
      const work: { node: string; next: number }[] = [{ node: root, next: 0 }];
      index.set(root, counter);
      low.set(root, counter++);
      stack.push(root);
      onStack.add(root);
      while (work.length > 0) {
        const frame = work[work.length - 1]!;
        const targets = (graph.get(frame.node) ?? []).filter((t) => graph.has(t));
        if (frame.next < targets.length) {
          const target = targets[frame.next++]!;
          if (!index.has(target)) {
            index.set(target, counter);
            low.set(target, counter++);
            stack.push(target);
            onStack.add(target);
            work.push({ node: target, next: 0 });
          } else if (onStack.has(target)) {
            low.set(frame.node, Math.min(low.get(frame.node)!, index.get(target)!));
          }
          continue;
        }
        work.pop();
        const parent = work[work.length - 1];
        if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!));
        if (low.get(frame.node) === index.get(frame.node)) {
          const component: string[] = [];
          let member: string;
          do {
            member = stack.pop()!;
            onStack.delete(member);
            component.push(member);
          } while (member !== frame.node);
          if (component.length > 1) cycles.push(component.sort());
        }
      }
    }
    expect(cycles).toEqual([]);
  });

  it("reads the real graph (guards against a regex that matches nothing)", () => {
    expect(graph.get("cli.ts")?.length ?? 0).toBeGreaterThan(3);
    expect([...graph.values()].flat().length).toBeGreaterThan(200);
  });
});
