// A worker of tam portfolio's pool: rows of client projects on request. Runs as a worker thread
// (parentPort) or as a child process (process.send); the pool (portfolio-pool.ts) picks which.
// A message in: { index, entry, options }; out: { index, row } (row undefined: filtered out).
import { parentPort } from "node:worker_threads";
import type { PortfolioEntry } from "../project/portfolio-paths.js";
import { clientRow, rowError, type RowOptions } from "./portfolio-row.js";

interface Job {
  index: number;
  entry: PortfolioEntry;
  options: RowOptions;
}

const reply = parentPort ? (message: unknown) => parentPort!.postMessage(message) : (message: unknown) => process.send?.(message);

async function work(job: Job): Promise<void> {
  let row: Awaited<ReturnType<typeof clientRow>> | undefined;
  try {
    row = await clientRow(job.entry, job.options);
  } catch (error) {
    // clientRow catches what a project throws; this is a bug of tam's, kept to its row.
    row = { path: job.entry.path, client: null, project: null, tam: null, urgency: 0, figures: null, error: rowError(error, undefined, job.options.cwd), notes: [] };
  }
  reply({ index: job.index, row });
}

if (parentPort) parentPort.on("message", (job: Job) => void work(job));
else {
  process.on("message", (job: Job) => void work(job));
  // The pool ends the child by closing the channel.
  process.on("disconnect", () => process.exit(0));
}
