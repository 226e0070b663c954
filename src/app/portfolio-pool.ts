// The pool of tam portfolio: client rows computed in parallel, in worker threads or child processes
// (one per core), each worker given two projects at a time so that one is computed while the
// other waits for its git processes. Each worker holds only the projects in its hands; the rows
// come back as plain data. A worker that dies ends only the rows it had in hand (each is a row with
// the error) and is replaced for the rest.
import { fork, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { ClientRow } from "../domain/portfolio.js";
import type { PortfolioEntry } from "../project/portfolio-paths.js";
import { modulesUrl, packageUrl } from "../version.js";
import type { RowOptions } from "./portfolio-row.js";

/** Projects in a worker's hands at once. */
export const PER_WORKER = 2;

export type PoolKind = "threads" | "processes";

interface Handle {
  send(message: unknown): void;
  stop(): void;
}

/** The worker's module: beside this one once compiled (dist/app/portfolio-worker.js); the built one when the sources run (tests). */
function workerFile(): string {
  const beside = fileURLToPath(modulesUrl("app/portfolio-worker.js"));
  return existsSync(beside) ? beside : fileURLToPath(packageUrl("dist/app/portfolio-worker.js"));
}

function start(kind: PoolKind, onMessage: (message: { index: number; row: ClientRow | undefined }) => void, onGone: (why: string) => void): Handle {
  if (kind === "threads") {
    const worker = new Worker(workerFile(), { stdout: false, stderr: false });
    let stopping = false;
    worker.on("message", onMessage);
    worker.on("error", (error) => onGone(error.message));
    worker.on("exit", (code) => {
      if (!stopping) onGone(`the worker stopped (exit code ${code})`);
    });
    return {
      send: (message) => worker.postMessage(message),
      stop: () => {
        stopping = true;
        void worker.terminate();
      },
    };
  }
  const child: ChildProcess = fork(workerFile(), [], { serialization: "advanced", stdio: ["ignore", "ignore", "inherit", "ipc"] });
  let stopping = false;
  child.on("message", onMessage as (message: unknown) => void);
  child.on("error", (error) => onGone(error.message));
  child.on("exit", (code, signal) => {
    if (!stopping) onGone(`the worker stopped (${signal ?? `exit code ${code}`})`);
  });
  return {
    send: (message) => child.send(message as never),
    stop: () => {
      stopping = true;
      child.disconnect();
    },
  };
}

/** The rows of `entries` in their order (undefined: filtered out), computed by `size` workers of `kind`. */
export function poolRows(entries: readonly PortfolioEntry[], options: RowOptions, size: number, kind: PoolKind): Promise<(ClientRow | undefined)[]> {
  const rows: (ClientRow | undefined)[] = new Array(entries.length);
  let next = 0;
  let finished = 0;
  return new Promise((resolve) => {
    const workers = new Set<Handle>();
    const launch = () => {
      const inHand = new Set<number>();
      let handle: Handle;
      const feed = () => {
        while (inHand.size < PER_WORKER && next < entries.length) {
          const index = next++;
          inHand.add(index);
          handle.send({ index, entry: entries[index], options });
        }
        if (inHand.size === 0) {
          handle.stop();
          workers.delete(handle);
        }
      };
      const done = (index: number, row: ClientRow | undefined) => {
        if (!inHand.delete(index)) return;
        rows[index] = row;
        finished++;
        if (finished === entries.length) {
          for (const worker of workers) worker.stop();
          resolve(rows);
        }
      };
      handle = start(
        kind,
        ({ index, row }) => {
          done(index, row);
          if (finished < entries.length) feed();
        },
        (why) => {
          if (!workers.delete(handle)) return;
          for (const index of [...inHand]) done(index, { path: entries[index]!.path, client: null, project: null, tam: null, urgency: 0, figures: null, error: `internal error: ${why}`, notes: [] });
          if (finished < entries.length && next < entries.length) launch();
        },
      );
      workers.add(handle);
      feed();
    };
    if (entries.length === 0) return resolve(rows);
    for (let i = 0; i < Math.min(size, Math.ceil(entries.length / PER_WORKER)); i++) launch();
  });
}
