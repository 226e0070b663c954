// tam's main() run in this process with its two streams captured, a line each: for tests of the whole
// CLI that need no process of their own (no environment, working folder or input).
import { main } from "../../src/cli.js";

export async function capturedMain(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await main(["node", "tam", ...args], { out: (t) => (stdout += `${t}\n`), err: (t) => (stderr += `${t}\n`) });
  return { code, stdout, stderr };
}
