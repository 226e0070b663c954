// Issue 28, point 6: a documentation task is done only when the docs index covers its components (a
// document listing each, reviewed on or after the task started). `tam task done` refuses otherwise,
// naming the doc to add or review, unless --force --reason (an accepted risk); `tam task sync` and
// `tam validate` apply the same rule.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runChangePlan } from "../../../src/commands/change-plan.js";
import { runChangeStep } from "../../../src/commands/change-step.js";
import type { Output } from "../../../src/commands/context.js";
import { runDocsReview } from "../../../src/commands/docs-review.js";
import { runTask } from "../../../src/commands/task.js";
import { clientNotice } from "../../../src/domain/tracking/notice.js";
import { acceptedRiskSteps } from "../../../src/domain/tracking/readiness.js";
import { planChangeSync } from "../../../src/domain/tracking/sync.js";
import { isReady } from "../../../src/domain/tracking/status.js";
import type { Change } from "../../../src/model/files.js";
import { projectIssues } from "../../../src/project/check.js";
import { loadProject } from "../../../src/project/load.js";

const FIXTURE = new URL("../../fixtures/lifecycle", import.meta.url).pathname;
const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function copy(from: string): string {
  const dir = mkdtempSync(join(tmpdir(), "tam-doc-task-"));
  made.push(dir);
  cpSync(from, dir, { recursive: true });
  return dir;
}

function sink(): Output & { text: string[] } {
  const text: string[] = [];
  return { text, out: (t) => text.push(t), err: (t) => text.push(t) };
}

const change = (dir: string): Change => loadProject(dir, ["changes"]).changes.find((c) => c.id === "CHG-0001")!;
const docTask = (dir: string) => change(dir).tasks!.find((t) => t.kind === "documentation")!;
const task = (dir: string, action: Parameters<typeof runTask>[1], id: string, options: Parameters<typeof runTask>[3] = {}) =>
  runTask({ project: dir }, action, `CHG-0001/${id}`, { by: "Oleg", commit: false, asOf: "2026-11-24", ...options }, sink());
const review = (dir: string, asOf: string) => runDocsReview({ project: dir }, "web-runbook", { by: "Irina Petrova", asOf, commit: false }, sink());
const coverNewComponents = (dir: string) => {
  const path = join(dir, "docs.yaml");
  writeFileSync(path, readFileSync(path, "utf8").replace("covers: [core-fw, web-nginx, old-vm]", "covers: [core-fw, web-nginx, old-vm, app-vlan, app-vm]"));
};
const docIssues = (dir: string) => projectIssues(loadProject(dir)).filter((i) => i.code === "doc-task-uncovered");

describe("a documentation task is done when the docs index covers its components", () => {
  // Planned, approved, every task but the documentation one done (work started on 2026-11-24).
  let ready = "";
  beforeAll(async () => {
    ready = copy(FIXTURE);
    await runChangePlan({ project: ready }, "CHG-0001", { format: "json", write: true, commit: false, asOf: "2026-11-20" }, sink());
    await runChangeStep({ project: ready }, "approve", "CHG-0001", { by: "Oleg Ivanov", via: "client", commit: false, asOf: "2026-11-20" }, sink());
    for (;;) {
      const tasks = change(ready).tasks!;
      const next = tasks.find((t) => isReady(t, tasks) && t.kind !== "documentation");
      if (!next) break;
      if (!tasks.some((t) => t.status !== "todo")) await task(ready, "start", next.id);
      await task(ready, "done", next.id);
    }
    expect(docTask(ready).status).toBe("todo");
    expect(docTask(ready).components).toEqual(["app-vlan", "app-vm", "old-vm", "web-nginx"]);
  });

  it("refuses while no document lists the new components, naming what to add (the removed one needs none)", async () => {
    const dir = copy(ready);
    const id = docTask(dir).id;
    const refusal = task(dir, "done", id);
    await expect(refusal).rejects.toThrow(`${id} is a documentation task: the docs index does not cover its components yet: no document in docs.yaml covers app-vlan, app-vm`);
    await expect(task(dir, "done", id)).rejects.toThrow(
      /web-runbook covers web-nginx but was last reviewed 2026-10-01, before the task started on 2026-11-24 \(review it: `tam docs review web-runbook`\)/,
    );
    await expect(task(dir, "done", id)).rejects.not.toThrow(/old-vm/);
    expect(docTask(dir).status).toBe("todo");
  });

  it("refuses while the document listing them was reviewed before the work started; done once it is reviewed since", async () => {
    const dir = copy(ready);
    const id = docTask(dir).id;
    coverNewComponents(dir);
    await expect(task(dir, "done", id)).rejects.toThrow(/web-runbook covers app-vlan, app-vm, web-nginx but was last reviewed 2026-10-01, before the task started on 2026-11-24/);
    // A review the day before the work started is not one of this change.
    await review(dir, "2026-11-23");
    await expect(task(dir, "done", id)).rejects.toThrow(/last reviewed 2026-11-23, before the task started on 2026-11-24/);
    await review(dir, "2026-11-24");
    await task(dir, "done", id);
    expect(docTask(dir).status).toBe("done");
    expect(docTask(dir).history!.at(-1)).not.toHaveProperty("forced");
    expect(change(dir).status).toBe("review");
    expect(docIssues(dir)).toEqual([]);
  });

  it("--force needs a reason; with one the done is recorded as an accepted risk, shown to the client", async () => {
    const dir = copy(ready);
    const id = docTask(dir).id;
    await expect(task(dir, "done", id, { force: true })).rejects.toThrow(/--force needs --reason/);
    const out = sink();
    await runTask({ project: dir }, "done", `CHG-0001/${id}`, { by: "Oleg", commit: false, asOf: "2026-11-24", force: true, reason: "the wiki is down; the runbook is updated on Monday" }, out);
    expect(out.text.join("\n")).toMatch(/accepted risk \(recorded in the history\): documentation failing/);
    const event = docTask(dir).history!.at(-1)!;
    expect(event).toMatchObject({ status: "done", forced: "done before the docs index covered its components: the wiki is down; the runbook is updated on Monday", accepted: ["documentation"] });
    const risks = acceptedRiskSteps(change(dir));
    expect(risks).toEqual([expect.objectContaining({ items: ["documentation"], task: id, by: "Oleg" })]);
    // Not a validate finding: the risk is recorded.
    expect(docIssues(dir)).toEqual([]);
    const project = loadProject(dir);
    const notice = clientNotice({ ...project, change: change(dir), today: "2026-11-25", now: Date.parse("2026-11-25T10:00:00+03:00"), timezone: "Europe/Moscow" });
    expect(notice.acceptedRisks.map((r) => r.items)).toEqual([["documentation"]]);
  });

  it("tam validate reports a documentation task marked done by hand without coverage, on an open change only", async () => {
    const dir = copy(ready);
    const id = docTask(dir).id;
    const path = join(dir, "changes/CHG-0001.yaml");
    const text = readFileSync(path, "utf8");
    // The task as a hand edit would leave it: done, no review of the docs.
    const at = text.lastIndexOf(`- id: ${id}`);
    const edited = `${text.slice(0, at)}${text.slice(at).replace("status: todo", "status: done\n    history:\n      - { at: 2026-11-25T10:00:00+03:00, status: done, by: Oleg }")}`;
    writeFileSync(path, edited);
    const issues = docIssues(dir);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({
      severity: "error",
      file: "changes/CHG-0001.yaml",
      message: expect.stringContaining(`CHG-0001/${id} is done but the docs index does not cover its components yet`),
    });
    expect(issues[0]!.line).toBeGreaterThan(0);
    // Closed: history, not a finding (tam docs check names what is still uncovered).
    writeFileSync(path, edited.replace(/^status: \S+$/m, "status: done").replace(/^status: (planned|approved|in-progress)$/m, "status: done"));
    expect(change(dir).status).toBe("done");
    expect(docIssues(dir)).toEqual([]);
  });

  it("tam task sync applies the same rule to a ticket closed as done", () => {
    const c = change(ready);
    const doc = docTask(ready);
    const events = [{ row: 2, line: 2, key: "DOC-1", ref: `CHG-0001/${doc.id}`, status: "Done", state: "done" as const, at: Date.parse("2026-11-25T10:00:00+03:00"), by: "Olga" }];
    const docs = loadProject(ready).docs;
    const base = { timezone: "Europe/Moscow", now: Date.parse("2026-11-26T00:00:00+03:00"), docs };
    const refused = planChangeSync(c, events, { ...base, force: false });
    expect(refused.steps).toEqual([]);
    expect(refused.findings).toEqual([expect.objectContaining({ severity: "error", code: "rule", message: expect.stringContaining("the docs index does not cover its components yet") })]);
    const forced = planChangeSync(c, events, { ...base, force: true, reason: "docs follow in the next sprint" });
    expect(forced.steps[0]!.event).toMatchObject({ status: "done", accepted: ["documentation"], forced: expect.stringContaining("docs follow in the next sprint") });
    // Covered and reviewed since the work started: applied.
    const covered = docs.map((d) => (d.id === "web-runbook" ? { ...d, covers: [...d.covers!, "app-vlan", "app-vm"], last_review: { date: "2026-11-25" } } : d));
    const applied = planChangeSync(c, events, { ...base, force: false, docs: covered });
    expect(applied.findings).toEqual([]);
    expect(applied.steps[0]!.event).not.toHaveProperty("accepted");
  });
});
