// Issue 32.1: tam change dispatch writes one row per open task in the CSV each tool's importer takes:
// the header documented in templates/dispatch, the department's queue, the due dates of `tam status`.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { dispatchChange } from "../../../src/app/change-dispatch.js";
import { capturedMain as tam } from "../../helpers/captured-main.js";
import { parseCsv } from "../../../src/domain/csv.js";
import { projectStatus } from "../../../src/domain/tracking/status.js";
import { loadProject } from "../../../src/project/load.js";
import { committedCopy, EXAMPLE, git, REPO } from "../../helpers/run.js";

const AS_OF = "2026-11-20";
const documented = (name: string) => parseCsv(readFileSync(join(REPO, "templates/dispatch", name), "utf8")).header;

/** The example with CHG-0003 planned (tam change plan --write), as a git repository. */
async function plannedExample(): Promise<string> {
  const dir = committedCopy(EXAMPLE);
  const plan = await tam(["change", "plan", "CHG-0003", "--write", "-C", dir, "--as-of", AS_OF]);
  expect(plan.code, plan.stderr).toBe(0);
  return dir;
}

/** Due dates as `tam status` gives them, per CHANGE/TASK. */
function statusFinish(dir: string): Map<string, string> {
  const project = loadProject(dir);
  const report = projectStatus({ ...project, today: AS_OF, timezone: project.manifest!.timezone });
  const out = new Map<string, string>();
  for (const d of report.departments) for (const t of [...d.startNow, ...d.queued, ...d.inProgress, ...d.blocked]) out.set(`${t.change}/${t.id}`, t.plannedFinish);
  return out;
}

describe("tam change dispatch", () => {
  it("CHG-0003 as a Jira CSV: the documented header, one row per task, queue, due date and links", async () => {
    const dir = await plannedExample();
    const head = git(dir, ["rev-parse", "HEAD"]);
    const run = await tam(["change", "dispatch", "CHG-0003", "--format", "jira-csv", "-C", dir, "--as-of", AS_OF]);
    expect(run.code, run.stderr).toBe(0);
    const table = parseCsv(run.stdout);
    expect(table.errors).toEqual([]);
    const tasks = loadProject(dir).changes.find((c) => c.id === "CHG-0003")!.tasks!;
    expect(tasks.length).toBeGreaterThan(2);
    const links = table.header.filter((h) => h === "Blocked By").length;
    expect(table.header.slice(0, 9)).toEqual(documented("jira-csv-header.csv").slice(0, 9));
    expect(links).toBe(Math.max(1, ...tasks.map((t) => (t.after ?? []).length)));
    expect(table.records).toHaveLength(tasks.length);
    const departments = new Map(loadProject(dir).departments.map((d) => [d.id, d]));
    const due = statusFinish(dir);
    const col = (name: string) => table.header.indexOf(name);
    const ids = new Map(table.records.map((r) => [/^\[(CHG-0003\/T\d+)\]/.exec(r.cells[col("Summary")]!)![1]!, r.cells[col("Issue Id")]!]));
    for (const task of tasks) {
      const record = table.records.find((r) => r.cells[col("Summary")] === `[CHG-0003/${task.id}] ${task.title}`);
      expect(record, task.id).toBeDefined();
      const cells = record!.cells;
      expect(cells[col("Issue Type")]).toBe("Task");
      expect(cells[col("Project Key")]).toBe(departments.get(task.department)!.queue?.jira ?? "");
      expect(cells[col("Due Date")]).toBe(due.get(`CHG-0003/${task.id}`));
      expect(cells[col("Description")]).toContain("Rollback plan of the change:");
      for (const component of task.components ?? []) expect(cells[col("Description")]).toContain(component);
      const blockedBy = cells.slice(col("Blocked By")).filter(Boolean);
      expect(blockedBy.sort()).toEqual((task.after ?? []).map((id) => ids.get(`CHG-0003/${id}`)!).sort());
      expect(cells.filter((_, i) => table.header[i] === "Labels")).toEqual(["tam", "CHG-0003", task.department]);
    }
    // Nothing in the project changed.
    expect(git(dir, ["rev-parse", "HEAD"])).toBe(head);
    expect(git(dir, ["status", "--porcelain"])).toBe("");
  });

  it("CHG-0003 as a ServiceNow import set: the documented header, correlation id, group and planned dates", async () => {
    const dir = await plannedExample();
    const out = join(dir, "..", `snow-${Date.now()}.csv`);
    const run = await tam(["change", "dispatch", "CHG-0003", "--format", "servicenow-csv", "-o", out, "-C", dir, "--as-of", AS_OF]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/wrote \d+ tickets of CHG-0003/);
    const table = parseCsv(readFileSync(out, "utf8"));
    expect(table.header).toEqual(documented("servicenow-csv-header.csv"));
    const result = dispatchChange({ project: dir, id: "CHG-0003", asOf: AS_OF });
    const due = statusFinish(dir);
    expect(table.records.map((r) => r.cells[0])).toEqual(result.tickets.map((t) => t.ref));
    for (const [i, record] of table.records.entries()) {
      const ticket = result.tickets[i]!;
      expect(record.cells[2]).toMatch(/^\[CHG-0003\/T\d+\] /);
      expect(record.cells[4]).toBe(ticket.queue.servicenow ?? "");
      expect(record.cells[6]!.slice(0, 10)).toBe(due.get(ticket.ref));
      expect(record.cells[5]).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    }
  });

  it("leaves finished tasks out and says so; refuses an unknown change and a folder as -o", async () => {
    const run = await tam(["change", "dispatch", "CHG-0002", "--format", "json", "-C", EXAMPLE, "--as-of", AS_OF]);
    expect(run.code, run.stderr).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json.tickets.map((t: { ref: string }) => t.ref)).toEqual(["CHG-0002/T3", "CHG-0002/T4", "CHG-0002/T5", "CHG-0002/T7"]);
    expect(run.stderr).toContain("not dispatched (finished): CHG-0002/T1 (done)");
    // T5 waits for T3, which is dispatched too: a link; T3's predecessor T2 is done: no link.
    expect(json.tickets.find((t: { ref: string }) => t.ref === "CHG-0002/T5").blockedBy).toEqual(["CHG-0002/T3"]);
    expect(json.tickets.find((t: { ref: string }) => t.ref === "CHG-0002/T3").blockedBy).toEqual([]);
    const missing = await tam(["change", "dispatch", "CHG-0099", "--format", "json", "-C", EXAMPLE]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("no change CHG-0099");
    const folder = await tam(["change", "dispatch", "CHG-0002", "--format", "jira-csv", "-o", REPO, "-C", EXAMPLE]);
    expect(folder.code).toBe(2);
    expect(folder.stderr).toContain("is a folder");
    const noFormat = await tam(["change", "dispatch", "CHG-0002", "-C", EXAMPLE]);
    expect(noFormat.code).toBe(2);
    expect(existsSync(join(EXAMPLE, "chg.csv"))).toBe(false);
  });
});
