// tam rec through the CLI: exit codes, one-line reports and JSON, refusals without a stack trace.
import { rmSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { committedCopy, EXAMPLE, git, headOf, runTam } from "../helpers/run.js";

const dir = committedCopy(EXAMPLE);
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const AS_OF = ["--as-of", "2026-11-20"];

describe("tam rec", () => {
  it("lists the register as JSON, deterministic under --as-of", () => {
    const run = runTam(["rec", "list", "-C", EXAMPLE, ...AS_OF, "--format", "json"]);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as { version: number; recommendations: { recommendation: string; state: string }[] };
    expect(json.version).toBe(1);
    expect(json.recommendations.map((r) => r.state)).toEqual(["accepted", "done", "risk-accepted", "to-review", "presented", "proposed"]);
    expect(runTam(["rec", "list", "-C", EXAMPLE, ...AS_OF, "--format", "json"]).stdout).toBe(run.stdout);
  });

  it("presents, then declines, each in one commit, and says so in one line", () => {
    const present = runTam(["rec", "present", "REC-006", "-C", dir, ...AS_OF, "--meeting", "2026-11 monthly review", "--by", "Anna Volkova"]);
    expect(present.code).toBe(0);
    expect(present.stdout).toMatch(
      /^Recorded as presented REC-006 in recommendations.yaml: presented 2026-11-20 \(2026-11 monthly review\): awaiting the client's decision \(commit [0-9a-f]{7,}\)\.\n$/,
    );
    const decline = runTam(["rec", "decline", "REC-006", "-C", dir, ...AS_OF, "--decision-maker", "Elena Smirnova", "--review", "2027-05-01", "--format", "json"]);
    expect(decline.code).toBe(0);
    expect(JSON.parse(decline.stdout)).toMatchObject({ action: "decline", recommendation: { state: "risk-accepted", acceptedBy: "Elena Smirnova", review: "2027-05-01" } });
    expect(git(dir, ["log", "--format=%s", "-2"]).trim().split("\n")).toEqual(["rec: decline REC-006 (Elena Smirnova, review 2027-05-01)", "rec: present REC-006 (2026-11-20)"]);
  });

  it("refuses with exit 2 and a message, writing nothing", () => {
    const head = headOf(dir);
    for (const [args, message] of [
      [["accept", "REC-005", "--change", "CHG-0099"], /--change "CHG-0099": no such change/],
      [["decline", "REC-005", "--review", "2027-05-01"], /--decision-maker: who on the client's side/],
      [["decline", "REC-005", "--decision-maker", "Elena Smirnova"], /--review: the date to review/],
      [["add", "--id", "REC-001", "--author", "Kirill Popov", "--title", "x"], /REC-001 already exists/],
    ] as [string[], RegExp][]) {
      const run = runTam(["rec", ...args, "-C", dir, ...AS_OF]);
      expect(run.code, args.join(" ")).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
    expect(headOf(dir)).toBe(head);
  });
});
