// The write transaction in-process (git runs, tam is not spawned): refusals before writing,
// "nothing to change", re-validation against new errors only, the lock's takeover and its
// "held by", encodings kept byte for byte by every writer, read-only files and folders.
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runChangeNew } from "../../../src/commands/change-new.js";
import { runChangePlan } from "../../../src/commands/change-plan.js";
import type { Output } from "../../../src/commands/context.js";
import { runDocsReview } from "../../../src/commands/docs-review.js";
import { runIncidentAdd } from "../../../src/commands/incident-add.js";
import { runIncidentUpdate } from "../../../src/commands/incident-update.js";
import { runTask } from "../../../src/commands/task.js";
import { ProjectError, UsageError } from "../../../src/errors.js";
import { editFiles } from "../../../src/project/transaction.js";
import { copyProject, EXAMPLE, git, committedCopy, headOf } from "../../helpers/run.js";

const CHANGE = "changes/CHG-0004.yaml";
const AS_OF = "2026-11-20T10:00:00+03:00";
const read = (dir: string, file: string) => readFileSync(join(dir, file), "utf8");
const head = headOf;

const repo = (): string => committedCopy(EXAMPLE);

function sink(): Output & { text: () => string } {
  const lines: string[] = [];
  return { out: (t) => lines.push(t), err: (t) => lines.push(t), text: () => lines.join("\n") };
}

// Git identity for the in-process commits (the helpers' git() sets it per call; tam's own git reads the environment).
process.env.GIT_AUTHOR_NAME = "Test Author";
process.env.GIT_AUTHOR_EMAIL = "author@example.com";
process.env.GIT_COMMITTER_NAME = "Test Author";
process.env.GIT_COMMITTER_EMAIL = "author@example.com";

const startT1 = (dir: string, extra: Record<string, unknown> = {}, output = sink()) => runTask({ project: dir }, "start", "CHG-0004/T1", { by: "R Z", asOf: AS_OF, ...extra }, output);

describe("refusals before writing", () => {
  it("refuses a target with uncommitted changes tam did not make, naming the file and the way out", async () => {
    const dir = repo();
    const draft = read(dir, CHANGE).replace("title: Expand SAN capacity", "title: DRAFT Expand SAN capacity");
    writeFileSync(join(dir, CHANGE), draft);
    const start = head(dir);
    await expect(startT1(dir)).rejects.toThrow(/changes\/CHG-0004\.yaml has uncommitted changes that tam did not make: commit or stash them first.*--include-local-changes.*nothing was written/);
    expect(read(dir, CHANGE)).toBe(draft);
    expect(head(dir)).toBe(start);

    // Taken along on request, and the commit message says so.
    expect(await startT1(dir, { includeLocalChanges: true })).toBe(0);
    expect(git(dir, ["log", "-1", "--format=%B"])).toMatch(/Also commits local changes to changes\/CHG-0004\.yaml .*--include-local-changes/);
    expect(git(dir, ["show", "HEAD:changes/CHG-0004.yaml"])).toContain("DRAFT Expand");
    expect(git(dir, ["status", "--porcelain"]).trim()).toBe("");
  });

  it("a --no-commit write is tam's own: the next committing write takes it along and says so", async () => {
    const dir = repo();
    expect(await startT1(dir, { commit: false })).toBe(0);
    const output = sink();
    expect(await runTask({ project: dir }, "done", "CHG-0004/T1", { by: "R Z", asOf: AS_OF }, output)).toBe(0);
    expect(git(dir, ["log", "-1", "--format=%B"])).toMatch(/earlier uncommitted \(--no-commit\) edit of changes\/CHG-0004\.yaml/);
    expect(git(dir, ["status", "--porcelain"]).trim()).toBe("");
  });

  it("the same update twice: the second says there is nothing to change and makes no commit", async () => {
    const dir = repo();
    const update = () => runIncidentUpdate({ project: dir }, "INC-0053", { closed: "2026-11-18T10:00:00+03:00", commit: true, asOf: AS_OF }, output);
    let output = sink();
    expect(await update()).toBe(0);
    expect(output.text()).toMatch(/committed [0-9a-f]+: incident INC-0053/);
    const first = head(dir);
    output = sink();
    expect(await update()).toBe(0);
    expect(output.text()).toMatch(/nothing to change.*no commit/);
    expect(output.text()).not.toMatch(/committed/);
    expect(head(dir)).toBe(first);

    const review = () => runDocsReview({ project: dir }, "network", { by: "I K", date: "2026-11-19", asOf: AS_OF, commit: true }, output);
    expect(await review()).toBe(0);
    const reviewed = head(dir);
    output = sink();
    expect(await review()).toBe(0);
    expect(output.text()).toMatch(/already recorded.*nothing to change, no commit/);
    expect(head(dir)).toBe(reviewed);
  });

  it("refuses an edit that brings a new error; errors already in other files are a warning", async () => {
    const dir = repo();
    const start = head(dir);
    await expect(editFiles({ root: dir }, [{ path: CHANGE, edit: (text) => text!.replace("department: backup", "department: no-such-department") }], { message: "x", commit: true })).rejects.toThrow(
      ProjectError,
    );
    expect(head(dir)).toBe(start);
    expect(git(dir, ["status", "--porcelain"]).trim()).toBe("");

    // One broken draft change no longer stops every task update in the project.
    writeFileSync(join(dir, "changes/CHG-0009.yaml"), "id: CHG-0009\ntitle: half-written draft\nstatus: nonsense\n");
    git(dir, ["add", "-A"]);
    git(dir, ["commit", "-q", "-m", "a broken draft"]);
    const output = sink();
    expect(await startT1(dir, {}, output)).toBe(0);
    expect(output.text()).toMatch(/warning: the project already has \d+ errors? in changes\/CHG-0009\.yaml/);
    expect(git(dir, ["show", "--name-only", "--format=", "HEAD"]).trim()).toBe(CHANGE);
  });
});

describe("the write lock", () => {
  it("says who holds it when --wait runs out, and takes over the lock of a dead process", async () => {
    const dir = repo();
    const holder = { pid: process.pid, host: hostname(), since: "2026-11-20T07:00:00.000Z", command: "tam task done CHG-0004/T2", by: "Sergey Belov", nonce: "someone-else" };
    writeFileSync(join(dir, "tam.yaml.lock"), JSON.stringify(holder));
    const error = await startT1(dir, { wait: 0 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect(String(error)).toMatch(/`tam task done CHG-0004\/T2` \(pid \d+, by Sergey Belov, since 2026-11-20T07:00:00.000Z\).*--wait SECONDS.*tam\.yaml\.lock/);

    // The same lock left by a process that no longer runs is taken over at once.
    writeFileSync(join(dir, "tam.yaml.lock"), JSON.stringify({ ...holder, pid: 2 ** 22 + 17 }));
    expect(await startT1(dir, { wait: 0 })).toBe(0);
    expect(() => read(dir, "tam.yaml.lock")).toThrow();
  });
});

describe("read-only files and folders, and a folder where a file should be", () => {
  const restore: string[] = [];
  afterEach(() => {
    for (const path of restore.splice(0)) chmodSync(path, 0o755);
  });

  it("names the user's file, not a temporary or lock file, and writes nothing", async () => {
    const dir = repo();
    chmodSync(join(dir, "docs.yaml"), 0o444);
    restore.push(join(dir, "docs.yaml"));
    const review = runDocsReview({ project: dir }, "network", { by: "I K", date: "2026-11-19", asOf: AS_OF, commit: true }, sink());
    await expect(review).rejects.toThrow(/cannot write docs\.yaml: the file is read-only.*nothing was written/);

    chmodSync(join(dir, "incidents"), 0o555);
    restore.push(join(dir, "incidents"));
    const add = runIncidentAdd({ project: dir }, { title: "New month", priority: "P4", opened: "2026-12-01T10:00:00+03:00", commit: true, asOf: "2026-12-01T12:00:00+03:00" }, sink());
    await expect(add).rejects.toThrow(/cannot write incidents\/2026-12\.yaml: its folder incidents is read-only/);
    expect(git(dir, ["status", "--porcelain"]).trim()).toBe("");

    mkdirSync(join(dir, "changes/CHG-0042.yaml"));
    const made = runChangeNew({ project: dir }, { id: "CHG-0042", title: "x", yes: true, commit: false } as never, sink());
    await expect(made).rejects.toThrow(/CHG-0042/);
  });
});

describe("encodings: BOM, CRLF and the final newline are kept by every writer", () => {
  /** The file as `before` with a BOM and CRLF line ends, and optionally without its final newline. */
  function encode(dir: string, file: string, finalNewline = true): string {
    let text = `\ufeff${read(dir, file).replace(/\n/g, "\r\n")}`;
    if (!finalNewline) text = text.replace(/\r\n$/, "");
    writeFileSync(join(dir, file), text);
    return text;
  }
  function expectKept(before: string, after: string, finalNewline = true) {
    expect(after).not.toBe(before);
    expect(after.startsWith("\ufeff")).toBe(true);
    expect(after.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    expect(after.endsWith("\r\n")).toBe(finalNewline);
    // Every line that was there is still there, in order.
    const lines = after.split("\r\n");
    let at = 0;
    for (const line of before.split("\r\n")) {
      at = lines.indexOf(line, at);
      expect(at, line).toBeGreaterThanOrEqual(0);
    }
  }
  const plain = () => copyProject(EXAMPLE);

  it("task, docs review, incident update and add, change plan --write", async () => {
    const dir = plain();
    let before = encode(dir, CHANGE, false);
    expect(await startT1(dir, { commit: false })).toBe(0);
    // The change follows its first started task (approved → in-progress) in the same edit.
    expectKept(before.replace("    status: todo\r\n", "").replace("status: approved\r\n", ""), read(dir, CHANGE), false);

    before = encode(dir, "docs.yaml");
    expect(await runDocsReview({ project: dir }, "network", { by: "I K", date: "2026-11-19", asOf: AS_OF, commit: false }, sink())).toBe(0);
    expectKept(before.replace("      date: 2026-06-02\r\n      by: Igor Kuznetsov\r\n      note: VLAN 120 renumbering.\r\n", ""), read(dir, "docs.yaml"));

    before = encode(dir, "incidents/2026-11.yaml", false);
    expect(await runIncidentUpdate({ project: dir }, "INC-0053", { closed: "2026-11-18T10:00:00+03:00", commit: false, asOf: AS_OF }, sink())).toBe(0);
    expectKept(before.replace("    status: resolved\r\n", ""), read(dir, "incidents/2026-11.yaml"), false);
    before = read(dir, "incidents/2026-11.yaml");
    expect(await runIncidentAdd({ project: dir }, { title: "CRLF", priority: "P4", opened: "2026-11-19T10:00:00+03:00", commit: false, asOf: AS_OF }, sink())).toBe(0);
    expectKept(before, read(dir, "incidents/2026-11.yaml"), false);

    before = encode(dir, "changes/CHG-0003.yaml");
    expect(await runChangePlan({ project: dir }, "CHG-0003", { format: "json", asOf: "2026-11-20", write: true, commit: false }, sink())).toBe(0);
    expectKept(before.replace("status: draft\r\n", ""), read(dir, "changes/CHG-0003.yaml"));
  });
});

describe("the pure parts", () => {
  it("new errors are those the project did not have, wherever the edit moved their lines", async () => {
    const { newErrors } = await import("../../../src/project/transaction.js");
    const issue = (file: string, line: number, message = "unknown department x") => ({ severity: "error" as const, code: "unknown-reference", message, file, line, col: 3 });
    expect(newErrors([issue("a.yaml", 3)], [issue("a.yaml", 9)])).toEqual([]);
    expect(newErrors([issue("a.yaml", 3)], [issue("a.yaml", 3), issue("a.yaml", 12)])).toEqual([issue("a.yaml", 12)]);
    expect(newErrors([], [issue("b.yaml", 1, "duplicate id T1 (also at b.yaml:4:5)")])).toHaveLength(1);
    expect(newErrors([issue("b.yaml", 1, "duplicate id T1 (also at b.yaml:4:5)")], [issue("b.yaml", 2, "duplicate id T1 (also at b.yaml:7:5)")])).toEqual([]);
  });

  it("encodings round-trip: BOM, CRLF, a missing final newline", async () => {
    const { encodingOf, fromEditable } = await import("../../../src/project/transaction.js");
    const raw = "\ufeffa: 1\r\nb: 2";
    const encoding = encodingOf(raw);
    expect(encoding).toEqual({ bom: true, crlf: true, finalNewline: false });
    expect(fromEditable("a: 1\nb: 2\nc: 3\n", encoding)).toBe("\ufeffa: 1\r\nb: 2\r\nc: 3");
    // Mixed line ends are left as they are (edited as written).
    expect(encodingOf("a: 1\r\nb: 2\n").crlf).toBe(false);
  });
});
