// Runs tam in-process for runTam (run.ts): main() of dist/cli.js in a worker thread, while the test's
// thread waits on a shared flag, so that runTam stays synchronous like the spawnSync it replaces.
// What the process would print goes through the same writeLines sink as processOutput.
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { parentPort, workerData } from "node:worker_threads";

const dist = (file) => import(pathToFileURL(join(workerData.repo, "dist", file)).href);
const { main } = await dist("cli.js");
const { writeLines } = await dist("commands/context.js");

parentPort.on("message", async ({ args, port, flag }) => {
  let stdout = "";
  let stderr = "";
  const output = { out: (text) => writeLines((chunk) => (stdout += chunk), text), err: (text) => writeLines((chunk) => (stderr += chunk), text) };
  let code;
  try {
    code = await main(["node", "tam", ...args], output);
  } catch (error) {
    // main() catches everything it knows; anything reaching here is a bug, reported like one.
    code = -1;
    stderr += `uncaught: ${error?.stack ?? error}\n`;
  }
  port.postMessage({ code, stdout, stderr });
  port.close();
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
});
