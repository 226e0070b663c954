// Every command of the command table prints through the `output` main() is given, never to the
// process's own streams: the in-process corpus, the fuzz runs and a library caller capture all of it
// (issue 26: four actions once dropped `output`, and their text leaked to the real stdout).
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { COMMANDS, main } from "../../../src/cli.js";
import { committedCopy, EXAMPLE, REPO } from "../../helpers/run.js";

const dir = committedCopy(EXAMPLE);
const scratch = mkdtempSync(join(tmpdir(), "tam-output-"));
const syncCsv = join(scratch, "jira.csv");
writeFileSync(syncCsv, "Summary,Status\n[CHG-0002/T1] network,Done\n");
const AS_OF = ["--as-of", "2026-11-20T10:00:00+03:00"];

/** One call of each command (its path joined by spaces), run in the example's copy unless it names its own folder. */
const CALLS: Record<string, string[]> = {
  validate: [],
  init: [join(scratch, "new"), "--client", "ACME Corp", "--tam", "Irina Petrova", "--timezone", "Europe/Moscow", "--yes", "--no-git"],
  schema: ["change"],
  "change plan": ["CHG-0003", ...AS_OF],
  "change check": ["CHG-0006", ...AS_OF],
  "change new": ["--title", "Redis", "--type", "normal", "--due", "2026-12-15", "--rollback", "Remove the VM", "--yes", "--no-commit", ...AS_OF],
  "change approve": ["CHG-0003", "--by", "Elena Smirnova", "--via", "client", "--no-commit", ...AS_OF],
  "change start": ["CHG-0003", "--no-commit", ...AS_OF],
  "change close": ["CHG-0003", "--outcome", "successful", "--note", "ok", "--no-commit", ...AS_OF],
  "change cancel": ["CHG-0004", "--note", "replaced", "--no-commit", ...AS_OF],
  "change reject": ["CHG-0006", "--note", "no budget", "--no-commit", ...AS_OF],
  "change rebaseline": ["CHG-0004", "--reason", "later shelf", "--no-commit", ...AS_OF],
  "change notify": ["CHG-0002", "--no-record", ...AS_OF],
  "change dispatch": ["CHG-0002", "--format", "jira-csv", ...AS_OF],
  "task start": ["CHG-0003/T1", "--no-commit", ...AS_OF],
  "task done": ["CHG-0003/T1", "--no-commit", ...AS_OF],
  "task block": ["CHG-0003/T2", "--note", "waiting", "--no-commit", ...AS_OF],
  "task unblock": ["CHG-0003/T2", "--no-commit", ...AS_OF],
  "task cancel": ["CHG-0003/T2", "--no-commit", ...AS_OF],
  "task sync": [syncCsv, "--preset", "jira", "--no-commit", ...AS_OF],
  "task escalate": ["CHG-0002/T4", "--no-record", ...AS_OF],
  status: AS_OF,
  portfolio: [EXAMPLE, ...AS_OF],
  "portfolio find": ["--product", "PostgreSQL", EXAMPLE],
  "docs check": AS_OF,
  "docs review": ["network", "--no-commit", ...AS_OF],
  "docs baseline": ["--no-commit", ...AS_OF],
  report: ["--period", "2026-10", ...AS_OF],
  "arch graph": [],
  "arch risks": AS_OF,
  "rec list": AS_OF,
  "rec add": ["--risk", "spof:shop-pg", "--no-commit", ...AS_OF],
  "rec present": ["REC-006", "--no-commit", ...AS_OF],
  "rec accept": ["REC-005", "--change", "CHG-0004", "--decision-maker", "Elena Smirnova", "--no-commit", ...AS_OF],
  "rec decline": ["REC-006", "--decision-maker", "Elena Smirnova", "--review", "2027-05-01", "--no-commit", ...AS_OF],
  "meeting list": AS_OF,
  "meeting new": ["--attendee", "Elena Smirnova", "--no-commit", ...AS_OF],
  "meeting action add": ["MTG-2026-10-30", "--text", "x", "--owner", "Oleg Ivanov", "--due", "2026-11-30", "--no-commit", ...AS_OF],
  "meeting action done": ["MTG-2026-10-30/A2", "--no-commit", ...AS_OF],
  "meeting action open": ["MTG-2026-10-30/A1", "--no-commit", ...AS_OF],
  "sla report": ["--period", "2026-10", ...AS_OF],
  "incident add": ["--title", "Shop returns 502", "--priority", "P2", "--yes", "--no-commit", ...AS_OF],
  "incident update": ["INC-0056", "--responded", "--no-commit", ...AS_OF],
  "incident review": ["INC-0056", "--cause", "controller", "--no-commit", ...AS_OF],
  "incident notify": ["INC-0056", "--no-record", ...AS_OF],
  "incident escalate": ["INC-0056", "--no-record", ...AS_OF],
  "incident action": ["INC-0004/A1", "done", "--note", "quote sent", "--no-commit", ...AS_OF],
  "incident import": [join(REPO, "test/fixtures/sla-import/events.csv"), "--mapping", join(REPO, "test/fixtures/sla-import/servicenow.yaml"), "--no-commit"],
  completion: ["bash"],
  __complete: ["change"],
};

afterEach(() => vi.restoreAllMocks());

describe("output", () => {
  it("has a call of every command of the table that runs", () => {
    expect(Object.keys(CALLS).sort()).toEqual(
      COMMANDS.filter((c) => c.run)
        .map((c) => c.path.join(" "))
        .sort(),
    );
  });

  it.each(Object.entries(CALLS))("tam %s writes only to the output it is given", async (name, args) => {
    const stdout = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
    const stderr = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    let printed = "";
    const sink = (text: string) => void (printed += text);
    await main(["node", "tam", ...name.split(" "), ...args, "-C", dir], { out: sink, err: sink });
    const leaked = [...stdout.mock.calls, ...stderr.mock.calls].map((call) => String(call[0]));
    vi.restoreAllMocks();
    expect(leaked, `printed through output: ${printed.slice(0, 300)}`).toEqual([]);
    expect(printed, "the command printed something").not.toBe("");
  });
});
