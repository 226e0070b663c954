// The fast read of many files on two threads when the project is large enough to profit.
// Measured on the L project (100,000 incidents, 34 MB): the fast read takes most of `validate`, and
// copying a parsed share back from a worker costs about a tenth of parsing it, so below a few MB the
// worker's start (~40 ms) does not pay. The main thread parses its own share meanwhile, then waits
// synchronously (Atomics.wait), so loadProject stays synchronous for every caller.
import { availableParallelism } from "node:os";
import type { Worker } from "node:worker_threads";
import { fastData } from "./source.js";

/** Total text size from which a second thread reads half of the files. */
export const PARALLEL_READ_MIN_CHARS = 4_000_000;

type FastResult = { data: unknown } | undefined;

/** fastData of each text, in order; a worker takes about half of the text when it pays. */
export function fastDataOfAll(texts: readonly string[], minChars = PARALLEL_READ_MIN_CHARS, stats: { threads: number } = { threads: 1 }): FastResult[] {
  stats.threads = 1;
  const total = texts.reduce((sum, text) => sum + text.length, 0);
  if (texts.length < 2 || total < minChars || availableParallelism() < 2 || process.env.TAM_THREADS === "1") return texts.map((text) => fastData(text));
  // The worker takes every other file by size, so both shares are about equal.
  const order = texts.map((text, index) => ({ index, size: text.length })).sort((a, b) => b.size - a.size);
  const theirs: number[] = [];
  const mine: number[] = [];
  let theirSize = 0;
  let mySize = 0;
  for (const { index, size } of order) {
    if (theirSize <= mySize) {
      theirs.push(index);
      theirSize += size;
    } else {
      mine.push(index);
      mySize += size;
    }
  }
  const results: FastResult[] = new Array(texts.length);
  // Loaded here, not at the top: small projects (every short command) never start a thread.
  const { MessageChannel, receiveMessageOnPort, Worker } = process.getBuiltinModule("node:worker_threads");
  let worker: Worker | undefined;
  try {
    const flags = new Int32Array(new SharedArrayBuffer(8));
    const { port1, port2 } = new MessageChannel();
    worker = new Worker(new URL("./fast-read-worker.js", import.meta.url), { workerData: { port: port2, flags }, transferList: [port2] });
    worker.unref();
    port1.postMessage({ texts: theirs.map((index) => texts[index]) });
    for (const index of mine) results[index] = fastData(texts[index]!);
    // Bounded waits: a worker that never started (no threads here, a missing file) is given up after
    // 10 s; one that started answers or fails (flags[0] = 2) within its share's parse time.
    if (Atomics.load(flags, 1) === 0) Atomics.wait(flags, 1, 0, 10_000);
    const deadline = Date.now() + 60_000 + theirSize / 100;
    if (Atomics.load(flags, 1) === 1) while (Atomics.load(flags, 0) === 0 && Date.now() < deadline) Atomics.wait(flags, 0, 0, 1_000);
    const message = Atomics.load(flags, 0) === 1 ? receiveMessageOnPort(port1) : undefined;
    port1.close();
    if (message && Array.isArray(message.message)) {
      theirs.forEach((index, k) => (results[index] = (message.message as FastResult[])[k]));
      stats.threads = 2;
      return results;
    }
  } catch {
    // No worker (a sandbox without threads, a missing file): the same work on this thread.
  } finally {
    void worker?.terminate();
  }
  for (const index of theirs) results[index] = fastData(texts[index]!);
  return results;
}
