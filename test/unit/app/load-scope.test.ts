// Issue 26.2: each use case declares what it loads. A task update reads the change file it edits and
// what the re-validation of that edit needs (departments, architecture, the other changes), not the
// incident log: a broken incident file neither stops nor slows it, nor is it named in its warnings.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../../src/cli.js";
import { committedCopy, EXAMPLE, git } from "../../helpers/run.js";

async function tam(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await main(["node", "tam", ...args], { out: (t) => (stdout += `${t}\n`), err: (t) => (stderr += `${t}\n`) });
  return { code, stdout, stderr };
}

describe("a task update loads only what its edit needs", () => {
  it("does not read the incident log (a broken incident file is not its business)", async () => {
    const dir = committedCopy(EXAMPLE);
    const C = ["-C", dir];
    expect((await tam(["change", "plan", "CHG-0003", "--write", "--as-of", "2026-11-20", ...C])).code).toBe(0);
    expect((await tam(["change", "approve", "CHG-0003", "--by", "Elena Smirnova", "--as-of", "2026-11-20", ...C])).code).toBe(0);
    // An incident file that does not parse, committed: validate fails on it.
    writeFileSync(join(dir, "incidents/2026-10.yaml"), "incidents:\n  - id: [unclosed\n");
    git(dir, ["commit", "-qam", "broken incidents"]);
    expect((await tam(["validate", ...C])).code).toBe(1);
    const started = await tam(["task", "start", "CHG-0003/T1", "--by", "O", "--as-of", "2026-12-06T10:00:00+03:00", ...C]);
    expect(started.code).toBe(0);
    expect(started.stdout).toContain("CHG-0003/T1");
    expect(started.stderr).not.toContain("incidents/");
  });

  it("still refuses an edit that breaks what the change refers to, and warns of errors in the files it reads", async () => {
    const dir = committedCopy(EXAMPLE);
    const C = ["-C", dir];
    expect((await tam(["change", "plan", "CHG-0003", "--write", "--as-of", "2026-11-20", ...C])).code).toBe(0);
    expect((await tam(["change", "approve", "CHG-0003", "--by", "Elena Smirnova", "--as-of", "2026-11-20", ...C])).code).toBe(0);
    // An error in another change file: reported as a warning, the update goes on.
    writeFileSync(join(dir, "changes/CHG-0099.yaml"), "id: CHG-0099\n");
    git(dir, ["add", "-A"]);
    git(dir, ["commit", "-qm", "a broken change"]);
    const started = await tam(["task", "start", "CHG-0003/T1", "--by", "O", "--as-of", "2026-12-06T10:00:00+03:00", ...C]);
    expect(started.code).toBe(0);
    expect(started.stderr).toContain("changes/CHG-0099.yaml");
  });
});
