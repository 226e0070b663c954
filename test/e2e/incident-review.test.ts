// tam incident review / action and the incident loop's findings, end to end with the built CLI on a copy of the example.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { committedCopy, EXAMPLE, git, runTam } from "../helpers/run.js";

describe("the incident loop end to end", () => {
  it("a review of the breached P2 clears its missing-review finding; its action shows in status until done", () => {
    const dir = committedCopy(EXAMPLE);
    const before = runTam(["validate", "--as-of", "2026-11-20", "--format", "json", "-C", dir]);
    const codes = (text: string) => (JSON.parse(text).issues as { code: string; message: string }[]).filter((i) => i.message.includes("INC-0019")).map((i) => i.code);
    expect(codes(before.stdout)).toEqual(["missing-review"]);

    const review = runTam([
      "incident",
      "review",
      "INC-0019",
      "--held",
      "2026-11-20",
      "--by",
      "Anna Volkova",
      "--cause",
      "Tunnel renegotiation",
      "--action",
      "Monitor the tunnel;network;provider;2026-11-27",
      "--as-of",
      "2026-11-20",
      "-C",
      dir,
    ]);
    expect(review.stderr).toBe("");
    expect(review.code).toBe(0);
    expect(review.stdout).toMatch(/^INC-0019: review held 2026-11-20 by Anna Volkova, reviews\/INC-0019\.md \(commit [0-9a-f]+\)\n {2}A1 Monitor the tunnel \(network, provider, due 2026-11-27\)\n$/);
    expect(git(dir, ["show", "--name-only", "--format=", "HEAD"]).trim().split("\n")).toEqual(["incidents/2026-09.yaml", "reviews/INC-0019.md"]);
    expect(readFileSync(join(dir, "reviews/INC-0019.md"), "utf8")).toContain("| A1 | Monitor the tunnel | network | provider | 2026-11-27 | open |");
    expect(codes(runTam(["validate", "--as-of", "2026-11-20", "--format", "json", "-C", dir]).stdout)).toEqual([]);
    // A week later the action is overdue: validate says so, status lists it under its owner.
    expect(codes(runTam(["validate", "--as-of", "2026-11-30", "--format", "json", "-C", dir]).stdout)).toEqual(["action-overdue"]);
    const status = JSON.parse(runTam(["status", "--as-of", "2026-11-30", "--format", "json", "-C", dir]).stdout);
    expect(status.reviews.actions.find((o: { owner: string }) => o.owner === "network").actions).toEqual([
      { incident: "INC-0019", id: "A1", text: "Monitor the tunnel", owner: "network", side: "provider", due: "2026-11-27", overdueDays: 3 },
    ]);

    const done = runTam(["incident", "action", "INC-0019/A1", "done", "--note", "Zabbix item added", "--as-of", "2026-11-30", "-C", dir]);
    expect(done.stdout).toMatch(/^INC-0019\/A1 network: done 2026-11-30 \(commit [0-9a-f]+\)\n$/);
    expect(codes(runTam(["validate", "--as-of", "2026-11-30", "--format", "json", "-C", dir]).stdout)).toEqual([]);

    // Bad input: a usage error naming the argument, exit 2, nothing written.
    const head = git(dir, ["rev-parse", "HEAD"]);
    const bad = runTam(["incident", "review", "INC-0049", "--action", "Rate limit;;provider;2026-11-30", "--as-of", "2026-11-20", "-C", dir]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--action "Rate limit;;provider;2026-11-30": the action has no owner/);
    expect(bad.stderr).not.toMatch(/\bat .*\.js:\d+/);
    expect(git(dir, ["rev-parse", "HEAD"])).toBe(head);
    expect(git(dir, ["status", "--porcelain"]).trim()).toBe("");
  });
});
