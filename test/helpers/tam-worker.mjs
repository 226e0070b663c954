// Runs tam in-process in a worker thread: main() of dist/cli.js with captured output, one request
// at a time. The test side (in-process.ts) watches each request's time and replaces a hung worker.
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { parentPort, workerData } from "node:worker_threads";

const { main } = await import(pathToFileURL(join(workerData.repo, "dist/cli.js")).href);
const line = (text) => (text.endsWith("\n") || text === "" ? text : `${text}\n`);

// Workers cannot chdir: the project is always given with -C.
parentPort.on("message", async ({ id, args }) => {
  let stdout = "";
  let stderr = "";
  const output = { out: (text) => (stdout += line(text)), err: (text) => (stderr += line(text)) };
  let code;
  try {
    code = await main(["node", "tam", ...args], output);
  } catch (error) {
    // main() catches everything it knows; anything reaching here is a bug, reported like one.
    code = -1;
    stderr += `uncaught: ${error?.stack ?? error}\n`;
  }
  parentPort.postMessage({ id, code, stdout, stderr });
});
parentPort.postMessage({ ready: true });
