// Issue 25.1: every argument a command echoes (a name given with --by, an id, an outcome) reaches
// the terminal through the output-safety module: no raw ESC, and no half-replaced sequence (the
// last line of defence keeps SGR colour codes, so a user's "\e[31m" must be neutralised before it).
import { describe, expect, it } from "vitest";
import { main } from "../../../src/cli.js";
import { writeLines } from "../../../src/commands/context.js";
import { committedCopy, EXAMPLE } from "../../helpers/run.js";

/** What a terminal would receive: the command's output through the same sink as processOutput. */
async function tam(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const output = { out: (text: string) => writeLines((c) => (stdout += c), text), err: (text: string) => writeLines((c) => (stderr += c), text) };
  const code = await main(["node", "tam", ...args], output);
  return { code, stdout, stderr };
}

const HOSTILE = "Eve \u001b[2J\u001b[31m\u009b1m";

describe("echoed arguments", () => {
  it("task, change steps and errors print no escape character from an argument", async () => {
    const dir = committedCopy(EXAMPLE);
    const C = ["-C", dir];
    expect((await tam(["change", "plan", "CHG-0003", "--write", "--as-of", "2026-11-20", ...C])).code).toBe(0);
    // Not a decision maker of the client: refused, and the refusal echoes the name safely.
    const refusedApprover = await tam(["change", "approve", "CHG-0003", "--by", HOSTILE, "--via", "client", "--as-of", "2026-11-20T09:00:00+03:00", ...C]);
    const runs = [
      await tam(["change", "approve", "CHG-0003", "--by", "Elena Smirnova", "--note", HOSTILE, "--as-of", "2026-11-20T10:00:00+03:00", ...C]),
      await tam(["task", "start", "CHG-0003/T1", "--by", HOSTILE, "--as-of", "2026-11-23T11:00:00+03:00", ...C]),
      await tam(["task", "block", "CHG-0003/T1", "--by", HOSTILE, "--note", HOSTILE, "--as-of", "2026-11-23T12:00:00+03:00", ...C]),
      await tam(["change", "start", "CHG-0004", "--by", HOSTILE, "--as-of", "2026-11-23T13:00:00+03:00", ...C]),
      await tam(["docs", "review", "network", "--by", HOSTILE, "--as-of", "2026-11-20", ...C]),
      await tam(["task", "start", `CHG-0003/${HOSTILE}`, ...C]),
      await tam(["change", "approve", `CHG-${HOSTILE}`, ...C]),
      await tam(["incident", "add", "--title", HOSTILE, "--priority", "P3", "--component", "core-fw", "--opened", "2026-11-20T10:00:00+03:00", "--yes", "--as-of", "2026-11-20", ...C]),
      await tam(["incident", "update", `INC-${HOSTILE}`, "--responded", ...C]),
      await tam(["status", "--department", HOSTILE, "--as-of", "2026-11-20", ...C]),
      await tam(["task", "start", "CHG-0003/T2", `--${HOSTILE}`, ...C]),
    ];
    expect(refusedApprover.code).toBe(2);
    expect(refusedApprover.stderr).toContain("Eve \ufffd[2J\ufffd[31m\ufffd1m");
    for (const run of [refusedApprover, ...runs]) {
      expect(run.stdout + run.stderr).not.toContain("\u001b");
      expect(run.stdout + run.stderr).not.toContain("\u009b");
    }
    // The steps ran (the name is shown, made visible), the errors were reported.
    expect(runs[0]!.code).toBe(0);
    expect(runs[1]!.stdout).toContain("in-progress by Eve \ufffd[2J\ufffd[31m");
    expect(runs[5]!.code).toBe(2);
    expect(runs[7]!.code).toBe(0);
    expect(runs[8]!.code).toBe(2);
    expect(runs[9]!.code).toBe(2);
    expect(runs[10]!.code).toBe(2);
  });
});
