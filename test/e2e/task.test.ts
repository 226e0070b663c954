import { spawn } from "node:child_process";
import { appendFileSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BIN, FIXTURES, git, runTam, committedCopy } from "../helpers/run.js";

const FILE = "changes/CHG-0002.yaml";

const repo = (): string => committedCopy(join(FIXTURES, "plan-landscape"), "start");

describe("tam task", () => {
  it("done: every other line byte-identical, exactly one commit touching only that file, other changes left alone", () => {
    const dir = repo();
    const before = readFileSync(join(dir, FILE), "utf8");
    appendFileSync(join(dir, "architecture.yaml"), "# uncommitted edit\n");
    const result = runTam(["task", "done", "CHG-0002/T1", "-C", dir, "--as-of", "2026-11-20T14:05:00+03:00", "--by", "Oleg", "--note", "Rule in place"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("CHG-0002/T1 network: in-progress → done by Oleg at 2026-11-20T14:05:00+03:00");
    const after = readFileSync(join(dir, FILE), "utf8");
    const beforeLines = before.split("\n");
    const afterLines = after.split("\n");
    const statusLine = beforeLines.indexOf("    status: in-progress");
    const historyEnd = beforeLines.findIndex((l) => l.includes("# flow style kept")) + 1;
    expect(afterLines.slice(0, statusLine)).toEqual(beforeLines.slice(0, statusLine));
    expect(afterLines[statusLine]).toBe("    status: done");
    expect(afterLines.slice(statusLine + 1, historyEnd)).toEqual(beforeLines.slice(statusLine + 1, historyEnd));
    expect(afterLines.slice(historyEnd, historyEnd + 4)).toEqual(["      - at: 2026-11-20T14:05:00+03:00", "        status: done", "        by: Oleg", "        note: Rule in place"]);
    expect(afterLines.slice(historyEnd + 4)).toEqual(beforeLines.slice(historyEnd));

    expect(git(dir, ["rev-list", "--count", "HEAD"]).trim()).toBe("2");
    expect(git(dir, ["show", "--name-only", "--format=%s", "HEAD"]).trim().split("\n")).toEqual(["CHG-0002/T1 network: done", "", FILE]);
    expect(git(dir, ["status", "--porcelain"]).trim()).toBe("M architecture.yaml");
  });

  it("refuses to start a task whose predecessors are not done unless --force with --reason, recorded in the history", () => {
    const dir = repo();
    const refused = runTam(["task", "start", "CHG-0002/T2", "-C", dir, "--by", "Vera"]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("T2 waits for T1 (in-progress)");
    expect(runTam(["task", "start", "CHG-0002/T2", "-C", dir, "--force"]).stderr).toContain("--force needs --reason");
    const forced = runTam(["task", "start", "CHG-0002/T2", "-C", dir, "--force", "--reason", "agreed with Oleg", "--by", "Vera", "--no-commit", "--as-of", "2026-11-20"]);
    expect(forced.code).toBe(0);
    expect(readFileSync(join(dir, FILE), "utf8")).toContain('forced: "started before T1 (in-progress): agreed with Oleg"');
    expect(git(dir, ["rev-list", "--count", "HEAD"]).trim()).toBe("1");
  });

  it("block needs a note and status shows it; unblock returns to the previous state", () => {
    const dir = repo();
    expect(runTam(["task", "block", "CHG-0002/T1", "-C", dir]).code).toBe(2);
    expect(runTam(["task", "block", "CHG-0002/T1", "-C", dir, "--note", "waiting for the office IP", "--as-of", "2026-11-20"]).code).toBe(0);
    const status = runTam(["status", "-C", dir, "--as-of", "2026-11-20", "-f", "json"]);
    const row = JSON.parse(status.stdout).changes.find((c: { id: string }) => c.id === "CHG-0002");
    expect(row.blocked[0]).toMatchObject({ id: "T1", note: "waiting for the office IP" });
    expect(runTam(["task", "unblock", "CHG-0002/T1", "-C", dir, "--as-of", "2026-11-20"]).stdout).toContain("blocked → in-progress");
    expect(git(dir, ["log", "--format=%s"]).trim().split("\n").slice(0, 2)).toEqual(["CHG-0002/T1 network: unblocked", "CHG-0002/T1 network: blocked"]);
  });

  it("two concurrent updates of one change both land", async () => {
    const dir = repo();
    const run = (args: string[]) =>
      new Promise<number>((resolve) => {
        const child = spawn(process.execPath, [BIN, ...args], { cwd: dir, env: { ...process.env, NO_COLOR: "1" }, stdio: "ignore" });
        child.on("close", (code) => resolve(code ?? -1));
      });
    const codes = await Promise.all([
      run(["task", "done", "CHG-0002/T1", "--by", "A", "--as-of", "2026-11-20"]),
      run(["task", "cancel", "CHG-0002/T2", "--by", "B", "--as-of", "2026-11-20", "--force", "--reason", "the office checks it"]),
    ]);
    expect(codes).toEqual([0, 0]);
    const text = readFileSync(join(dir, FILE), "utf8");
    expect(text).toContain("by: A");
    expect(text).toContain("by: B");
    expect(git(dir, ["rev-list", "--count", "HEAD"]).trim()).toBe("3");
    expect(git(dir, ["status", "--porcelain"]).trim()).toBe("");
  });
});
