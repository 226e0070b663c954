// tam as a commit hook of its own commits (issue 35): the project's pre-commit hook
// (.pre-commit-hooks.yaml runs `tam validate`) installed in the repository. tam holds its write
// lock while the pre-commit hooks run: tam validate reads and needs no lock; a tam write started by
// a hook refuses at once rather than waiting for its parent. A post-commit hook runs after the lock is released.
import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BIN, committedCopy, EXAMPLE, git, headOf, leftovers, runTam, spawnedTam } from "../helpers/run.js";

const CHANGE = "changes/CHG-0004.yaml";
const AS_OF = ["--as-of", "2026-11-20T10:00:00+03:00"];
const TAM = `"${process.execPath}" "${BIN}"`;
/** The pre-commit framework (https://pre-commit.com); .ci/run installs it, elsewhere the test that needs it is skipped. */
const hasPreCommit = spawnSync("pre-commit", ["--version"]).status === 0;

function hook(dir: string, name: string, body: string): void {
  const path = join(dir, ".git/hooks", name);
  writeFileSync(path, `#!/bin/sh\n${body}\n`);
  chmodSync(path, 0o755);
}

describe("the project's own pre-commit hook (tam validate) on tam's commits", () => {
  it("passes a valid write (no deadlock on tam's lock), and refuses one when the project has errors, with validate's findings", () => {
    const dir = committedCopy(EXAMPLE);
    // What .pre-commit-hooks.yaml's tam-validate runs: `tam validate` at the top of the repository.
    hook(dir, "pre-commit", `${TAM} validate && ${TAM} status --format json | grep -q '"id": "T1"' && grep -q "by: R Z" ${CHANGE} && echo "the hook reads T1 started by R Z"`);
    const ok = runTam(["task", "start", "CHG-0004/T1", "--by", "R Z", ...AS_OF, "-C", dir]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/\(commit [0-9a-f]+\)/);
    // validate's own report, shown as git shows a hook's output.
    expect(ok.stderr).toMatch(/0 errors, \d+ warnings?/);
    // It read the project as tam wrote it: the task just started is there.
    expect(ok.stderr).toMatch(/the hook reads T1 started by R Z/);
    expect(git(dir, ["show", "--name-only", "--format=%s", "HEAD"]).trim().split("\n")).toEqual(["CHG-0004/T1 backup: started", "", CHANGE]);
    expect(git(dir, ["status", "--porcelain"]).trim()).toBe("");
    expect(leftovers(dir)).toEqual([]);

    // An error elsewhere in the project: tam's own check lets an unrelated write through (with a warning),
    // the repository's policy does not, as it would not for any other commit.
    const departments = readFileSync(join(dir, "departments.yaml"), "utf8");
    writeFileSync(join(dir, "departments.yaml"), `${departments}bogus_key: 1\n`);
    git(dir, ["commit", "-qam", "broken", "--no-verify"]);
    const start = headOf(dir);
    const before = readFileSync(join(dir, CHANGE), "utf8");
    const refused = runTam(["task", "done", "CHG-0004/T1", "--by", "R Z", ...AS_OF, "-C", dir]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/tam: git: the pre-commit hook refused the commit \(exit 1\): tam's write is undone \(changes\/CHG-0004\.yaml is as it was\)/);
    expect(refused.stderr).toMatch(/pre-commit: .*departments\.yaml:\d+:\d+ error/);
    expect(headOf(dir)).toBe(start);
    expect(readFileSync(join(dir, CHANGE), "utf8")).toBe(before);
    expect(git(dir, ["status", "--porcelain"]).trim()).toBe("");

    // --no-verify commits past it, and the commit says so.
    const skipped = runTam(["task", "done", "CHG-0004/T1", "--by", "R Z", "--no-verify", ...AS_OF, "-C", dir]);
    expect(skipped.code, skipped.stderr).toBe(0);
    expect(git(dir, ["log", "-1", "--format=%B"])).toContain("Git-Hooks: skipped by --no-verify (not run: pre-commit)");
  });

  it("a tam write started by a pre-commit hook refuses at once (it would wait for its parent's lock); a post-commit hook may write", () => {
    const dir = committedCopy(EXAMPLE);
    hook(dir, "pre-commit", `${TAM} task block CHG-0004/T2 --note from-hook --wait 600 ${AS_OF.join(" ")}`);
    const start = headOf(dir);
    // Spawned: the lock names the holding process by its command line and pid.
    const refused = spawnedTam(["task", "start", "CHG-0004/T1", "--by", "R Z", ...AS_OF, "-C", dir]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/pre-commit: tam: this tam runs from a git hook of tam's own commit \(`tam task start CHG-0004\/T1 .*pid \d+/);
    expect(refused.stderr).not.toMatch(/waiting for another tam write/);
    expect(headOf(dir)).toBe(start);
    expect(git(dir, ["status", "--porcelain"]).trim()).toBe("");

    hook(dir, "pre-commit", "exit 0");
    hook(dir, "post-commit", `${TAM} task block CHG-0004/T2 --note from-post-commit --wait 600 ${AS_OF.join(" ")}`);
    const ok = runTam(["task", "start", "CHG-0004/T1", "--by", "R Z", ...AS_OF, "-C", dir]);
    expect(ok.code, ok.stderr).toBe(0);
    // Two commits: tam's, then the one its post-commit hook made (whose own post-commit, the same
    // command again, found nothing to change).
    const subjects = git(dir, ["log", "--format=%s", `${start}..HEAD`])
      .trim()
      .split("\n");
    expect(subjects, ok.stderr).toEqual(["CHG-0004/T2 virt-vmware: blocked", "CHG-0004/T1 backup: started"]);
    expect(ok.stderr).toMatch(/CHG-0004\/T2 virt-vmware: todo → blocked .*\(commit [0-9a-f]+\)/);
    expect(git(dir, ["status", "--porcelain"]).trim()).toBe("");
  });

  it.skipIf(!hasPreCommit)("through the pre-commit framework itself (a local tam-validate hook, as in examples/ci): passes, keeps the user's unstaged edits, refuses an invalid project", () => {
    const dir = committedCopy(EXAMPLE);
    writeFileSync(
      join(dir, ".pre-commit-config.yaml"),
      `repos:\n  - repo: local\n    hooks:\n      - id: tam-validate\n        name: tam validate\n        entry: '${TAM} validate'\n        language: system\n        pass_filenames: false\n        files: \\.ya?ml$\n`,
    );
    git(dir, ["add", ".pre-commit-config.yaml"]);
    git(dir, ["commit", "-qm", "pre-commit"]);
    const env = { PRE_COMMIT_HOME: mkdtempSync(join(tmpdir(), "tam-pre-commit-home-")), PRE_COMMIT_COLOR: "never" };
    expect(spawnSync("pre-commit", ["install"], { cwd: dir, env: { ...process.env, ...env } }).status).toBe(0);
    // An edit of the user's, not staged: pre-commit sets it aside while the hooks run and puts it back.
    const architecture = readFileSync(join(dir, "architecture.yaml"), "utf8");
    writeFileSync(join(dir, "architecture.yaml"), `${architecture}# draft note\n`);
    const ok = runTam(["task", "start", "CHG-0004/T1", "--by", "R Z", ...AS_OF, "-C", dir], { env });
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stderr).toMatch(/tam validate\.+Passed/);
    expect(git(dir, ["show", "--name-only", "--format=", "HEAD"]).trim()).toBe(CHANGE);
    expect(git(dir, ["status", "--porcelain"]).trim()).toBe("M architecture.yaml");
    expect(readFileSync(join(dir, "architecture.yaml"), "utf8")).toBe(`${architecture}# draft note\n`);

    git(dir, ["checkout", "--", "architecture.yaml"]);
    writeFileSync(join(dir, "departments.yaml"), `${readFileSync(join(dir, "departments.yaml"), "utf8")}bogus_key: 1\n`);
    git(dir, ["commit", "-qam", "broken", "--no-verify"]);
    const start = headOf(dir);
    const refused = runTam(["task", "done", "CHG-0004/T1", "--by", "R Z", ...AS_OF, "-C", dir], { env });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/the pre-commit hook refused the commit/);
    expect(refused.stderr).toMatch(/pre-commit: tam validate\.+Failed/);
    expect(headOf(dir)).toBe(start);
    expect(git(dir, ["status", "--porcelain"]).trim()).toBe("");
  });
});
