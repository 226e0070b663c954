// Issue 26.2: each use case declares what it loads. A task update reads the change file it edits and
// what the re-validation of that edit needs (departments, architecture, docs), not the incident log:
// a broken incident file neither stops nor slows it, nor is it named in its warnings. Once a change
// runs, its update reads no other change file either; the first work on a change (gated on its
// forecast among every open change) and a change in a file not named after it read them all.
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { capturedMain as tam } from "../../helpers/captured-main.js";
import { committedCopy, EXAMPLE, git } from "../../helpers/run.js";

/** A copy of the example with CHG-0003 planned and approved: its first task start is still to come. */
async function approvedCHG0003(): Promise<string> {
  const dir = committedCopy(EXAMPLE);
  expect((await tam(["change", "plan", "CHG-0003", "--write", "--as-of", "2026-11-20", "-C", dir])).code).toBe(0);
  expect((await tam(["change", "approve", "CHG-0003", "--by", "Elena Smirnova", "--as-of", "2026-11-20", "-C", dir])).code).toBe(0);
  return dir;
}

describe("a task update loads only what its edit needs", () => {
  it("does not read the incident log (a broken incident file is not its business)", async () => {
    const dir = await approvedCHG0003();
    const C = ["-C", dir];
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
    const dir = await approvedCHG0003();
    const C = ["-C", dir];
    // An error in another change file: reported as a warning, the update goes on.
    writeFileSync(join(dir, "changes/CHG-0099.yaml"), "id: CHG-0099\n");
    git(dir, ["add", "-A"]);
    git(dir, ["commit", "-qm", "a broken change"]);
    const started = await tam(["task", "start", "CHG-0003/T1", "--by", "O", "--as-of", "2026-12-06T10:00:00+03:00", ...C]);
    expect(started.code).toBe(0);
    expect(started.stderr).toContain("changes/CHG-0099.yaml");
  });

  // CHG-0002 of the example is in progress; T5 waits for T3, so --force with a reason starts it.
  const startT5 = (dir: string) => tam(["task", "start", "CHG-0002/T5", "--force", "--reason", "test", "--by", "O", "--as-of", "2026-12-06T10:00:00+03:00", "-C", dir]);

  const brokenOtherChange = (dir: string) => {
    writeFileSync(join(dir, "changes/CHG-0099.yaml"), "id: CHG-0099\n");
    git(dir, ["add", "-A"]);
    git(dir, ["commit", "-qm", "a broken change"]);
  };

  it("once a change runs, its update does not read the other change files: a broken one is not named", async () => {
    const dir = committedCopy(EXAMPLE);
    brokenOtherChange(dir);
    expect((await tam(["validate", "-C", dir])).code).toBe(1);
    const started = await startT5(dir);
    expect(started.code, started.stderr).toBe(0);
    expect(started.stdout).toContain("CHG-0002/T5");
    expect(started.stderr).not.toContain("CHG-0099");
    expect(started.stderr).not.toContain("already has");
    expect(readFileSync(join(dir, "changes/CHG-0002.yaml"), "utf8")).toMatch(/status: in-progress\n\s+by: O\n/);
  });

  it("a running change in a file not named after it is found among every change file, which are then checked", async () => {
    const dir = committedCopy(EXAMPLE);
    renameSync(join(dir, "changes/CHG-0002.yaml"), join(dir, "changes/waf.yaml"));
    brokenOtherChange(dir);
    const started = await startT5(dir);
    expect(started.code, started.stderr).toBe(0);
    expect(started.stderr).toContain("changes/CHG-0099.yaml");
    expect(readFileSync(join(dir, "changes/waf.yaml"), "utf8")).toMatch(/status: in-progress\n\s+by: O\n/);
  });

  it("an error already in the running change's own file still refuses its update", async () => {
    const dir = committedCopy(EXAMPLE);
    const file = join(dir, "changes/CHG-0002.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("department: design-center", "department: no-such-department"));
    git(dir, ["commit", "-qam", "a typo in a department"]);
    const started = await startT5(dir);
    expect(started.code).not.toBe(0);
    expect(started.stderr).toMatch(/changes\/CHG-0002\.yaml:\d+:\d+.*unknown department "no-such-department"/);
  });
});
