// Writes and git: surgical edits that leave every other byte alone, a lock so concurrent updates
// both land, clear refusals in repository states tam will not commit in, and nothing run or
// committed that tam did not write.
import { spawn } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BIN, copyProject, EXAMPLE, git, runTam, committedCopy, headOf, leftovers } from "../helpers/run.js";

const CHANGE = "changes/CHG-0004.yaml";
const AS_OF = ["--as-of", "2026-11-20T10:00:00+03:00"];

const repo = (): string => committedCopy(EXAMPLE);

const read = (dir: string, file: string) => readFileSync(join(dir, file), "utf8");
const head = headOf;
const noStack = (stderr: string) => expect(stderr).not.toMatch(/^\s+at |internal error/m);

/** The span of `before` that differs from `after` (common prefix and suffix removed). */
function changedSpan(before: string, after: string): [number, number] {
  let start = 0;
  while (start < before.length && before[start] === after[start]) start++;
  let end = 0;
  while (end < before.length - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end++;
  return [start, before.length - end];
}

describe("surgical status updates", () => {
  it("tam task start changes only the task's own block of a commented change file", () => {
    const dir = repo();
    // A change already in progress: starting a task then touches only that task (a planned one would also move to in-progress).
    writeFileSync(join(dir, CHANGE), read(dir, CHANGE).replace("\nstatus: approved\n", "\nstatus: in-progress\n"));
    git(dir, ["commit", "-q", "-am", "CHG-0004 in progress"]);
    const before = read(dir, CHANGE);
    expect(before).toMatch(/^#/m); // the file has comments to keep
    const result = runTam(["task", "start", "CHG-0004/T1", "--by", "Roman Zaitsev", ...AS_OF, "-C", dir]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const after = read(dir, CHANGE);
    const [from, to] = changedSpan(before, after);
    expect(from).toBeGreaterThan(before.indexOf("  - id: T1"));
    expect(to).toBeLessThanOrEqual(before.indexOf("  - id: T2"));
    expect(after).toContain("history:");
    expect(runTam(["validate", "-C", dir]).code).toBe(0);
  });

  it("tam docs review changes only the doc's last_review", () => {
    const dir = repo();
    const before = read(dir, "docs.yaml");
    const result = runTam(["docs", "review", "network", "--by", "Igor Kuznetsov", "--date", "2026-11-19", ...AS_OF, "--no-commit", "-C", dir]);
    expect(result.code).toBe(0);
    const after = read(dir, "docs.yaml");
    const entry = before.indexOf("  - id: network");
    const [from, to] = changedSpan(before, after);
    expect(from).toBeGreaterThan(before.indexOf("    last_review:", entry));
    expect(to).toBeLessThanOrEqual(before.indexOf("    review_interval:", entry));
    expect(after.slice(entry)).toMatch(/date: 2026-11-19\n\s+by: Igor Kuznetsov\n/);
  });

  it("tam incident update changes only that incident's entry of a commented month file", () => {
    const dir = repo();
    const file = "incidents/2026-11.yaml";
    const before = read(dir, file);
    expect(before).toMatch(/^\s*#/m);
    const result = runTam(["incident", "update", "INC-0053", "--closed", "2026-11-18T10:00:00+03:00", ...AS_OF, "--no-commit", "-C", dir]);
    expect(result.code, result.stderr).toBe(0);
    const after = read(dir, file);
    const [from, to] = changedSpan(before, after);
    expect(from).toBeGreaterThan(before.indexOf("  - id: INC-0053"));
    expect(to).toBeLessThanOrEqual(before.indexOf("  - id: INC-0054"));
    expect(after.slice(after.indexOf("  - id: INC-0053"), after.indexOf("  - id: INC-0054"))).toMatch(/closed: 2026-11-18T10:00:00\+03:00/);
  });

  it("keeps CRLF line endings and a BOM", () => {
    const dir = repo();
    const crlf = `\ufeff${read(dir, CHANGE).replace("\nstatus: approved\n", "\nstatus: in-progress\n").replace(/\n/g, "\r\n")}`;
    writeFileSync(join(dir, CHANGE), crlf);
    expect(runTam(["task", "start", "CHG-0004/T1", "--by", "R Z", ...AS_OF, "--no-commit", "-C", dir]).code).toBe(0);
    const after = read(dir, CHANGE);
    expect(after.startsWith("\ufeff")).toBe(true);
    expect(after.replace(/\r\n/g, "")).not.toContain("\n");
    const [from, to] = changedSpan(crlf, after);
    expect(from).toBeGreaterThan(crlf.indexOf("  - id: T1"));
    expect(to).toBeLessThanOrEqual(crlf.indexOf("  - id: T2"));
  });
});

describe("concurrent updates", () => {
  it("two tam task invocations on the same change both land, each in its own commit", async () => {
    const dir = repo();
    const start = head(dir);
    const run = (args: string[]) =>
      new Promise<{ code: number | null; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, [BIN, ...args, "-C", dir], { env: { ...process.env, NO_COLOR: "1" } });
        let stderr = "";
        child.stderr.on("data", (d) => (stderr += d));
        child.on("close", (code) => resolve({ code, stderr }));
      });
    const [a, b] = await Promise.all([
      run(["task", "start", "CHG-0004/T1", "--by", "Roman Zaitsev", ...AS_OF]),
      run(["task", "block", "CHG-0004/T2", "--by", "Sergey Belov", "--note", "datastore licence", ...AS_OF]),
    ]);
    expect(a, a.stderr).toMatchObject({ code: 0 });
    expect(b, b.stderr).toMatchObject({ code: 0 });
    const after = read(dir, CHANGE);
    expect(after).toMatch(/- id: T1[\s\S]*status: in-progress[\s\S]*- id: T2/);
    expect(after).toMatch(/- id: T2[\s\S]*status: blocked/);
    expect(after).toContain("datastore licence");
    const commits = git(dir, ["log", "--format=%s", `${start}..HEAD`])
      .trim()
      .split("\n");
    expect(commits).toHaveLength(2);
    expect(git(dir, ["status", "--porcelain"]).trim()).toBe("");
    expect(leftovers(dir)).toEqual([]);
  });
});

describe("git safety", () => {
  it("--no-commit writes the file and makes no commit", () => {
    const dir = repo();
    const start = head(dir);
    expect(runTam(["task", "start", "CHG-0004/T1", "--by", "R Z", ...AS_OF, "--no-commit", "-C", dir]).code).toBe(0);
    expect(head(dir)).toBe(start);
    expect(git(dir, ["status", "--porcelain"]).trim()).toBe(`M ${CHANGE}`);
  });

  const refusals: [string, (dir: string) => void, RegExp][] = [
    ["no repository", () => {}, /not a git repository/],
    ["a detached HEAD", (dir) => git(dir, ["checkout", "-q", "--detach"]), /HEAD is detached/],
    ["a merge in progress", (dir) => writeFileSync(join(dir, ".git/MERGE_HEAD"), `${head(dir)}\n`), /middle of a merge/],
    ["a rebase in progress", (dir) => mkdirSync(join(dir, ".git/rebase-merge")), /middle of a rebase/],
    [
      "no user identity",
      (dir) => {
        git(dir, ["config", "--unset", "user.name"]);
        git(dir, ["config", "--unset", "user.email"]);
        git(dir, ["config", "user.useConfigOnly", "true"]);
      },
      /git does not know who you are.*git config user\.name/,
    ],
  ];
  it.each(refusals)("refuses %s with a clear message, exit 2, before writing anything", (name, setup, message) => {
    const dir = name === "no repository" ? copyProject(EXAMPLE) : repo();
    setup(dir);
    const before = read(dir, CHANGE);
    const result = runTam(["task", "start", "CHG-0004/T1", "--by", "R Z", ...AS_OF, "-C", dir], {
      env: {
        GIT_CONFIG_GLOBAL: "/dev/null",
        GIT_CONFIG_NOSYSTEM: "1",
        HOME: mkdtempSync(join(tmpdir(), "tam-home-")),
        GIT_AUTHOR_NAME: "",
        GIT_AUTHOR_EMAIL: "",
        GIT_COMMITTER_NAME: "",
        GIT_COMMITTER_EMAIL: "",
        EMAIL: "",
      },
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toMatch(/--no-commit/);
    expect(result.stderr).toMatch(/nothing was written/);
    noStack(result.stderr);
    expect(read(dir, CHANGE)).toBe(before);
    // and the other writers refuse the same way
    const incidents = read(dir, "incidents/2026-11.yaml");
    const update = runTam(["incident", "update", "INC-0053", "--closed", "2026-11-18T10:00:00+03:00", ...AS_OF, "-C", dir], {
      env: { GIT_CONFIG_GLOBAL: "/dev/null", HOME: mkdtempSync(join(tmpdir(), "tam-home-")) },
    });
    expect(update.code).toBe(2);
    noStack(update.stderr);
    expect(read(dir, "incidents/2026-11.yaml")).toBe(incidents);
    const review = runTam(["docs", "review", "network", "--by", "I K", ...AS_OF, "-C", dir], { env: { GIT_CONFIG_GLOBAL: "/dev/null", HOME: mkdtempSync(join(tmpdir(), "tam-home-")) } });
    expect(review.code).toBe(2);
    noStack(review.stderr);
  });

  it("a commit failing after the write leaves a valid tree and says how to finish", () => {
    const dir = repo();
    // Another git process holds the index: `git add` fails after tam wrote the file.
    writeFileSync(join(dir, ".git/index.lock"), "");
    const result = runTam(["task", "start", "CHG-0004/T1", "--by", "R Z", ...AS_OF, "-C", dir]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/the file was written; commit it by hand/);
    noStack(result.stderr);
    expect(read(dir, CHANGE)).toMatch(/- id: T1[\s\S]*status: in-progress/);
    expect(runTam(["validate", "-C", dir]).code).toBe(0);
    expect(leftovers(dir)).toEqual([]);
  });

  it("commits only the file it wrote: other staged and modified files stay as they were", () => {
    const dir = repo();
    writeFileSync(join(dir, "tam.yaml"), `${read(dir, "tam.yaml")}# staged edit\n`);
    git(dir, ["add", "tam.yaml"]);
    writeFileSync(join(dir, "architecture.yaml"), `${read(dir, "architecture.yaml")}# unstaged edit\n`);
    expect(runTam(["task", "start", "CHG-0004/T1", "--by", "R Z", ...AS_OF, "-C", dir]).code).toBe(0);
    expect(git(dir, ["show", "--name-only", "--format=", "HEAD"]).trim()).toBe(CHANGE);
    expect(git(dir, ["diff", "--cached", "--name-only"]).trim()).toBe("tam.yaml");
    expect(git(dir, ["diff", "--name-only"]).trim()).toBe("architecture.yaml");
  });

  it("runs the repository's commit hooks as git commit would (core.hooksPath over .git/hooks), no other hook, and none with --no-verify", () => {
    const dir = repo();
    const markers = mkdtempSync(join(tmpdir(), "tam-markers-"));
    const hooks = ["pre-commit", "prepare-commit-msg", "commit-msg", "post-commit", "pre-auto-gc", "post-index-change"];
    for (const folder of [".git/hooks", ".githooks"]) {
      mkdirSync(join(dir, folder), { recursive: true });
      for (const hook of hooks) {
        const path = join(dir, folder, hook);
        writeFileSync(path, `#!/bin/sh\ntouch "${markers}/${folder.replace(/\W/g, "")}-${hook}"\nexit 0\n`);
        chmodSync(path, 0o755);
      }
    }
    git(dir, ["config", "core.hooksPath", ".githooks"]);
    // The .githooks folder is the user's: committed, so that tam's writes find the tree clean around them.
    git(dir, ["add", ".githooks"]);
    git(dir, ["commit", "-q", "-m", "hooks", "--no-verify"]);
    for (const f of readdirSync(markers)) rmSync(join(markers, f));
    const start = head(dir);
    expect(runTam(["task", "start", "CHG-0004/T1", "--by", "R Z", ...AS_OF, "-C", dir]).code).toBe(0);
    expect(readdirSync(markers).sort()).toEqual(["githooks-commit-msg", "githooks-post-commit", "githooks-pre-commit", "githooks-prepare-commit-msg"]);
    for (const f of readdirSync(markers)) rmSync(join(markers, f));
    expect(runTam(["docs", "review", "network", "--by", "I K", "--no-verify", ...AS_OF, "-C", dir]).code).toBe(0);
    expect(git(dir, ["rev-list", "--count", `${start}..HEAD`]).trim()).toBe("2");
    expect(readdirSync(markers)).toEqual([]);
  });
});
