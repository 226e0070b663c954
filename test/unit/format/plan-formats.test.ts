import { describe, expect, it } from "vitest";
import { planChange } from "../../../src/domain/planner/index.js";
import { planFormatters } from "../../../src/format/plan/index.js";
import { statusFormatters } from "../../../src/format/status/index.js";
import { projectStatus } from "../../../src/domain/tracking/status.js";
import type { Change } from "../../../src/model/files.js";

const change: Change = {
  id: "CHG-0001",
  title: "Web | <b>",
  type: "normal",
  status: "draft",
  due: "2026-11-30",
  window: { start: "2026-11-02T09:00:00Z" },
  scope: [
    { component: "vlan", action: "add" },
    { component: "web", action: "add" },
  ],
  new_components: [
    { id: "vlan", name: "VLAN", kind: "vlan" },
    { id: "web", name: "Web: nginx", kind: "nginx", depends_on: ["vlan"] },
  ],
};
const plan = planChange({
  change,
  manifest: undefined,
  departments: [
    { id: "network", name: "N", owns: ["vlan"] },
    { id: "unix", name: "U", owns: ["nginx"], lead_time: "2d" },
  ],
  components: [],
  changes: [change],
  docs: [],
  where: () => ({ file: "c.yaml", line: 3 }),
  today: "2026-11-01",
  timezone: "UTC",
});
const report = { plan, file: "changes/CHG-0001.yaml", stored: false, asOf: "2026-11-01" };
const opts = { color: false };

describe("plan formats", () => {
  it("json has the documented top-level shape", () => {
    const json = JSON.parse(planFormatters.json!(report, opts));
    expect(Object.keys(json)).toEqual([
      "version",
      "asOf",
      "change",
      "file",
      "schedule",
      "start",
      "finish",
      "earliestFinish",
      "workingDays",
      "calendar",
      "estimates",
      "baseline",
      "slipDays",
      "dateOpen",
      "criticalPath",
      "waves",
      "backoutOrder",
      "rollback",
      "tasks",
      "diff",
      "proposal",
      "stored",
      "baselineWritten",
      "commit",
      "findings",
    ]);
    expect(json.version).toBe(3);
    expect(json.schedule).toBe("proposal");
    expect(json.proposal).toBeNull();
    expect(json.tasks[0]).toMatchObject({ id: "T1", wave: 1, critical: true, start: "2026-11-02" });
    expect(json.findings.map((f: { code: string }) => f.code)).toContain("missing-rollback");
  });
  it("mermaid gives a gantt with explicit dates and crit, and a flowchart", () => {
    const out = planFormatters.mermaid!(report, opts);
    expect(out).toContain("dateFormat YYYY-MM-DD");
    // network's default 2d... no: network has no lead_time, so 1d (Mon 2 Nov); unix 2d on Tue-Wed.
    expect(out).toMatch(/T2 Set up Web nginx :crit, CHG_0001_T2, 2026-11-03, 2026-11-05/);
    expect(out).toContain("todayMarker off");
    expect(out).toContain("excludes weekends");
    expect(out).toMatch(/:milestone, asof, 2026-11-01, 0d/);
    expect(out).toContain("flowchart LR");
    // Node ids are generated from task ids, as arch graph does: a task id cannot inject syntax.
    expect(out).toContain("t_T1 --> t_T2");
  });
  it("mermaid escapes HTML and bidi controls in flowchart labels the way arch graph does", () => {
    const hostile = { ...report, plan: { ...report.plan, tasks: report.plan.tasks.map((t, i) => (i === 0 ? { ...t, title: '<img src=x onerror=alert(1)>"] --> X\u202e' } : t)) } };
    const out = planFormatters.mermaid!(hostile as typeof report, opts);
    const flow = out.slice(out.indexOf("flowchart"));
    expect(flow).not.toContain("<img");
    expect(flow).toContain("#60;img src=x onerror=alert(1)#62;#34;#93; --#62; X\ufffd");
    expect(out).not.toMatch(/\u202e/);
  });
  it("markdown escapes user text and lists the tasks", () => {
    const out = planFormatters.markdown!(report, opts);
    expect(out).toContain("Web \\| &lt;b&gt;");
    expect(out).toContain("| 2 | T2 |");
    expect(out).toContain("Client promise (×3)");
  });
  it("table prints the critical path and the padded dates", () => {
    const out = planFormatters.table!(report, opts);
    expect(out).toContain("critical path: T1 → T2");
    expect(out).toMatch(/internal date \(×2\): \d+ working day/);
    expect(out).toContain("not written");
  });
});

describe("status formats", () => {
  const status = projectStatus({
    changes: [{ ...change, status: "planned", type: "standard", tasks: [{ id: "T1", title: "a|b", department: "network", status: "todo" }] }],
    departments: [],
    manifest: undefined,
    today: "2026-11-02",
    timezone: "UTC",
  });
  it("json, markdown and table", () => {
    expect(JSON.parse(statusFormatters.json!(status, opts))).toMatchObject({
      version: 2,
      today: "2026-11-02",
      changes: [{ id: "CHG-0001", ready: [{ id: "T1" }] }],
      departments: [{ department: "network", startNow: [{ id: "T1" }] }],
    });
    expect(statusFormatters.markdown!(status, opts)).toContain("start now: CHG-0001/T1 a\\|b");
    expect(statusFormatters.table!(status, opts)).toContain("start now:\n      CHG-0001/T1 a|b (2026-11-02 → 2026-11-02)");
  });
});
