import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { copyProject, EXAMPLE, git, initRepo, runTam } from "../helpers/run.js";

describe("tam change notify", () => {
  it("prints the notice, records it as last_notice in one commit, and tam status no longer calls it news", () => {
    const dir = copyProject(EXAMPLE);
    initRepo(dir);
    git(dir, ["add", "."]);
    git(dir, ["commit", "-q", "-m", "start"]);
    const before = runTam(["status", "-C", dir, "--as-of", "2026-11-20"]);
    expect(before.stdout).toContain("Not told to the client yet\n  CHG-0002: T4 blocked, T3 late, T5 late, T7 late; no notice sent yet");
    const notice = runTam(["change", "notify", "CHG-0002", "-C", dir, "--format", "text", "--by", "Anna Volkova", "--as-of", "2026-11-20T17:00:00+03:00"]);
    expect(notice.code).toBe(0);
    expect(notice.stdout).toMatch(/^CHG-0002 Put a WAF in front of the web shop: status update of 2026-11-20\n/);
    expect(notice.stderr).toMatch(/recorded the notice in changes\/CHG-0002.yaml as last_notice 2026-11-20T17:00:00\+03:00 \(commit [0-9a-f]+\)/);
    expect(readFileSync(join(dir, "changes/CHG-0002.yaml"), "utf8")).toContain("last_notice:\n  at: 2026-11-20T17:00:00+03:00\n  by: Anna Volkova\n  late: [T3, T5, T7]\n  blocked: [T4]\n");
    expect(git(dir, ["show", "--name-only", "--format=%s", "HEAD"]).trim().split("\n")).toEqual(["CHG-0002: client notice", "", "changes/CHG-0002.yaml"]);
    const after = runTam(["status", "-C", dir, "--as-of", "2026-11-20"]);
    expect(after.stdout).not.toContain("Not told to the client yet");
  });
});
