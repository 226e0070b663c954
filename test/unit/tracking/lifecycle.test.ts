// The change lifecycle end to end on a fixture, in-process: request → plan → approve → tasks →
// review → closed, with architecture.yaml compared byte for byte with the expected file.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runChangePlan } from "../../../src/commands/change-plan.js";
import { runChangeStep } from "../../../src/commands/change-step.js";
import { runDocsReview } from "../../../src/commands/docs-review.js";
import type { Output } from "../../../src/commands/context.js";
import { runTask } from "../../../src/commands/task.js";
import { assessRisks } from "../../../src/domain/arch/risks.js";
import { coverageOf } from "../../../src/domain/freshness/coverage.js";
import { isReady } from "../../../src/domain/tracking/status.js";
import type { Change } from "../../../src/model/files.js";
import { loadProject } from "../../../src/project/load.js";
import { git, initRepo } from "../../helpers/run.js";

const FIXTURE = new URL("../../fixtures/lifecycle", import.meta.url).pathname;
const EXPECTED = new URL("../../fixtures/lifecycle-expected/architecture.yaml", import.meta.url).pathname;
const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function project(): string {
  const dir = mkdtempSync(join(tmpdir(), "tam-lifecycle-"));
  made.push(dir);
  cpSync(FIXTURE, dir, { recursive: true });
  return dir;
}

function sink(): Output & { text: string[] } {
  const text: string[] = [];
  return { text, out: (t) => text.push(t), err: (t) => text.push(t) };
}

const change = (dir: string): Change => loadProject(dir, ["changes"]).changes.find((c) => c.id === "CHG-0001")!;
const step = (dir: string, action: Parameters<typeof runChangeStep>[1], options: Parameters<typeof runChangeStep>[3] = {}) =>
  runChangeStep({ project: dir }, action, "CHG-0001", { by: "Irina Petrova", commit: false, asOf: "2026-11-20", ...options }, sink());
const task = (dir: string, action: Parameters<typeof runTask>[1], id: string, options: Parameters<typeof runTask>[3] = {}) =>
  runTask({ project: dir }, action, `CHG-0001/${id}`, { by: "Oleg", commit: false, asOf: "2026-11-24", ...options }, sink());

/** Plans, approves and works every task in order; the change then waits for its review. */
async function implement(dir: string): Promise<string[]> {
  const seen: string[] = [];
  await runChangePlan({ project: dir }, "CHG-0001", { format: "json", write: true, commit: false, asOf: "2026-11-20" }, sink());
  seen.push(change(dir).status);
  await step(dir, "approve", { by: "Oleg Ivanov", via: "client", note: "e-mail of 2026-11-20" });
  seen.push(change(dir).status);
  for (;;) {
    const tasks = change(dir).tasks!;
    const next = tasks.find((t) => isReady(t, tasks));
    if (!next) break;
    // The first task is started, then done; the others go straight to done (also allowed).
    if (!tasks.some((t) => t.status !== "todo")) await task(dir, "start", next.id);
    // The documentation task is done once the docs index covers the new components, reviewed since the work began.
    if (next.kind === "documentation") await documentNewComponents(dir);
    await task(dir, "done", next.id);
    const status = change(dir).status;
    if (seen[seen.length - 1] !== status) seen.push(status);
  }
  return seen;
}

/** The TAM adds the new components to the web runbook and records its review (tam docs review). */
async function documentNewComponents(dir: string): Promise<void> {
  const path = join(dir, "docs.yaml");
  writeFileSync(path, readFileSync(path, "utf8").replace("covers: [core-fw, web-nginx, old-vm]", "covers: [core-fw, web-nginx, old-vm, app-vlan, app-vm]"));
  await runDocsReview({ project: dir }, "web-runbook", { by: "Irina Petrova", asOf: "2026-11-24", commit: false }, sink());
}

/** A copy of `from` (a project folder). */
function copy(from: string): string {
  const dir = mkdtempSync(join(tmpdir(), "tam-lifecycle-"));
  made.push(dir);
  cpSync(from, dir, { recursive: true });
  return dir;
}

describe("the change lifecycle", () => {
  let implemented = "";
  let steps: string[] = [];
  beforeAll(async () => {
    implemented = project();
    steps = await implement(implemented);
  });

  it("request → approve → tasks → review → closed; a successful close writes architecture.yaml (comments kept)", async () => {
    const dir = copy(implemented);
    expect(steps).toEqual(["planned", "approved", "in-progress", "review"]);
    await step(dir, "close", { outcome: "successful", note: "Both nodes serve; restore test of the final backup passed.", asOf: "2026-12-01" });
    const closed = change(dir);
    expect(closed.status).toBe("done");
    expect(closed.closure).toEqual({ outcome: "successful", note: "Both nodes serve; restore test of the final backup passed." });
    expect(closed.approval).toMatchObject({ by: "Oleg Ivanov", via: "client", note: "e-mail of 2026-11-20" });
    // Approval froze the promise: the baseline planned with --write is kept (none is stored twice).
    expect(closed.baseline?.client).toBeDefined();
    expect(closed.history!.map((e) => e.status)).toEqual(["approved", "in-progress", "review", "done"]);
    expect(closed.history!.every((e) => e.by && e.at)).toBe(true);
    expect(readFileSync(join(dir, "architecture.yaml"), "utf8")).toBe(readFileSync(EXPECTED, "utf8"));
    // The risk audit and the documentation check now see the new components, and no longer the decommissioned one.
    const after = loadProject(dir);
    // With its follow-ups and documentation done, the new landscape carries no risk; without the
    // documents, the audit names the new components (and not the decommissioned one).
    expect(assessRisks({ ...after, today: "2026-12-01" })).toEqual([]);
    const risky = new Set(assessRisks({ ...after, docs: [], today: "2026-12-01" }).flatMap((r) => r.components));
    expect(risky).toContain("app-vlan");
    expect(risky).not.toContain("old-vm");
    // The documentation task was done against the docs index: the new components are covered and known.
    const coverage = coverageOf(after.components, after.docs);
    expect(coverage.uncovered).toEqual([]);
    expect(coverage.unknown).toEqual([]);
  });

  it("closing commits the change file and architecture.yaml together, in one commit", async () => {
    const dir = copy(implemented);
    initRepo(dir);
    git(dir, ["add", "."]);
    git(dir, ["commit", "-q", "-m", "implemented"]);
    await step(dir, "close", { outcome: "with-issues", note: "Second nginx node one day late.", asOf: "2026-12-01", commit: true });
    expect(git(dir, ["show", "--name-only", "--format=%s", "HEAD"]).trim().split("\n")).toEqual(["CHG-0001: closed (with-issues)", "", "architecture.yaml", "changes/CHG-0001.yaml"]);
    expect(git(dir, ["status", "--porcelain"]).trim()).toBe("");
  });

  it("a rolled-back change leaves architecture.yaml as it was", async () => {
    const dir = copy(implemented);
    const before = readFileSync(join(dir, "architecture.yaml"), "utf8");
    // Rolled back: the new components never come, so the runbook stops covering them (else docs.yaml names nothing).
    writeFileSync(join(dir, "docs.yaml"), readFileSync(join(FIXTURE, "docs.yaml"), "utf8"));
    await step(dir, "close", { outcome: "rolled-back", note: "The app VMs could not reach the database; rolled back.", asOf: "2026-12-01" });
    expect(change(dir).status).toBe("done");
    expect(change(dir).closure?.outcome).toBe("rolled-back");
    expect(readFileSync(join(dir, "architecture.yaml"), "utf8")).toBe(before);
  });

  it("refuses to start a task of an unapproved normal change; --force with a reason is recorded", async () => {
    const dir = project();
    await runChangePlan({ project: dir }, "CHG-0001", { format: "json", write: true, commit: false, asOf: "2026-11-20" }, sink());
    await expect(task(dir, "start", "T1")).rejects.toThrow(/CHG-0001 is a normal change that is not approved yet \(planned\)/);
    expect(change(dir).tasks![0]!.status).toBe("todo");
    await task(dir, "start", "T1", { force: true, reason: "the client's CTO agreed on the phone" });
    const started = change(dir);
    expect(started.tasks![0]!.history!.at(-1)).toMatchObject({ status: "in-progress", forced: "started before CHG-0001 was approved: the client's CTO agreed on the phone" });
    expect(started.status).toBe("in-progress");
  });

  it("task done checks predecessors like start", async () => {
    const dir = project();
    await runChangePlan({ project: dir }, "CHG-0001", { format: "json", write: true, commit: false, asOf: "2026-11-20" }, sink());
    await step(dir, "approve", { by: "Oleg Ivanov" });
    const waiting = change(dir).tasks!.find((t) => (t.after ?? []).length > 0)!;
    await expect(task(dir, "done", waiting.id)).rejects.toThrow(new RegExp(`${waiting.id} waits for`));
  });

  it("tasks of a closed, cancelled or rejected change cannot be updated, and the refusal names the state", async () => {
    const dir = project();
    await runChangePlan({ project: dir }, "CHG-0001", { format: "json", write: true, commit: false, asOf: "2026-11-20" }, sink());
    await expect(step(dir, "cancel")).rejects.toThrow(/--note/);
    await step(dir, "reject", { note: "No budget this year" });
    expect(change(dir).status).toBe("rejected");
    await expect(task(dir, "start", "T1", { force: true, reason: "try" })).rejects.toThrow("CHG-0001 is rejected: its tasks can no longer be updated");
    await expect(step(dir, "approve", { by: "Oleg Ivanov" })).rejects.toThrow("CHG-0001 is already rejected");
    await expect(runChangePlan({ project: dir }, "CHG-0001", { format: "json", write: true, commit: false, asOf: "2026-11-20" }, sink())).rejects.toThrow(
      "CHG-0001 is rejected: its tasks can no longer be updated; nothing was written",
    );
  });

  it("closing needs an outcome and a review note, and a change whose work is finished", async () => {
    const dir = project();
    await runChangePlan({ project: dir }, "CHG-0001", { format: "json", write: true, commit: false, asOf: "2026-11-20" }, sink());
    await step(dir, "approve", { by: "Oleg Ivanov" });
    await expect(step(dir, "close", { note: "x" })).rejects.toThrow(/--outcome/);
    await expect(step(dir, "close", { outcome: "successful" })).rejects.toThrow(/--note/);
    await expect(step(dir, "close", { outcome: "successful", note: "x" })).rejects.toThrow(/only a change whose work is finished/);
  });
});
