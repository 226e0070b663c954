// Worker side of parallel-read.ts: the js-yaml read of a share of the files block-yaml.ts refused.
import { parentPort, workerData } from "node:worker_threads";
import { jsYamlData } from "./source.js";

interface Job {
  texts: string[];
}

const { port, flags } = workerData as { port: import("node:worker_threads").MessagePort; flags: Int32Array };
void parentPort;
// flags[1]: started; flags[0]: 1 answered, 2 failed. The main thread waits on them synchronously,
// then takes the answer with receiveMessageOnPort.
Atomics.store(flags, 1, 1);
Atomics.notify(flags, 1);
port.once("message", (job: Job) => {
  try {
    port.postMessage(job.texts.map((text) => jsYamlData(text)));
    Atomics.store(flags, 0, 1);
  } catch {
    Atomics.store(flags, 0, 2);
  }
  Atomics.notify(flags, 0);
  port.close();
});
