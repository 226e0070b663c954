#!/usr/bin/env node
// Seeded fuzzing of tam: random mutations of examples/northwind through every command, in a
// worker thread watched for hangs. Usage: node scripts/fuzz.mjs [--count N] [--seed S] [--timeout-ms T] [--per-case K]
// (--per-case K: run validate and K other commands picked at random per case instead of all of them).
// Prints the seed of every failing case; `--seed S --count 1` replays one. Needs `npm run build`.
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";

const repo = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const count = arg("count", 5000);
const seed = arg("seed", Date.now() % 2 ** 31);
const timeoutMs = arg("timeout-ms", 10_000);
const perCase = arg("per-case", Infinity);

let failures = 0;
let done = 0;
let next = 0;
const started = Date.now();
console.log(`tam fuzz: ${count} case(s) from seed ${seed}`);

/** Runs cases [from, count) in one worker; a hang terminates it and the rest continue in a new one. */
function runFrom(from) {
  return new Promise((resolvePromise) => {
    const worker = new Worker(join(repo, "scripts/fuzz/worker.mjs"), {
      workerData: { repo, example: join(repo, "examples/northwind"), seed, count: count - from, start: from, perCase },
      // The main thread's stack (V8's default, 984 KB), not a worker's 4 MB: what overflows for users must overflow here (seed 1317).
      resourceLimits: { stackSizeMb: 984 / 1024 },
    });
    let current;
    let timer;
    const watch = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        failures++;
        console.log(`FAIL seed ${current?.seed} (case ${current?.i}): no result within ${timeoutMs} ms (hang) after ${current?.applied.join(", ")}`);
        worker.terminate();
        resolvePromise(current ? current.i + 1 : count);
      }, timeoutMs);
    };
    worker.on("message", (message) => {
      if (message.type === "commands") console.log(`commands: ${message.names.join(", ")}\nmutations: ${message.mutations.join(", ")}`);
      if (message.type === "slow") console.log(`  slow: ${message.what}: ${message.ms} ms of CPU`);
      if (message.type === "start") {
        current = message;
        watch();
      }
      if (message.type === "done") {
        done++;
        if (done % 500 === 0) console.log(`  ${done} case(s), ${failures} failure(s), ${((Date.now() - started) / 1000).toFixed(0)} s`);
        if (message.failures.length) {
          failures++;
          console.log(`FAIL seed ${message.seed} (case ${message.i}) after ${message.applied.join(", ")}:\n  ${message.failures.join("\n  ")}`);
        }
      }
    });
    worker.on("error", (error) => {
      clearTimeout(timer);
      failures++;
      console.log(`FAIL seed ${current?.seed}: the worker died: ${error.stack ?? error}`);
      resolvePromise(current ? current.i + 1 : count);
    });
    worker.on("exit", () => {
      clearTimeout(timer);
      resolvePromise(count);
    });
  });
}

while (next < count) next = await runFrom(next);
console.log(`tam fuzz: ${done} case(s) run, ${failures} failure(s), seed ${seed}, ${((Date.now() - started) / 1000).toFixed(1)} s`);
process.exit(failures ? 1 : 0);
