// tam meeting: each write commits one edit of meetings.yaml (and of recommendations.yaml for the
// recommendations presented); each refusal writes nothing; the round trip report -> minutes -> action
// items -> the next report says what was kept and what is late.
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { clientReport } from "../../../src/app/client-report.js";
import { addMeetingAction, listMeetings, newMeeting, setMeetingActionState } from "../../../src/app/meeting.js";
import { presentRecommendation } from "../../../src/app/recommendation.js";
import { actionState, reportAgenda } from "../../../src/domain/meetings/minutes.js";
import { projectStatus } from "../../../src/domain/tracking/status.js";
import { checkMeetingActions } from "../../../src/domain/validation/meeting-rules.js";
import { reportFormatters } from "../../../src/format/report/index.js";
import { projectIssues } from "../../../src/project/check.js";
import { loadProject } from "../../../src/project/load.js";
import { committedCopy, EXAMPLE, git, headOf } from "../../helpers/run.js";

const AS_OF = "2026-11-20";
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function example(): string {
  const dir = committedCopy(EXAMPLE);
  dirs.push(dir);
  return dir;
}

const common = (project: string, asOf = AS_OF) => ({ project, asOf, commit: true, by: "Anna Volkova" });
type Minutes = { meetings: Record<string, unknown>[] };
const minutes = (dir: string) => (parse(readFileSync(join(dir, "meetings.yaml"), "utf8")) as Minutes).meetings;
const meeting = (dir: string, id: string) => minutes(dir).find((m) => m.id === id)!;
const lastCommitFiles = (dir: string) => git(dir, ["show", "--name-only", "--format=", "HEAD"]).trim().split("\n");

/** Runs a refused write and checks that nothing was written or committed. */
async function refused(dir: string, write: () => Promise<unknown>, message: RegExp): Promise<void> {
  const before = [readFileSync(join(dir, "meetings.yaml"), "utf8"), readFileSync(join(dir, "recommendations.yaml"), "utf8")];
  const head = headOf(dir);
  await expect(write()).rejects.toThrow(message);
  expect([readFileSync(join(dir, "meetings.yaml"), "utf8"), readFileSync(join(dir, "recommendations.yaml"), "utf8")]).toEqual(before);
  expect(headOf(dir)).toBe(head);
}

describe("the round trip: a report, the minutes of its meeting, action items, the next report", () => {
  it("prefills the agenda from the report, presents its recommendations there, and the next report --since says kept or late", async () => {
    const dir = example();
    const written = reportFormatters.markdown((await clientReport({ project: dir, asOf: AS_OF })).report, { color: false });
    writeFileSync(join(dir, "report-2026-11.md"), written);
    git(dir, ["add", "report-2026-11.md"]);
    git(dir, ["commit", "-qm", "the November report"]);

    const saved = await newMeeting({
      ...common(dir),
      fromReport: join(dir, "report-2026-11.md"),
      title: "2026-11 monthly review",
      attendees: ["elena smirnova", "Anna Volkova", "Oleg Ivanov"],
      decisions: ["CHG-0006 goes ahead."],
    });
    expect(saved.meeting.id).toBe("MTG-2026-11-20");
    // The recommendations put to the client are linked both ways, in the one commit.
    expect(saved.presented).toEqual(["REC-005", "REC-006"]);
    expect(lastCommitFiles(dir)).toEqual(["meetings.yaml", "recommendations.yaml"]);
    const written_ = meeting(dir, "MTG-2026-11-20");
    expect(written_).toMatchObject({ date: AS_OF, report: "report-2026-11.md", attendees: { client: ["Elena Smirnova", "Oleg Ivanov"], provider: ["Anna Volkova"] } });
    expect(written_.recommendations).toEqual(expect.arrayContaining(["REC-005", "REC-006"]));
    expect(written_.agenda).toContain('Take on or decline "Alert on the NAS filling up" (REC-006).');
    expect((written_.agenda as string[]).length).toBe((reportAgenda(written, ["REC-005"]) as { agenda: string[] }).agenda.length);
    const rec6 = (parse(readFileSync(join(dir, "recommendations.yaml"), "utf8")) as { recommendations: Record<string, unknown>[] }).recommendations.find((r) => r.id === "REC-006");
    expect(rec6).toMatchObject({ state: "presented", presented: { date: AS_OF, meeting: "MTG-2026-11-20" } });

    const a1 = await addMeetingAction({ ...common(dir), meeting: "mtg-2026-11-20", text: "Send the plan of CHG-0006", owner: "Roman Zaitsev", due: "2026-11-27" });
    expect(a1.item).toMatchObject({ ref: "MTG-2026-11-20/A1", side: "provider", state: "open" });
    const a2 = await addMeetingAction({ ...common(dir), meeting: "MTG-2026-11-20", text: "Name the BI contact", owner: "Oleg Ivanov", due: "2026-11-25" });
    expect(a2.item).toMatchObject({ ref: "MTG-2026-11-20/A2", side: "client" });
    const done = await setMeetingActionState({ ...common(dir, "2026-11-26"), ref: "MTG-2026-11-20/A1", state: "done", note: "Sent." });
    expect(done.item).toMatchObject({ state: "kept", done: "2026-11-26" });
    expect(projectIssues(loadProject(dir)).filter((i) => i.severity === "error")).toEqual([]);

    // The next meeting's report, since this one (a date, or the report file written for it).
    for (const since of [AS_OF, join(dir, "report-2026-11.md")]) {
      const next = (await clientReport({ project: dir, asOf: "2026-12-01", since })).report;
      const refs = (list: { ref: string }[]) => list.map((l) => l.ref);
      expect(refs(next.actions!.kept)).toEqual(["MTG-2026-11-20/A1"]);
      // Late: this meeting's A2 (due 11-25, open), and the October items still open past their date.
      expect(refs(next.actions!.late)).toEqual(["MTG-2026-10-30/A2", "MTG-2026-10-30/A4", "MTG-2026-11-20/A2"]);
      expect(next.actions!.open).toEqual([]);
      const text = reportFormatters.markdown(next, { color: false });
      expect(text).toContain("- Kept: Send the plan of CHG-0006 (Roman Zaitsev, our side): due 2026-11-27, done 2026-11-26");
      expect(text).toContain("- **Late**: Name the BI contact (Oleg Ivanov, your side): due 2026-11-25, still open, 6 days late");
    }
    // One commit per write, in time order.
    expect(git(dir, ["log", "--format=%s", "-4"]).trim().split("\n")).toEqual([
      "meeting: MTG-2026-11-20/A1 done 2026-11-26",
      "meeting: MTG-2026-11-20/A2 Oleg Ivanov, due 2026-11-25",
      "meeting: MTG-2026-11-20/A1 Roman Zaitsev, due 2026-11-27",
      "meeting: MTG-2026-11-20 minutes (presented REC-005, REC-006)",
    ]);
  });

  it("reads the same agenda from the report's markdown and HTML", async () => {
    const report = (await clientReport({ project: EXAMPLE, asOf: AS_OF })).report;
    const ids = ["REC-004", "REC-005", "REC-006"];
    const markdown = reportAgenda(reportFormatters.markdown(report, { color: false }), ids) as { agenda: string[] };
    expect(markdown.agenda).toEqual(report.decisions.map((d) => d.text));
    expect(reportAgenda(reportFormatters.html(report, { color: false }), ids)).toEqual(markdown);
  });

  it("reads the agenda of a report's JSON too, and refuses a file that is no report", () => {
    const json = JSON.stringify({ header: { asOf: "2026-11-20" }, decisions: [{ subject: "REC-005", text: 'Take on or decline "x" (REC-005).' }] });
    expect(reportAgenda(json, ["REC-005"])).toEqual({ asOf: "2026-11-20", agenda: ['Take on or decline "x" (REC-005).'], recommendations: ["REC-005"] });
    expect(reportAgenda("# notes\n", [])).toMatch(/not a report written by tam report/);
  });
});

describe("tam meeting writes and refusals", () => {
  it("records an action done late, then open again, each in one commit", async () => {
    const dir = example();
    const late = await setMeetingActionState({ ...common(dir), ref: "MTG-2026-10-30/A2", state: "done", date: "2026-11-18" });
    expect(late.item).toMatchObject({ state: "late", done: "2026-11-18", daysLate: 5 });
    expect(meeting(dir, "MTG-2026-10-30").actions).toContainEqual(expect.objectContaining({ id: "A2", state: "done", done: "2026-11-18" }));
    expect(lastCommitFiles(dir)).toEqual(["meetings.yaml"]);
    const reopened = await setMeetingActionState({ ...common(dir), ref: "MTG-2026-10-30/A2", state: "open", note: "Only November's windows came." });
    expect(reopened.item).toMatchObject({ state: "overdue", done: null });
    const a2 = (meeting(dir, "MTG-2026-10-30").actions as Record<string, unknown>[]).find((a) => a.id === "A2")!;
    expect(a2).toMatchObject({ state: "open", note: "Only November's windows came." });
    expect(a2.done).toBeUndefined();
    // The rest of the file is as it was: comments and all.
    expect(readFileSync(join(dir, "meetings.yaml"), "utf8")).toContain("# The next report (`tam report --since 2026-10-30`) says which promises were kept.");
  });

  it("keeps the minutes in time order: a meeting recorded late goes before those held after it", async () => {
    const dir = example();
    await newMeeting({ ...common(dir), date: "2026-11-19", attendees: ["Elena Smirnova"] });
    await newMeeting({ ...common(dir), date: "2026-10-02", title: "Kick-off of the WAF", attendees: ["Dmitry Sokolov"] });
    expect(minutes(dir).map((m) => m.id)).toEqual(["MTG-2026-10-02", "MTG-2026-10-30", "MTG-2026-11-19"]);
    expect(readFileSync(join(dir, "meetings.yaml"), "utf8")).toContain("meetings:\n  - id: MTG-2026-10-02\n    date: 2026-10-02\n    title: Kick-off of the WAF\n");
    expect(projectIssues(loadProject(dir)).filter((i) => i.file === "meetings.yaml")).toEqual([]);
  });

  it("creates meetings.yaml with a modeline when the project has none", async () => {
    const dir = example();
    rmSync(join(dir, "meetings.yaml"));
    writeFileSync(join(dir, "recommendations.yaml"), readFileSync(join(dir, "recommendations.yaml"), "utf8").replace("meeting: MTG-2026-10-30", "meeting: 2026-10 monthly review"));
    git(dir, ["commit", "-qam", "no minutes"]);
    await newMeeting({ ...common(dir), date: "2026-11-19", attendees: ["Elena Smirnova"] });
    const text = readFileSync(join(dir, "meetings.yaml"), "utf8");
    expect(text.split("\n")[0]).toBe("# yaml-language-server: $schema=.tam/schemas/meetings.schema.json");
    expect(minutes(dir)).toEqual([{ id: "MTG-2026-11-19", date: "2026-11-19", attendees: { client: ["Elena Smirnova"] } }]);
  });

  it("refuses unknown people (with did-you-mean), ids, dates out of order and repeated state changes, writing nothing", async () => {
    const dir = example();
    await refused(dir, () => newMeeting({ ...common(dir), attendees: ["Elena Smirnov"] }), /--attendee "Elena Smirnov" is neither a client contact.*did you mean "Elena Smirnova"/);
    await refused(dir, () => newMeeting({ ...common(dir), id: "mtg-2026-10-30" }), /meeting MTG-2026-10-30 already exists/);
    await refused(dir, () => newMeeting({ ...common(dir), recommendations: ["REC-099"] }), /--rec "REC-099": no such recommendation/);
    await refused(dir, () => newMeeting({ ...common(dir), date: "2026-11-21" }), /after today/);
    await refused(dir, () => newMeeting({ ...common(dir), fromReport: join(dir, "tam.yaml") }), /--from-report: .* is not a report written by tam report/);
    const add = { ...common(dir), meeting: "MTG-2026-10-30", text: "x", due: "2026-11-30" };
    await refused(dir, () => addMeetingAction({ ...add, owner: "Roman Zaitsv" }), /--owner "Roman Zaitsv".*did you mean "Roman Zaitsev"/);
    await refused(dir, () => addMeetingAction({ ...add, owner: "Oleg Ivanov", side: "provider" }), /Oleg Ivanov is on the client side/);
    await refused(dir, () => addMeetingAction({ ...add, owner: "Oleg Ivanov", due: "2026-10-01" }), /before the meeting \(2026-10-30\)/);
    await refused(dir, () => addMeetingAction({ ...add, owner: "Oleg Ivanov", due: undefined }), /--due: the date it is due is required/);
    await refused(dir, () => addMeetingAction({ ...add, meeting: "MTG-2026-10-31", owner: "Oleg Ivanov" }), /no meeting "MTG-2026-10-31".*did you mean "MTG-2026-10-30"/);
    await refused(dir, () => setMeetingActionState({ ...common(dir), ref: "MTG-2026-10-30/A1", state: "done" }), /A1 is done already/);
    await refused(dir, () => setMeetingActionState({ ...common(dir), ref: "MTG-2026-10-30/A2", state: "open" }), /A2 is open already/);
    await refused(dir, () => setMeetingActionState({ ...common(dir), ref: "MTG-2026-10-30/A2", state: "done", date: "2026-10-29" }), /before the meeting/);
    await refused(dir, () => setMeetingActionState({ ...common(dir), ref: "MTG-2026-10-30/A2", state: "done", date: "2026-11-21" }), /after today/);
    await refused(dir, () => setMeetingActionState({ ...common(dir), ref: "MTG-2026-10-30/A9", state: "done" }), /no action "A9" in meeting MTG-2026-10-30/);
    await refused(dir, () => setMeetingActionState({ ...common(dir), ref: "MTG-2026-10-30", state: "done" }), /is not MEETING\/ACTION/);
  });
});

describe("tam rec present --meeting", () => {
  it("names a meeting of the minutes by id: the recommendation is presented on its date and the meeting lists it, in one commit", async () => {
    const dir = example();
    await presentRecommendation({ ...common(dir), id: "REC-006", meeting: "mtg-2026-10-30" });
    const rec6 = (parse(readFileSync(join(dir, "recommendations.yaml"), "utf8")) as { recommendations: Record<string, unknown>[] }).recommendations.find((r) => r.id === "REC-006");
    expect(rec6).toMatchObject({ state: "presented", presented: { date: "2026-10-30", meeting: "MTG-2026-10-30" } });
    expect(meeting(dir, "MTG-2026-10-30").recommendations).toEqual(["REC-005", "REC-006"]);
    expect(lastCommitFiles(dir)).toEqual(["meetings.yaml", "recommendations.yaml"]);
    await refused(dir, () => presentRecommendation({ ...common(dir), id: "REC-006", meeting: "MTG-2026-10-31" }), /--meeting "MTG-2026-10-31": no such meeting.*did you mean "MTG-2026-10-30"/);
    await refused(dir, () => presentRecommendation({ ...common(dir), id: "REC-006", meeting: "MTG-2026-10-30", date: "2026-11-02" }), /held on 2026-10-30/);
  });
});

describe("reading the minutes", () => {
  it("tells each action item's state as of a day", () => {
    expect(actionState({ state: "done", due: "2026-11-06", done: "2026-11-06" }, AS_OF)).toBe("kept");
    expect(actionState({ state: "done", due: "2026-11-06", done: "2026-11-07" }, AS_OF)).toBe("late");
    expect(actionState({ state: "open", due: "2026-11-20" }, AS_OF)).toBe("open");
    expect(actionState({ state: "open", due: "2026-11-19" }, AS_OF)).toBe("overdue");
    const states = (asOf: string) => Object.fromEntries(listMeetings({ project: EXAMPLE, asOf }).meetings.flatMap((m) => m.actions.map((a) => [a.ref, a.state])));
    expect(states(AS_OF)).toEqual({ "MTG-2026-10-30/A1": "kept", "MTG-2026-10-30/A2": "overdue", "MTG-2026-10-30/A3": "kept", "MTG-2026-10-30/A4": "open" });
    // Before the meeting was held, there are no minutes of it.
    expect(listMeetings({ project: EXAMPLE, asOf: "2026-10-29" }).meetings).toEqual([]);
  });

  it("the example: one meeting with action items, one late, and its recommendation linked to it", () => {
    const project = loadProject(EXAMPLE);
    expect(project.meetings).toHaveLength(1);
    const [mtg] = project.meetings;
    expect(mtg!.recommendations).toEqual(["REC-005"]);
    expect(project.recommendations.find((r) => r.id === "REC-005")?.presented?.meeting).toBe(mtg!.id);
    expect(listMeetings({ project: EXAMPLE, asOf: AS_OF }).meetings[0]!.actions.filter((a) => a.state === "overdue" || a.state === "late")).toHaveLength(1);
  });

  it("tam status lists the overdue action items per owner; --mine keeps one's own, --department none", () => {
    const project = loadProject(EXAMPLE);
    const status = (extra: { department?: string; assignee?: string } = {}) => projectStatus({ ...project, today: AS_OF, timezone: "Europe/Moscow", where: project.where, ...extra }).meetingActions;
    expect(status()).toEqual([{ owner: "Oleg Ivanov", actions: [expect.objectContaining({ ref: "MTG-2026-10-30/A2", daysLate: 7 })] }]);
    expect(status({ assignee: "Anna Volkova" })).toEqual([]);
    expect(status({ department: "network" })).toEqual([]);
  });

  it("tam validate warns of an overdue action item, located at its due date", () => {
    const project = loadProject(EXAMPLE);
    const issues = checkMeetingActions(project, AS_OF);
    const line =
      readFileSync(join(EXAMPLE, "meetings.yaml"), "utf8")
        .split("\n")
        .findIndex((l) => l.includes("due: 2026-11-13")) + 1;
    expect(issues.map((i) => [i.code, i.file, i.line])).toEqual([["action-item-overdue", "meetings.yaml", line]]);
    expect(issues[0]!.message).toMatch(/MTG-2026-10-30\/A2 .* \(Oleg Ivanov, client side, agreed on 2026-10-30\) was due on 2026-11-13, 7 days ago/);
  });
});

describe("meetings.yaml validation", () => {
  it("locates unknown people and recommendations, the wrong side, duplicate ids and dates out of order", () => {
    const dir = example();
    const path = join(dir, "meetings.yaml");
    const text = readFileSync(path, "utf8")
      .replace("client: [Elena Smirnova, Dmitry Sokolov]", "client: [Elena Smirnov, Dmitry Sokolov]")
      .replace("provider: [Anna Volkova, Pavel Orlov]", "provider: [Anna Volkova, Oleg Ivanov]")
      .replace("recommendations: [REC-005]", "recommendations: [REC-055]")
      .replace("      - id: A3", "      - id: A1")
      .replace("due: 2026-11-27", "due: 2026-10-27")
      .replace("        done: 2026-11-09\n", "");
    writeFileSync(path, text);
    const issues = projectIssues(loadProject(dir)).filter((i) => i.file === "meetings.yaml" && i.severity === "error");
    const lines = text.split("\n");
    const lineOf = (needle: string, from = 0) => lines.findIndex((l, n) => n >= from && l.includes(needle)) + 1;
    expect(issues.map((i) => [i.code, i.line]).sort()).toEqual(
      [
        ["unknown-contact", lineOf("Elena Smirnov,")],
        ["wrong-side", lineOf("provider: [Anna Volkova, Oleg Ivanov]")],
        ["unknown-reference", lineOf("REC-055")],
        ["duplicate-id", lineOf("- id: A1", lineOf("- id: A1"))],
        ["out-of-order", lineOf("due: 2026-10-27")],
        ["action-state", lineOf("state: done", lineOf("- id: A1", lineOf("- id: A1")))],
      ].sort(),
    );
    expect(issues.find((i) => i.code === "unknown-contact")?.message).toMatch(/did you mean "Elena Smirnova"/);
  });

  it("a date not written as YYYY-MM-DD is one finding, its format: not also compared as text against the meeting's date", () => {
    const dir = example();
    const path = join(dir, "meetings.yaml");
    const text = readFileSync(path, "utf8").replace("due: 2026-11-13", "due: 13.11.2026");
    writeFileSync(path, text);
    const issues = projectIssues(loadProject(dir)).filter((i) => i.file === "meetings.yaml" && i.severity === "error");
    expect(issues.map((i) => i.code)).toEqual(["invalid-format"]);
  });

  it("a meeting written by hand after a later one is a located warning: the minutes stay in time order", () => {
    const dir = example();
    const path = join(dir, "meetings.yaml");
    const text = `${readFileSync(path, "utf8")}  - id: MTG-2026-10-02\n    date: 2026-10-02\n    attendees: { client: [Dmitry Sokolov] }\n`;
    writeFileSync(path, text);
    const issues = projectIssues(loadProject(dir)).filter((i) => i.file === "meetings.yaml");
    expect(issues.map((i) => [i.severity, i.code, i.line])).toEqual([["warning", "out-of-order", text.split("\n").indexOf("    date: 2026-10-02") + 1]]);
  });

  it("a meeting id used twice is an error at the second, naming where the first stands", () => {
    const dir = example();
    const path = join(dir, "meetings.yaml");
    const text = `${readFileSync(path, "utf8")}  - id: MTG-2026-10-30\n    date: 2026-11-19\n    attendees: { client: [Dmitry Sokolov] }\n`;
    writeFileSync(path, text);
    const lines = text.split("\n");
    const first = lines.indexOf("  - id: MTG-2026-10-30") + 1;
    const issues = projectIssues(loadProject(dir)).filter((i) => i.file === "meetings.yaml" && i.severity === "error");
    expect(issues.map((i) => [i.code, i.line, i.message])).toEqual([
      ["duplicate-id", lines.lastIndexOf("  - id: MTG-2026-10-30") + 1, `meeting id "MTG-2026-10-30" is already used at meetings.yaml:${first}`],
    ]);
  });

  it("a recommendation presented at a meeting id that the minutes do not hold is an unknown reference", () => {
    const dir = example();
    const path = join(dir, "recommendations.yaml");
    writeFileSync(path, readFileSync(path, "utf8").replace("meeting: MTG-2026-10-30", "meeting: MTG-2026-10-31"));
    const issues = projectIssues(loadProject(dir)).filter((i) => i.file === "recommendations.yaml");
    expect(issues.map((i) => i.message)).toEqual([expect.stringMatching(/unknown meeting "MTG-2026-10-31".*MTG-2026-10-30/)]);
  });
});
