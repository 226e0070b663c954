// Escalation chains (issue 29, point 5): levels in the department's working time, whom status names and
// since when, the message (markdown and text snapshots), the record in time order and the next level
// after it, the chain's validation, and refusals that write nothing.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { escalateIncident, escalateTask } from "../../../src/app/escalate.js";
import type { Output } from "../../../src/commands/context.js";
import { runEscalate } from "../../../src/commands/escalate.js";
import { parseTimestamp } from "../../../src/domain/dates.js";
import { escalations, incidentEscalation, taskEscalation } from "../../../src/domain/tracking/escalation.js";
import { projectStatus } from "../../../src/domain/tracking/status.js";
import { validateProject } from "../../../src/domain/validation/index.js";
import { escalationFormatters } from "../../../src/format/notice/escalation.js";
import type { Change, Department, Incident, Manifest, Task } from "../../../src/model/files.js";
import { loadProject } from "../../../src/project/load.js";
import { committedCopy, EXAMPLE, git, REPO } from "../../helpers/run.js";

process.env.GIT_AUTHOR_NAME = "Test Author";
process.env.GIT_AUTHOR_EMAIL = "author@example.com";
process.env.GIT_COMMITTER_NAME = "Test Author";
process.env.GIT_COMMITTER_EMAIL = "author@example.com";

const ZONE = "Europe/Moscow";
const at = (text: string) => parseTimestamp(text);
const snapshot = (name: string) => join(REPO, "test/snapshots", name);
/** The notices are plain text or markdown: no colour, no terminal width. */
const PLAIN = { color: false };

function sink(): Output & { out_: string[]; err_: string[] } {
  const out_: string[] = [];
  const err_: string[] = [];
  return { out: (t) => out_.push(t), err: (t) => err_.push(t), out_, err_ };
}

// Monday to Friday 09:00-18:00 (a 9-hour working day).
const manifest = {
  timezone: ZONE,
  calendars: { business: { hours: { mon: ["09:00-18:00"], tue: ["09:00-18:00"], wed: ["09:00-18:00"], thu: ["09:00-18:00"], fri: ["09:00-18:00"] } } },
  tam: { name: "Anna Volkova" },
  client: { name: "Northwind Retail" },
  project: { id: "nw", name: "Northwind" },
} as unknown as Manifest;
const departments: Department[] = [
  {
    id: "dba",
    name: "DBA group",
    lead: { name: "Victoria Lebedeva", email: "v@example" },
    calendar: "business",
    escalation: {
      blocked: [
        { after: "1d", to: "lead" },
        { after: "3d", to: "operations" },
      ],
      incidents: { P1: [{ after: "2h", to: "lead" }] },
    },
  },
  { id: "operations", name: "Operations", lead: { name: "Denis Volkov" }, calendar: "24x7" },
];
const context = { departments, manifest, timezone: ZONE };
// Blocked on Friday 2026-11-20 at 16:00: 1 working day is Monday 16:00, 3 are Wednesday 16:00.
const blockedTask = (extra: Partial<Task> = {}): Task => ({
  id: "T1",
  title: "Migrate the database",
  department: "dba",
  status: "blocked",
  history: [
    { at: "2026-11-19T10:00:00+03:00", status: "in-progress" },
    { at: "2026-11-20T16:00:00+03:00", status: "blocked", note: "waiting for the storage LUN." },
  ],
  ...extra,
});
const change = (task: Task): Change => ({ id: "CHG-0009", title: "Move the ERP database", type: "normal", scope: [], status: "in-progress", tasks: [task] });

describe("escalation chains", () => {
  it("levels fall due in the department's working time: a weekend does not count", () => {
    const c = change(blockedTask());
    expect(taskEscalation(c, c.tasks![0]!, at("2026-11-23T15:59:00+03:00"), context)).toMatchObject({
      since: "2026-11-20 16:00",
      next: { level: 1, to: "Victoria Lebedeva", due: "2026-11-23 16:00" },
    });
    expect(taskEscalation(c, c.tasks![0]!, at("2026-11-23T15:59:00+03:00"), context)?.due).toBeUndefined();
    const monday = taskEscalation(c, c.tasks![0]!, at("2026-11-23T17:00:00+03:00"), context);
    expect(monday).toMatchObject({
      age: "1d 1h",
      due: { level: 1, to: "Victoria Lebedeva", via: "lead of dba", due: "2026-11-23 16:00", overdueBy: "1h" },
      next: { level: 2, to: "Denis Volkov", due: "2026-11-25 16:00" },
    });
    // Both thresholds passed: the higher level is the one due.
    expect(taskEscalation(c, c.tasks![0]!, at("2026-11-26T10:00:00+03:00"), context)).toMatchObject({ due: { level: 2, to: "Denis Volkov", via: "lead of operations" } });
    expect(taskEscalation(c, c.tasks![0]!, at("2026-11-26T10:00:00+03:00"), context)?.next).toBeUndefined();
  });

  it("an escalation recorded since the block moves the chain on; one from an earlier block does not count", () => {
    const escalated = change(blockedTask({ escalations: [{ at: "2026-11-23T16:30:00+03:00", level: 1, to: "Victoria Lebedeva" }] }));
    const state = taskEscalation(escalated, escalated.tasks![0]!, at("2026-11-24T10:00:00+03:00"), context);
    expect(state).toMatchObject({ escalated: { level: 1, to: "Victoria Lebedeva", at: "2026-11-23 16:30" }, next: { level: 2, due: "2026-11-25 16:00" } });
    expect(state?.due).toBeUndefined();
    const old = change(blockedTask({ escalations: [{ at: "2026-11-10T10:00:00+03:00", level: 2, to: "Denis Volkov" }] }));
    expect(taskEscalation(old, old.tasks![0]!, at("2026-11-23T17:00:00+03:00"), context)).toMatchObject({ due: { level: 1 } });
    // Not blocked, or no chain: nothing to escalate.
    const running = change(blockedTask({ status: "in-progress" }));
    expect(taskEscalation(running, running.tasks![0]!, at("2026-11-30T10:00:00+03:00"), context)).toBeUndefined();
    const other = change(blockedTask({ department: "operations" }));
    expect(taskEscalation(other, other.tasks![0]!, at("2026-11-30T10:00:00+03:00"), context)).toBeUndefined();
  });

  it("an aging incident: listed once past its first level, by priority; a resolved one or another priority is not", () => {
    const p1: Incident = { id: "INC-1", title: "ERP down", priority: "P1", department: "dba", opened: "2026-11-20T15:00:00+03:00", status: "open" };
    expect(incidentEscalation(p1, at("2026-11-20T17:30:00+03:00"), context)).toMatchObject({
      kind: "aging-incident",
      due: { level: 1, to: "Victoria Lebedeva", due: "2026-11-20 17:00", overdueBy: "30m" },
    });
    const list = (now: string, incidents: Incident[]) => escalations({ ...context, changes: [], incidents, now: at(now) });
    expect(list("2026-11-20T16:00:00+03:00", [p1])).toEqual([]);
    expect(
      list("2026-11-20T17:30:00+03:00", [
        { ...p1, status: "resolved", resolved: "2026-11-20T17:10:00+03:00" },
        { ...p1, id: "INC-2", priority: "P2" },
      ]),
    ).toEqual([]);
  });

  it("status names whom to escalate to and since when; --department keeps its own", () => {
    const c = change(blockedTask());
    const report = projectStatus({ changes: [c], departments, manifest, today: "2026-11-23", timezone: ZONE, now: at("2026-11-23T17:00:00+03:00") });
    expect(report.escalations).toEqual([
      expect.objectContaining({
        subject: "CHG-0009/T1",
        kind: "blocked-task",
        note: "waiting for the storage LUN.",
        due: expect.objectContaining({ level: 1, to: "Victoria Lebedeva", due: "2026-11-23 16:00" }),
      }),
    ]);
    expect(projectStatus({ changes: [c], departments, manifest, today: "2026-11-23", timezone: ZONE, now: at("2026-11-23T17:00:00+03:00"), department: "operations" }).escalations).toEqual([]);
  });

  it("validation: an unknown person or department (did you mean), a lead that is missing, levels out of order", () => {
    const project = loadProject(EXAMPLE);
    const bad: Department[] = [
      {
        id: "dba",
        name: "DBA",
        lead: { name: "Victoria Lebedeva" },
        escalation: {
          blocked: [
            { after: "3d", to: "nolaed" },
            { after: "1d", to: "Victoria Lebedva" },
          ],
          incidents: { P1: [{ after: "1h", to: "nolead" }] },
        },
      },
      { id: "nolead", name: "No lead" },
    ];
    const issues = validateProject({ ...project, departments: bad, where: () => ({ file: "departments.yaml" }) } as never).filter(
      (i) => i.code.startsWith("escalation") || i.message.includes("person or department"),
    );
    expect(issues.map((i) => [i.code, i.message])).toEqual(
      expect.arrayContaining([
        ["unknown-reference", 'unknown person or department "nolaed": did you mean "nolead"?'],
        ["unknown-reference", 'unknown person or department "Victoria Lebedva": did you mean "Victoria Lebedeva"?'],
        ["escalation-order", "level 2 (after 1d) does not come later than level 1 (after 3d): list the levels in the order they fall due"],
        ["escalation-no-lead", "department nolead has no lead to escalate to"],
      ]),
    );
    // The example's chains are valid.
    expect(validateProject(project as never).filter((i) => i.code.startsWith("escalation") || i.message.includes("person or department"))).toEqual([]);
  });
});

describe("tam task escalate / tam incident escalate", () => {
  it("the example: CHG-0002/T4 is due for level 2 and INC-0056 for level 1; the messages in markdown and text", async () => {
    const task = await escalateTask({ project: EXAMPLE, ref: "chg-0002/t4", by: "Anna Volkova", record: false, asOf: "2026-11-20T10:00:00+03:00" });
    expect(task.recorded).toBeUndefined();
    expect(task.draft).toMatchObject({ subject: "CHG-0002/T4", level: { level: 2, to: "Denis Volkov" }, next: { level: 3, to: "Pavel Orlov" } });
    await expect(escalationFormatters.markdown(task.draft, PLAIN)).toMatchFileSnapshot(snapshot("escalation-task.md"));
    await expect(escalationFormatters.text(task.draft, PLAIN)).toMatchFileSnapshot(snapshot("escalation-task.txt"));
    const incident = await escalateIncident({ project: EXAMPLE, ref: "INC-0056", by: "Anna Volkova", record: false, asOf: "2026-11-20T10:00:00+03:00" });
    expect(incident.draft).toMatchObject({ subject: "INC-0056", priority: "P2", level: { level: 1, to: "Alexey Morozov" } });
    await expect(escalationFormatters.markdown(incident.draft, PLAIN)).toMatchFileSnapshot(snapshot("escalation-incident.md"));
    await expect(escalationFormatters.text(incident.draft, PLAIN)).toMatchFileSnapshot(snapshot("escalation-incident.txt"));
  });

  it("records the escalation on the task in one commit; status then shows it escalated and the next level due later", async () => {
    const dir = committedCopy(EXAMPLE);
    const output = sink();
    expect(await runEscalate({ project: dir }, "task", "CHG-0002/T4", { format: "json", by: "Anna Volkova", note: "push the SIEM vendor", asOf: "2026-11-20" }, output)).toBe(0);
    expect(JSON.parse(output.out_.join("\n"))).toMatchObject({ version: 1, subject: "CHG-0002/T4", level: { level: 2, to: "Denis Volkov" } });
    expect(output.err_.join("\n")).toMatch(/recorded the escalation to Denis Volkov \(level 2\) in changes\/CHG-0002\.yaml at 2026-11-20T00:00:00\+03:00 \(commit [0-9a-f]+\)/);
    const written = parse(readFileSync(join(dir, "changes/CHG-0002.yaml"), "utf8")) as Change;
    expect(written.tasks!.find((t) => t.id === "T4")!.escalations).toEqual([{ at: "2026-11-20T00:00:00+03:00", level: 2, to: "Denis Volkov", by: "Anna Volkova", note: "push the SIEM vendor" }]);
    expect(git(dir, ["show", "--name-only", "--format=%s", "HEAD"]).trim().split("\n").filter(Boolean)).toEqual([
      "CHG-0002/T4 cyber-defence: escalated to Denis Volkov (level 2)",
      "changes/CHG-0002.yaml",
    ]);
    const later = loadProject(dir);
    const report = projectStatus({ changes: later.changes, departments: later.departments, manifest: later.manifest, today: "2026-11-20", timezone: ZONE, now: at("2026-11-20T12:00:00+03:00") });
    const state = report.escalations.find((e) => e.subject === "CHG-0002/T4")!;
    expect(state.due).toBeUndefined();
    expect(state).toMatchObject({ escalated: { level: 2, to: "Denis Volkov" }, next: { level: 3, to: "Pavel Orlov", due: "2026-11-23 14:25" } });
    // Escalating again before the next level is due is refused, and writes nothing.
    const head = git(dir, ["rev-parse", "HEAD"]);
    await expect(escalateTask({ project: dir, ref: "CHG-0002/T4", asOf: "2026-11-20T12:00:00+03:00" })).rejects.toThrow(
      /no escalation is due yet: level 3 \(Pavel Orlov, service manager\) falls due at 2026-11-23 14:25/,
    );
    expect(git(dir, ["rev-parse", "HEAD"])).toBe(head);
  });

  it("an incident's escalations: one commit each, in time order; one earlier than the last is refused", async () => {
    const dir = committedCopy(EXAMPLE);
    // INC-0056: the last client update was 2026-11-19T09:30; level 1 fell due 2026-11-19 18:00.
    const first = await escalateIncident({ project: dir, ref: "INC-0056", by: "Anna Volkova", asOf: "2026-11-20T09:00:00+03:00" });
    expect(first.recorded?.escalation).toEqual({ at: "2026-11-20T09:00:00+03:00", level: 1, to: "Alexey Morozov", by: "Anna Volkova" });
    const head = git(dir, ["rev-parse", "HEAD"]);
    await expect(escalateIncident({ project: dir, ref: "INC-0056", asOf: "2026-11-24T08:00:00+03:00" })).resolves.toMatchObject({ recorded: { escalation: { level: 2 } } });
    const text = readFileSync(join(dir, "incidents/2026-11.yaml"), "utf8");
    const incident = (parse(text).incidents as Incident[]).find((i) => i.id === "INC-0056")!;
    expect(incident.escalations?.map((e) => [e.at, e.level])).toEqual([
      ["2026-11-20T09:00:00+03:00", 1],
      ["2026-11-24T08:00:00+03:00", 2],
    ]);
    expect(git(dir, ["log", "--format=%s", `${head.trim()}..HEAD`]).trim()).toBe("INC-0056: escalated to Denis Volkov (level 2)");
    await expect(escalateIncident({ project: dir, ref: "INC-0056", asOf: "2026-11-23T08:00:00+03:00" })).rejects.toThrow(
      /INC-0056 already has an escalation at 2026-11-24T08:00:00\+03:00, later than 2026-11-23T08:00:00\+03:00/,
    );
  });

  it("bad input is refused with a message and nothing is written", async () => {
    const dir = committedCopy(EXAMPLE);
    const head = git(dir, ["rev-parse", "HEAD"]);
    await expect(escalateTask({ project: dir, ref: "CHG-0002/T1", asOf: "2026-11-20" })).rejects.toThrow(/CHG-0002\/T1 is done, not blocked/);
    await expect(escalateTask({ project: dir, ref: "CHG-0002", asOf: "2026-11-20" })).rejects.toThrow(/is not CHANGE\/TASK/);
    await expect(escalateTask({ project: dir, ref: "CHG-0002/T99", asOf: "2026-11-20" })).rejects.toThrow(/CHG-0002 has no task T99/);
    await expect(escalateIncident({ project: dir, ref: "INC-9999", asOf: "2026-11-20" })).rejects.toThrow(/no incident INC-9999/);
    await expect(escalateIncident({ project: dir, ref: "INC-0004", asOf: "2026-11-20" })).rejects.toThrow(/INC-0004 is closed: only an open incident is escalated/);
    // INC-0057 (unix, P3): unix declares no chain.
    await expect(escalateIncident({ project: dir, ref: "INC-0057", asOf: "2026-11-20" })).rejects.toThrow(/declares no escalation chain for P3 incidents/);
    expect(git(dir, ["rev-parse", "HEAD"])).toBe(head);
    expect(git(dir, ["status", "--porcelain"])).toBe("");
  });
});
