// --no-verify on every write the later issues added (rebaseline, incident notify, rec, meeting, task sync,
// incident review and action):
// a refusing pre-commit hook is skipped, and the commit message records it (issue 35).
import { chmodSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../../src/cli.js";
import { committedCopy, EXAMPLE, git } from "../../helpers/run.js";

async function tam(args: string[]): Promise<{ code: number; err: string }> {
  let err = "";
  const code = await main(["node", "tam", ...args], { out: () => {}, err: (t) => void (err += t) });
  return { code, err };
}

const WRITES: [string, string[]][] = [
  ["change rebaseline", ["change", "rebaseline", "CHG-0004", "--reason", "the shelf arrives later", "--as-of", "2026-11-21T10:00:00+03:00"]],
  ["incident notify", ["incident", "notify", "INC-0056", "--format", "text", "--as-of", "2026-11-20T12:00:00+03:00"]],
  ["rec present", ["rec", "present", "REC-006", "--as-of", "2026-11-21"]],
  ["task escalate", ["task", "escalate", "CHG-0002/T4", "--format", "text", "--as-of", "2026-11-20T12:00:00+03:00"]],
  ["incident escalate", ["incident", "escalate", "INC-0056", "--format", "text", "--as-of", "2026-11-20T12:00:00+03:00"]],
  ["meeting new", ["meeting", "new", "--attendee", "Elena Smirnova", "--as-of", "2026-11-21"]],
  ["meeting action add", ["meeting", "action", "add", "MTG-2026-10-30", "--text", "x", "--owner", "Oleg Ivanov", "--due", "2026-11-30", "--as-of", "2026-11-21"]],
  ["meeting action done", ["meeting", "action", "done", "MTG-2026-10-30/A2", "--as-of", "2026-11-21"]],
  ["incident review", ["incident", "review", "INC-0019", "--held", "2026-11-20", "--by", "Anna Volkova", "--cause", "Tunnel renegotiation", "--as-of", "2026-11-20"]],
  ["incident action", ["incident", "action", "INC-0004/A2", "done", "--note", "budget approved", "--as-of", "2026-11-21"]],
];

describe.each(WRITES)("%s", (_name, args) => {
  it("runs the repository's hooks, and --no-verify skips them on record", async () => {
    const dir = committedCopy(EXAMPLE);
    const hook = join(dir, ".git/hooks/pre-commit");
    writeFileSync(hook, "#!/bin/sh\necho 'policy says no'\nexit 1\n");
    chmodSync(hook, 0o755);
    const refused = await tam([...args, "-C", dir]);
    expect(refused.code, refused.err).toBe(2);
    expect(refused.err).toContain("the pre-commit hook refused the commit");
    const skipped = await tam([...args, "--no-verify", "-C", dir]);
    expect(skipped.code, skipped.err).toBe(0);
    expect(git(dir, ["log", "-1", "--format=%B"])).toContain("Git-Hooks: skipped by --no-verify");
  });
});
