// tam change notify: the client's status update, as markdown and text, for an on-track change
// and a late one; the notice is recorded and `tam status` says what the client was not told.
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runChangeNotify } from "../../../src/commands/change-notify.js";
import { runChangePlan } from "../../../src/commands/change-plan.js";
import { runChangeStep } from "../../../src/commands/change-step.js";
import type { Output } from "../../../src/commands/context.js";
import { runTask } from "../../../src/commands/task.js";
import { clientNotice } from "../../../src/domain/tracking/notice.js";
import { projectStatus } from "../../../src/domain/tracking/status.js";
import { formatNoticeMarkdown } from "../../../src/format/notice/markdown.js";
import { formatNoticeText } from "../../../src/format/notice/text.js";
import { loadProject } from "../../../src/project/load.js";
import { EXAMPLE, REPO } from "../../helpers/run.js";

const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
const quiet: Output = { out: () => {}, err: () => {} };
const snapshot = (name: string) => join(REPO, "test/snapshots", name);

describe("a late change (the example's WAF change on 2026-11-20)", () => {
  const project = loadProject(EXAMPLE);
  const change = project.changes.find((c) => c.id === "CHG-0002")!;
  const notice = clientNotice({ ...project, change, today: "2026-11-20", timezone: "Europe/Moscow", now: Date.parse("2026-11-20T23:59:59+03:00") });

  it("says what is late or blocked and what is done about it, in the client's terms", async () => {
    expect(notice.blocked.map((i) => i.task)).toEqual(["T4"]);
    expect(notice.late.map((i) => i.task)).toEqual(["T3", "T5", "T7"]);
    expect(notice.blocked[0]!.team).toBe("Cyber-defence center");
    expect(notice.blocked[0]!.components).toContain("Web application firewall cluster");
    await expect(formatNoticeMarkdown(notice)).toMatchFileSnapshot(snapshot("notice-late.md"));
    await expect(formatNoticeText(notice)).toMatchFileSnapshot(snapshot("notice-late.txt"));
  });

  it("is news for tam status until a notice tells it", () => {
    const before = projectStatus({ ...project, today: "2026-11-20", timezone: "Europe/Moscow" }).changes.find((c) => c.id === "CHG-0002")!;
    expect(before.untold).toEqual([
      { id: "T4", why: "blocked" },
      { id: "T3", why: "late" },
      { id: "T5", why: "late" },
      { id: "T7", why: "late" },
    ]);
    const told = { ...change, last_notice: { at: "2026-11-20T18:00:00+03:00", late: notice.told.late, blocked: notice.told.blocked } };
    const after = projectStatus({ ...project, changes: [told], today: "2026-11-20", timezone: "Europe/Moscow" }).changes[0]!;
    expect(after.untold).toEqual([]);
  });
});

describe("an on-track change", () => {
  it("says what was done since the last notice and what is next with the promised dates", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tam-notice-"));
    made.push(dir);
    cpSync(new URL("../../fixtures/lifecycle", import.meta.url).pathname, dir, { recursive: true });
    const globals = { project: dir };
    await runChangePlan(globals, "CHG-0001", { format: "json", write: true, commit: false, asOf: "2026-11-20" }, quiet);
    await runChangeStep(globals, "approve", "CHG-0001", { by: "Oleg Ivanov", via: "client", commit: false, asOf: "2026-11-20T12:00:00+03:00" }, quiet);
    await runChangeNotify(globals, "CHG-0001", { format: "markdown", by: "Irina Petrova", commit: false, asOf: "2026-11-20T18:00:00+03:00" }, quiet);
    await runTask(globals, "start", "CHG-0001/T1", { by: "Igor", commit: false, asOf: "2026-11-23T09:30:00+03:00" }, quiet);
    for (const id of ["T2", "T3"]) await runTask(globals, "done", `CHG-0001/${id}`, { by: "Igor", commit: false, asOf: "2026-11-23T12:00:00+03:00" }, quiet);
    const project = loadProject(dir);
    const change = project.changes.find((c) => c.id === "CHG-0001")!;
    expect(change.last_notice).toMatchObject({ at: "2026-11-20T18:00:00+03:00", by: "Irina Petrova" });
    const notice = clientNotice({ ...project, change, today: "2026-11-23", timezone: "Europe/Moscow", now: Date.parse("2026-11-23T12:30:00+03:00") });
    expect(notice.since).toBe("2026-11-20");
    expect(notice.done.map((i) => i.task)).toEqual(["T2", "T3"]);
    expect(notice.late).toEqual([]);
    expect(notice.promise?.kept).toBe(true);
    await expect(formatNoticeMarkdown(notice)).toMatchFileSnapshot(snapshot("notice-on-track.md"));
    await expect(formatNoticeText(notice)).toMatchFileSnapshot(snapshot("notice-on-track.txt"));
  });
});
