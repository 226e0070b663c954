// tam run in-process (test/helpers/tam-worker.mjs): the whole CLI, commander parsing included, at a
// fraction of a spawn's cost, in a worker thread so that a hang is caught (the worker is replaced).
import { Worker } from "node:worker_threads";
import { join } from "node:path";
import { REPO } from "./run.js";

export interface InProcessResult {
  code: number;
  stdout: string;
  stderr: string;
  /** Set when tam did not answer within the time limit (the worker was terminated). */
  timedOut?: boolean;
}

export class InProcessTam {
  private worker: Worker | undefined;
  private ready: Promise<void> | undefined;
  private next = 0;

  private start(): Promise<void> {
    // Worker threads do not inherit TZ changes made later: set what the spawned runs set.
    this.worker = new Worker(join(REPO, "test/helpers/tam-worker.mjs"), {
      workerData: { repo: REPO },
      // The main thread's stack (V8's default, 984 KB): where a parser runs out of stack must not depend on how tam runs.
      resourceLimits: { stackSizeMb: 984 / 1024 },
      env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "", TZ: "UTC" },
    });
    const worker = this.worker;
    return new Promise((resolve, reject) => {
      worker.once("message", () => resolve());
      worker.once("error", reject);
    });
  }

  /** Runs `tam <args>`; never rejects: a hang comes back as timedOut, a crash of the worker as code -1. */
  async run(args: string[], options: { timeoutMs?: number } = {}): Promise<InProcessResult> {
    this.ready ??= this.start();
    await this.ready;
    const worker = this.worker!;
    const id = this.next++;
    return new Promise((resolve) => {
      const done = (result: InProcessResult) => {
        clearTimeout(timer);
        worker.off("message", onMessage);
        worker.off("error", onError);
        resolve(result);
      };
      const onMessage = (message: { id?: number } & InProcessResult) => {
        if (message.id === id) done(message);
      };
      const onError = (error: Error) => {
        this.ready = undefined;
        done({ code: -1, stdout: "", stderr: `the worker died: ${error.stack ?? error}` });
      };
      const timer = setTimeout(() => {
        this.ready = undefined;
        void worker.terminate();
        done({ code: -1, stdout: "", stderr: "", timedOut: true });
      }, options.timeoutMs ?? 10_000);
      worker.on("message", onMessage);
      worker.on("error", onError);
      worker.postMessage({ id, args });
    });
  }

  async close(): Promise<void> {
    await this.worker?.terminate();
    this.worker = undefined;
    this.ready = undefined;
  }
}
