// tam meeting through the CLI: exit codes, one-line reports and JSON, refusals without a stack trace.
import { rmSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { committedCopy, EXAMPLE, git, headOf, runTam } from "../helpers/run.js";

const dir = committedCopy(EXAMPLE);
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const AS_OF = ["--as-of", "2026-11-20"];

describe("tam meeting", () => {
  it("lists the minutes as JSON, deterministic under --as-of", () => {
    const run = runTam(["meeting", "list", "-C", EXAMPLE, ...AS_OF, "--format", "json"]);
    expect(run.code, run.stderr).toBe(0);
    const json = JSON.parse(run.stdout) as { version: number; meetings: { id: string; actions: { ref: string; state: string }[] }[] };
    expect(json.version).toBe(1);
    expect(json.meetings[0]!.actions.map((a) => a.state)).toEqual(["kept", "overdue", "kept", "open"]);
    expect(runTam(["meeting", "list", "-C", EXAMPLE, ...AS_OF, "--format", "json"]).stdout).toBe(run.stdout);
  });

  it("records a meeting, an action item and its completion, each in one commit, and says so in one line", () => {
    const made = runTam(["meeting", "new", "-C", dir, ...AS_OF, "--attendee", "Elena Smirnova", "--attendee", "Anna Volkova", "--rec", "REC-006", "--decision", "NAS alerting goes ahead"]);
    expect(made.code, made.stderr).toBe(0);
    expect(made.stdout).toMatch(
      /^Recorded meeting MTG-2026-11-20 \(2026-11-20\) in meetings.yaml and recommendations.yaml: 2 attendees, 1 decision, REC-006 recorded as presented \(commit [0-9a-f]{7,}\)\.\n$/,
    );
    const added = runTam(["meeting", "action", "add", "MTG-2026-11-20", "-C", dir, ...AS_OF, "--text", "Price the NAS alerting", "--owner", "Kirill Popov", "--due", "2026-11-27"]);
    expect(added.stdout).toMatch(/^Added MTG-2026-11-20\/A1 for Kirill Popov \(provider side\), due 2026-11-27: Price the NAS alerting \(commit/);
    const done = runTam(["meeting", "action", "done", "MTG-2026-11-20/A1", "-C", dir, "--as-of", "2026-11-30", "--date", "2026-11-28", "--format", "json"]);
    expect(done.code, done.stderr).toBe(0);
    expect(JSON.parse(done.stdout)).toMatchObject({ action: "action-done", files: ["meetings.yaml"], item: { ref: "MTG-2026-11-20/A1", state: "late", daysLate: 1 } });
    expect(git(dir, ["log", "--format=%s", "-3"]).trim().split("\n")).toEqual([
      "meeting: MTG-2026-11-20/A1 done 2026-11-28",
      "meeting: MTG-2026-11-20/A1 Kirill Popov, due 2026-11-27",
      "meeting: MTG-2026-11-20 minutes (presented REC-006)",
    ]);
  });

  it("refuses with exit 2 and a message, writing nothing", () => {
    const head = headOf(dir);
    for (const [args, message] of [
      [["new", "--attendee", "Oleg Ivanv"], /did you mean "Oleg Ivanov"/],
      [["new", "--from-report", "no-such-report.md"], /--from-report: "no-such-report.md" is not a readable file/],
      [["action", "add", "MTG-2026-10-30", "--text", "x", "--owner", "Oleg Ivanov"], /--due: the date it is due is required/],
      [["action", "done", "MTG-2026-10-30/A1"], /is done already/],
    ] as [string[], RegExp][]) {
      const run = runTam(["meeting", ...args, "-C", dir, ...AS_OF]);
      expect(run.code, args.join(" ")).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
    expect(headOf(dir)).toBe(head);
  });
});
