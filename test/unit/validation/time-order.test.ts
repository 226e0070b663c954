// Issue 29 (leftover): tam validate reports `history-order` on every list tam keeps in time order that a
// TAM may edit by hand, not only a change's histories: task and incident escalations, an incident's status
// history and client updates, and a review's date and its actions' done dates. One finding per list, at
// the entry that goes back, naming what it comes after.
import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../../src/cli.js";
import { copyProject, EXAMPLE, FIXTURES } from "../../helpers/run.js";

interface Finding {
  severity: string;
  code: string;
  file: string;
  line: number;
  message: string;
}

async function findings(dir: string): Promise<Finding[]> {
  let stdout = "";
  await main(["node", "tam", "validate", "-C", dir, "--as-of", "2026-12-05", "--format", "json"], { out: (t) => void (stdout += t), err: () => {} });
  return (JSON.parse(stdout) as { issues: Finding[] }).issues.filter((i) => i.code === "history-order");
}

/** The line of the entry marked `# MARK <name>` in `text`. */
const marked = (text: string, name: string) => text.split("\n").findIndex((l) => l.endsWith(`# MARK ${name}`)) + 1;

const TASK = "          licence extension from the SIEM vendor (quote sent to Pavel Orlov).\n";
const TASK_ESCALATIONS = `${TASK}    escalations:
      - { at: 2026-11-18T10:00:00+03:00, level: 1, to: Oleg Ivanov }
      - { at: 2026-11-17T10:00:00+03:00, level: 2, to: Oleg Ivanov }   # MARK task-escalations
`;

describe("validate: history-order on every list kept in time order", () => {
  it("one finding per list, at the entry that goes back, naming what it comes after", async () => {
    const dir = copyProject(EXAMPLE);
    copyFileSync(join(FIXTURES, "order/incidents-2026-12.yaml"), join(dir, "incidents/2026-12.yaml"));
    const change = join(dir, "changes/CHG-0002.yaml");
    const changeText = readFileSync(change, "utf8");
    expect(changeText).toContain(TASK);
    writeFileSync(change, changeText.replace(TASK, TASK_ESCALATIONS));
    const incidents = readFileSync(join(dir, "incidents/2026-12.yaml"), "utf8");
    const changed = readFileSync(change, "utf8");

    const found = await findings(dir);
    const at = (file: string, line: number) => found.filter((f) => f.file === file && f.line === line);
    const one = (file: string, text: string, mark: string) => {
      const line = marked(text, mark);
      expect(line, mark).toBeGreaterThan(0);
      const hits = at(file, line);
      expect(hits, `${mark}: ${JSON.stringify(found, null, 1)}`).toHaveLength(1);
      expect(hits[0]!.severity).toBe("warning");
      return hits[0]!.message;
    };
    expect(one("changes/CHG-0002.yaml", changed, "task-escalations")).toContain(
      "the escalations of CHG-0002/T4 go back in time: 2026-11-17T10:00:00+03:00 is earlier than the entry before it (2026-11-18T10:00:00+03:00)",
    );
    const inc = "incidents/2026-12.yaml";
    const history = one(inc, incidents, "history");
    expect(history).toContain("the status history of INC-9001 goes back in time: 2026-12-01T10:30:00+03:00 is earlier than the entry before it (2026-12-01T11:00:00+03:00)");
    expect(history).toContain("1 more entry further down goes back too");
    expect(one(inc, incidents, "notices")).toContain("the client updates of INC-9002 go back in time: 2026-12-01T10:15:00+03:00 is earlier than the entry before it (2026-12-01T11:15:00+03:00)");
    expect(one(inc, incidents, "escalations")).toContain("the escalations of INC-9003 go back in time: 2026-11-30T09:00:00+03:00 is earlier than the incident's opening (2026-12-01T09:00:00+03:00)");
    expect(one(inc, incidents, "held")).toContain("the review of INC-9004 was held on 2026-11-28, before the incident was opened (2026-12-01)");
    const actions = one(inc, incidents, "actions");
    expect(actions).toContain("INC-9005/A2 was done on 2026-12-02, before the review that set it was held (2026-12-03)");
    expect(actions).toContain("1 more action too");
    // Nothing else: one finding per list.
    expect(found).toHaveLength(6);
  });

  it("a list in order has no finding: entries at the same instant, an entry at the opening", async () => {
    const dir = copyProject(EXAMPLE);
    const fixed = readFileSync(join(FIXTURES, "order/incidents-2026-12.yaml"), "utf8")
      .replace("2026-12-01T10:30:00+03:00, status: reopened", "2026-12-01T11:00:00+03:00, status: reopened")
      .replace("2026-12-01T10:45:00+03:00, status: responded", "2026-12-01T11:45:00+03:00, status: responded")
      .replace("{ at: 2026-12-01T10:15:00+03:00, next: 2026-12-01T12:15:00+03:00 }", "{ at: 2026-12-01T13:15:00+03:00, next: 2026-12-01T15:15:00+03:00 }")
      .replace("2026-11-30T09:00:00+03:00, level: 1", "2026-12-01T09:00:00+03:00, level: 1")
      .replace("held: 2026-11-28", "held: 2026-12-01")
      .replace("done: 2026-12-02 }", "done: 2026-12-03 }")
      .replace("done: 2026-12-01 }", "done: 2026-12-04 }");
    writeFileSync(join(dir, "incidents/2026-12.yaml"), fixed);
    expect(await findings(dir)).toEqual([]);
  });
});
