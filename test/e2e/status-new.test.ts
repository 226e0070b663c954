import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { copyProject, EXAMPLE, FIXTURES, git, initRepo, runTam } from "../helpers/run.js";

describe("tam status", () => {
  it("shows open changes, what is ready per department, blocked with its note, late", () => {
    const result = runTam(["status", "-C", EXAMPLE, "--as-of", "2026-11-20"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("start now:\n      CHG-0004/T1");
    expect(result.stdout).toContain("CHG-0002/T4 Ship WAF events to the SIEM");
    expect(result.stdout).toContain("SIEM licence is at its EPS limit");
    expect(result.stdout).toMatch(/CHG-0002\/T3 nginx real_ip[^\n]*late by 5d 4h/);
    expect(result.stdout).toContain("warning task-late: CHG-0002/T3 (unix) is late by 5d 4h: planned to finish 2026-11-13");
    expect(result.stdout).not.toContain("CHG-0001 ");
    // Forecast against the baseline stored in CHG-0002: slip, and at risk for the internal date.
    expect(result.stdout).toContain("warning at-risk: CHG-0002 is at risk: its date is open (T4 blocked with no date; not before 2026-11-23): the client date 2026-11-26 cannot be confirmed");
    expect(runTam(["status", "-C", EXAMPLE, "--as-of", "2026-11-20", "--fail-on", "warning"]).code).toBe(1);
  });

  it("--mine shows the tasks assigned to me (git user.name, else $USER)", () => {
    const dir = copyProject(EXAMPLE);
    const mine = runTam(["status", "-C", dir, "--as-of", "2026-11-20", "--mine", "--format", "json"], { env: { USER: "Roman Zaitsev", GIT_CONFIG_GLOBAL: "/dev/null", GIT_CONFIG_NOSYSTEM: "1" } });
    expect(mine.code, mine.stderr).toBe(0);
    const json = JSON.parse(mine.stdout);
    expect(json.assignee).toBe("Roman Zaitsev");
    expect(json.departments).toEqual([
      expect.objectContaining({ department: "unix", inProgress: [expect.objectContaining({ change: "CHG-0002", id: "T3", assignee: "Roman Zaitsev" })], startNow: [], queued: [] }),
    ]);
  });

  it("--department answers what that department can pick up; json and markdown", () => {
    const json = JSON.parse(runTam(["status", "-C", EXAMPLE, "--as-of", "2026-11-20", "--department", "backup", "-f", "json"]).stdout);
    expect(json).toMatchObject({ version: 2, today: "2026-11-20", department: "backup" });
    expect(json.readyByDepartment).toEqual([{ department: "backup", tasks: [expect.objectContaining({ change: "CHG-0004", id: "T1" })] }]);
    const md = runTam(["status", "-C", EXAMPLE, "--as-of", "2026-11-20", "-f", "markdown"]);
    expect(md.stdout).toContain("## Open changes as of 2026-11-20");
    expect(runTam(["status", "-C", EXAMPLE, "--department", "bakup"]).stderr).toContain("did you mean backup");
  });
});

describe("tam change new", () => {
  it("writes the next free change from flags, validates and commits it", () => {
    const dir = copyProject(join(FIXTURES, "plan-landscape"));
    initRepo(dir);
    git(dir, ["add", "."]);
    git(dir, ["commit", "-q", "-m", "start"]);
    const result = runTam([
      "change",
      "new",
      "-C",
      dir,
      "--title",
      "Redis: sessions",
      "--type",
      "normal",
      "--due",
      "2026-12-15",
      "--component",
      "core-fw:modify",
      "--new-component",
      "app-redis:vm:Redis VM:vmware-cluster",
      "--rollback",
      "Remove it",
      "--as-of",
      "2026-11-20",
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe("CHG-0003\n");
    expect(result.stderr).toContain("created changes/CHG-0003.yaml");
    const text = readFileSync(join(dir, "changes/CHG-0003.yaml"), "utf8");
    expect(text).toContain('title: "Redis: sessions"');
    expect(text).toContain("requested_at: 2026-11-20");
    expect(git(dir, ["show", "--name-only", "--format=%s", "HEAD"]).trim().split("\n")).toEqual(['CHG-0003: new change "Redis: sessions"', "", "changes/CHG-0003.yaml"]);
    const plan = JSON.parse(runTam(["change", "plan", "CHG-0003", "-C", dir, "--as-of", "2026-11-20", "-f", "json"]).stdout);
    expect(plan.tasks.map((t: { kind: string; department: string }) => `${t.kind}/${t.department}`)).toEqual(
      expect.arrayContaining(["backup/backup", "monitoring/monitoring", "documentation/design-center"]),
    );
  });

  it("refuses without a title, and refuses a reference to an unknown component", () => {
    const dir = copyProject(join(FIXTURES, "plan-landscape"));
    expect(runTam(["change", "new", "-C", dir, "--component", "core-fw:modify", "--no-commit"]).code).toBe(2);
    const bad = runTam(["change", "new", "-C", dir, "--title", "x", "--component", "nope:modify", "--no-commit"]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('unknown component "nope"');
  });
});
