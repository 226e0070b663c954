import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { copyProject, EXAMPLE, FIXTURES, git, initRepo, runTam } from "../helpers/run.js";

const landscape = join(FIXTURES, "plan-landscape");
type JsonTask = { id: string; title: string; department: string; kind: string; components: string[]; after: string[]; wave: number; start: string; finish: string; critical: boolean; slack: number };

function planJson(dir: string, id = "CHG-0001") {
  const result = runTam(["change", "plan", id, "-C", dir, "--as-of", "2026-11-20", "--format", "json"]);
  return {
    result,
    json: JSON.parse(result.stdout) as {
      tasks: JsonTask[];
      criticalPath: string[];
      waves: string[][];
      estimates: { internal: { date: string; workingDays: number }; client: { date: string; workingDays: number }; fitsDue: boolean; clientFitsDue: boolean };
      start: string;
      finish: string;
      findings: { code: string; severity: string }[];
      diff: { added: string[] };
    },
  };
}

describe("tam change plan: the landscape request", () => {
  const { result, json } = planJson(landscape);
  const impl = (component: string) => json.tasks.find((t) => t.kind === "implementation" && t.components[0] === component)!;

  it("chains network → virtualization → Unix OS → nginx and php in parallel", () => {
    expect(result.code).toBe(0);
    expect(["app-vlan", "app-vm", "app-os", "app-nginx", "app-php"].map((c) => [impl(c).department, impl(c).wave])).toEqual([
      ["network", 1],
      ["virtualization", 2],
      ["unix", 3],
      ["unix", 4],
      ["unix", 4],
    ]);
    expect(impl("app-vm").after).toEqual([impl("app-vlan").id]);
    expect(impl("app-nginx").after).toEqual([impl("app-os").id]);
    expect(impl("app-php").after).toEqual([impl("app-os").id]);
    expect(impl("app-nginx").start).toBe(impl("app-php").start);
  });

  it("adds monitoring and backup follow-ups and a final documentation task", () => {
    const follow = json.tasks.filter((t) => t.kind !== "implementation").map((t) => `${t.kind}/${t.department}/${t.components.join(",")}`);
    expect(follow).toEqual(expect.arrayContaining(["backup/backup/app-vm", "monitoring/monitoring/app-vm", "monitoring/monitoring/app-nginx,app-php", "security/cyber-defence/app-nginx"]));
    // One monitoring task for nginx and php (same department, same wave), not one each.
    expect(follow.filter((f) => f.startsWith("monitoring/")).length).toBe(4);
    const last = json.tasks[json.tasks.length - 1]!;
    expect(last.kind).toBe("documentation");
    expect(last.department).toBe("design-center");
    expect(last.wave).toBe(json.waves.length);
    const monitorVm = json.tasks.find((t) => t.kind === "monitoring" && t.components[0] === "app-vm")!;
    expect(monitorVm.after).toEqual([impl("app-vm").id]);
  });

  it("prints the critical path and the ×2 / ×3 dates", () => {
    expect(json.start).toBe("2026-11-23");
    expect(json.finish).toBe("2026-12-02");
    expect(json.criticalPath.slice(0, 4)).toEqual([impl("app-vlan").id, impl("app-vm").id, impl("app-os").id, impl("app-nginx").id]);
    // 8 working days (23 Nov - 2 Dec: the nginx+php monitoring task is 2d); ×2 = 16 → 14 Dec; ×3 = 24 → 24 Dec.
    expect(json.estimates.internal).toMatchObject({ workingDays: 16, date: "2026-12-14" });
    expect(json.estimates.client).toMatchObject({ workingDays: 24, date: "2026-12-24" });
    expect(json.estimates.fitsDue).toBe(true);
    expect(json.estimates.clientFitsDue).toBe(false);
    const table = runTam(["change", "plan", "CHG-0001", "-C", landscape, "--as-of", "2026-11-20"]);
    expect(table.stdout).toContain("critical path: T1 → T2 → T4 → T7, T8");
    expect(table.stdout).toContain("internal date (×2): 16 working days, until 2026-12-14");
    expect(table.stdout).toContain("client promise (×3): 24 working days, until 2026-12-24");
    expect(table.stdout).toContain("backout order: T8, T7, T4, T2, T1");
    expect(table.stderr).toContain("warning change-conflict CHG-0002 (in-progress) overlaps CHG-0001");
  });

  it("is deterministic with --as-of and writes nothing without --write; the id is taken in any case", () => {
    const again = runTam(["change", "plan", "chg-0001", "-C", landscape, "--as-of", "2026-11-20", "--format", "json"]);
    expect(again.stdout).toBe(result.stdout);
    expect(readFileSync(join(landscape, "changes/CHG-0001.yaml"), "utf8")).not.toContain("tasks:");
  });

  it("markdown and mermaid formats", () => {
    const md = runTam(["change", "plan", "CHG-0001", "-C", landscape, "--as-of", "2026-11-20", "-f", "markdown"]);
    expect(md.stdout).toContain("## CHG-0001: Landscape for the new project");
    expect(md.stdout).toContain("| 1 | T1 | Set up App VLAN | network |");
    const mermaid = runTam(["change", "plan", "CHG-0001", "-C", landscape, "--as-of", "2026-11-20", "-f", "mermaid"]);
    expect(mermaid.stdout).toContain("  T1 Set up App VLAN :crit, CHG_0001_T1, 2026-11-23, 2026-11-25");
    expect(mermaid.stdout).toContain("  t_T4 --> t_T7"); // node ids generated from task ids, as in arch graph
  });
});

describe("tam change plan: waves and cycles", () => {
  it("plans a change touching eight departments into correct waves", () => {
    const { result, json } = planJson(join(FIXTURES, "plan-comprehensive"));
    expect(result.code).toBe(0);
    const impl = json.tasks.filter((t) => t.kind === "implementation");
    expect(new Set(impl.map((t) => t.department)).size).toBe(8);
    const wave = Object.fromEntries(impl.map((t) => [t.components[0], t.wave]));
    expect(wave).toEqual({ vlan: 1, vm: 2, nas: 2, waf: 2, os: 3, win: 3, nginx: 4, pg: 4, app: 5 });
    expect(json.tasks.some((t) => t.kind === "security")).toBe(false); // disabled in tam.yaml
  });

  it("reports a cyclic architecture as a path with file:line of each edge, exit 1", () => {
    const result = runTam(["change", "plan", "CHG-0001", "-C", join(FIXTURES, "plan-cycle"), "--as-of", "2026-11-20"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      "error dependency-cycle CHG-0001 cannot be ordered: dependency cycle web-os → web-vm → web-os: web-os → web-vm (architecture.yaml:13); web-vm → web-os (architecture.yaml:9)",
    );
    const json = runTam(["change", "plan", "CHG-0001", "-C", join(FIXTURES, "plan-cycle"), "--as-of", "2026-11-20", "-f", "json"]);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout).findings[0]).toMatchObject({ severity: "error", code: "dependency-cycle", file: "architecture.yaml", line: 13 });
  });

  it("an unknown change is a usage error", () => {
    const result = runTam(["change", "plan", "CHG-0101", "-C", landscape]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("did you mean CHG-0001");
  });
});

describe("tam change plan --write", () => {
  it("stores the tasks, marks the draft planned, commits only that file; re-planning keeps status and history", () => {
    const dir = copyProject(landscape);
    initRepo(dir);
    git(dir, ["add", "."]);
    git(dir, ["commit", "-q", "-m", "start"]);
    const before = readFileSync(join(dir, "changes/CHG-0001.yaml"), "utf8");
    const first = runTam(["change", "plan", "CHG-0001", "-C", dir, "--as-of", "2026-11-20", "--write"]);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/wrote changes\/CHG-0001.yaml: added T1, .*T12 \(commit [0-9a-f]+\)/);
    const written = readFileSync(join(dir, "changes/CHG-0001.yaml"), "utf8");
    expect(written.startsWith(before.slice(0, before.indexOf("status: draft")))).toBe(true);
    expect(written).toContain("status: planned\ntasks:\n  - id: T1\n");
    // The first write stores the baseline: the dates and the promises as agreed.
    expect(written).toMatch(
      /\nbaseline:\n {2}recorded_at: 2026-11-20T23:59:59\+03:00\n {2}start: 2026-11-23T09:00:00\+03:00\n {2}finish: 2026-12-02T18:00:00\+03:00\n {2}internal: 2026-12-14\n {2}client: 2026-12-24\n {2}tasks:\n {4}T1: \{ start: 2026-11-23T09:00:00\+03:00, finish: 2026-11-24T18:00:00\+03:00 \}/,
    );
    expect(git(dir, ["show", "--name-only", "--format=%s", "HEAD"]).trim().split("\n")).toEqual(["CHG-0001: plan 12 tasks, baseline finish 2026-12-02", "", "changes/CHG-0001.yaml"]);
    expect(runTam(["validate", "-C", dir]).code).toBe(0);

    // A normal change: its approval comes before the first task.
    expect(runTam(["change", "approve", "CHG-0001", "-C", dir, "--as-of", "2026-11-21", "--by", "Elena Smirnova", "--via", "client"]).code).toBe(0);
    expect(runTam(["task", "start", "CHG-0001/T1", "-C", dir, "--as-of", "2026-11-23T09:30:00+03:00", "--by", "Oleg"]).code).toBe(0);
    const again = runTam(["change", "plan", "CHG-0001", "-C", dir, "--as-of", "2026-11-20", "--write", "--no-commit"]);
    expect(again.stdout).toContain("no change to the written tasks");
    const replanned = planJson(dir).json;
    expect(replanned.diff.added).toEqual([]);
    // As of 2026-11-20 T1 had not started yet (it started on 11-23); as of then, it is in progress.
    expect(replanned.tasks.find((t) => t.id === "T1")).toMatchObject({ status: "todo" });
    const later = runTam(["change", "plan", "CHG-0001", "-C", dir, "--as-of", "2026-11-23T10:00:00+03:00", "--format", "json", "--fail-on", "never"]);
    expect((JSON.parse(later.stdout) as { tasks: JsonTask[] }).tasks.find((t) => t.id === "T1")).toMatchObject({ status: "in-progress" });
  });

  it("plans the example's draft landscape change (the README job)", () => {
    const result = runTam(["change", "plan", "CHG-0003", "-C", EXAMPLE, "--as-of", "2026-11-20"]);
    expect(result.code).toBe(0);
    // The Black Friday blackout (27-30 Nov) moves nginx from Friday to Tuesday 1 Dec; the Unix
    // group (capacity 1) does php after it, on Wednesday.
    expect(result.stdout).toContain("critical path: T1 → T2 → T4 → T7 → T8 → T10 → T12");
    expect(result.stdout).toMatch(/T7 +│ Set up nginx[^\n]*2026-12-01 │ 2026-12-01/);
    expect(result.stdout).toMatch(/T8 +│ Set up PHP-FPM[^\n]*waits for CHG-0003\/T7[^\n]*2026-12-02 │ 2026-12-02/);
    expect(result.stdout).toContain("client promise (×3): 19 working days, until 2026-12-21");
    expect(result.stderr).toContain("info blackout");
  });
});
