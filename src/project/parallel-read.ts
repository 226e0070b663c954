// The fast read of many files, with a second thread for js-yaml when enough text needs it.
// block-yaml.ts reads the files first on this thread: it is fast enough that a worker no longer pays
// for it. Measured on the L project (45 MB of YAML, a shared 2-core machine): half of the files take
// 0.24–0.5 s to read with it (warm–cold), and copying that half's data back from a worker takes
// about as long (0.08 s to serialize there, 0.2 s to deserialize here, on this thread); a worker
// reading half of them made the whole read 1.8–2.4 s against 0.7 s on one thread (load average
// 3.6). js-yaml, for the files block-yaml.ts refuses, is about eight times slower for the same
// copy, so below a few MB the worker's start (~40 ms) does not pay, above it a worker reads half of
// them. The main thread reads its own share meanwhile, then waits synchronously (Atomics.wait), so
// loadProject stays synchronous for every caller.
import { availableParallelism } from "node:os";
import type { Worker } from "node:worker_threads";
import { readBlockYaml } from "./block-yaml.js";
import { jsYamlData } from "./source.js";
import { modulesUrl } from "../version.js";

/** Total size of the texts block-yaml.ts refuses from which a second thread reads half of them with js-yaml. */
export const PARALLEL_READ_MIN_CHARS = 4_000_000;

type FastResult = { data: unknown } | undefined;

/** fastData of each text, in order; a worker takes about half of what js-yaml reads when it pays. */
export function fastDataOfAll(texts: readonly string[], minChars = PARALLEL_READ_MIN_CHARS, stats: { threads: number } = { threads: 1 }): FastResult[] {
  stats.threads = 1;
  const results: FastResult[] = texts.map((text) => readBlockYaml(text));
  const refused = results.flatMap((result, index) => (result === undefined ? [index] : []));
  const total = refused.reduce((sum, index) => sum + texts[index]!.length, 0);
  if (refused.length < 2 || total < minChars || availableParallelism() < 2 || process.env.TAM_THREADS === "1") {
    for (const index of refused) results[index] = jsYamlData(texts[index]!);
    return results;
  }
  // The worker takes every other file by size, so both shares are about equal.
  const order = refused.map((index) => ({ index, size: texts[index]!.length })).sort((a, b) => b.size - a.size);
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
  // Loaded here, not at the top: small projects (every short command) never start a thread.
  const { MessageChannel, receiveMessageOnPort, Worker } = process.getBuiltinModule("node:worker_threads");
  let worker: Worker | undefined;
  try {
    const flags = new Int32Array(new SharedArrayBuffer(8));
    const { port1, port2 } = new MessageChannel();
    worker = new Worker(modulesUrl("project/fast-read-worker.js"), { workerData: { port: port2, flags }, transferList: [port2] });
    worker.unref();
    port1.postMessage({ texts: theirs.map((index) => texts[index]) });
    for (const index of mine) results[index] = jsYamlData(texts[index]!);
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
  for (const index of theirs) results[index] = jsYamlData(texts[index]!);
  return results;
}
