// tam docs check without history, with broken entries, on the bundled example, and its git budget.
import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { copyProject, EXAMPLE, FIXTURES, git, initRepo, runTam } from "../helpers/run.js";

const at = (date: string) => ({ GIT_AUTHOR_DATE: `${date}T12:00:00+00:00`, GIT_COMMITTER_DATE: `${date}T12:00:00+00:00` });

describe("tam docs check: broken docs and missing history", () => {
  it("reports missing paths, paths leaving the project, symlinks out of it and unknown owners as broken; says once that history is missing", () => {
    const dir = copyProject(join(FIXTURES, "docs-broken"));
    symlinkSync("/etc/hostname", join(dir, "docs/linked.md"));
    writeFileSync(
      join(dir, "docs.yaml"),
      `${readFileSync(join(dir, "docs.yaml"), "utf8")}  - id: linked\n    title: Linked\n    location: docs/linked.md\n    owner: unix\n    last_review: { date: 2026-03-01 }\n`,
    );
    const table = runTam(["docs", "check", "-C", dir, "--as-of", "2026-04-10"]);
    expect(table.code).toBe(1);
    expect(table.stderr).toBe("tam: note: no git history (not a git repository): staleness comes from review intervals and change records only\n");
    expect(table.stdout).toContain("docs/missing.md does not exist");
    expect(table.stdout).toContain("../outside.md leaves the project folder");
    expect(table.stdout).toContain("docs/linked.md leaves the project folder");
    expect(table.stdout).toContain('owner "Someone Unknown" is neither a department id nor a person');
    expect(table.stdout).toMatch(/Docs covering unknown components \(1\):\n {2}orphan -> ghost/);

    const json = runTam(["docs", "check", "-C", dir, "--as-of", "2026-04-10", "--format", "json"]);
    expect(json.stderr).toBe("");
    const shape = JSON.parse(json.stdout);
    expect(shape).toMatchObject({ version: 1, failed: true, history: { available: false, reason: "not a git repository" }, summary: { fresh: 1, broken: 4 } });
    expect(shape.warnings).toHaveLength(1);
    expect(shape.docs.map((doc: { id: string; state: string }) => `${doc.id}:${doc.state}`)).toEqual(["escapes:broken", "linked:broken", "missing:broken", "orphan:broken", "web:fresh"]);
  });

  it("falls back to intervals and change records in a shallow clone", () => {
    const origin = copyProject(join(FIXTURES, "docs-basic"));
    initRepo(origin);
    git(origin, ["add", "-A"]);
    git(origin, ["commit", "-q", "-m", "Initial"], at("2026-01-10"));
    writeFileSync(join(origin, "architecture.yaml"), readFileSync(join(origin, "architecture.yaml"), "utf8").replace("instances: 2", "instances: 4"));
    git(origin, ["commit", "-q", "-am", "Scale"], at("2026-03-01"));
    const clone = join(mkdtempSync(join(tmpdir(), "tam-shallow-")), "clone");
    git(tmpdir(), ["clone", "-q", "--depth", "1", `file://${origin}`, clone]);
    const result = runTam(["docs", "check", "-C", clone, "--as-of", "2026-04-10", "--fail-on", "never"]);
    expect(result.code).toBe(0);
    expect(result.stderr.match(/no git history \(shallow clone/g)).toHaveLength(1);
    expect(result.stdout).toMatch(/3 fresh, 0 due, 0 stale/);
  });

  it("--fail-on due fails on a doc inside the warning window; --fail-on never does not fail", () => {
    const dir = copyProject(join(FIXTURES, "docs-basic"));
    // fw-after is due on 2027-04-01 (365d): 10 days left on 2027-03-22.
    const args = ["docs", "check", "-C", dir, "--as-of", "2027-03-22", "--format", "json", "--owner", "Irina Petrova"];
    const due = runTam([...args, "--fail-on", "due"]);
    expect(JSON.parse(due.stdout).docs).toEqual([expect.objectContaining({ id: "fw-after", state: "due", dueDate: "2027-04-01" })]);
    expect(due.code).toBe(1);
    expect(runTam([...args, "--fail-on", "stale"]).code).toBe(0);
    expect(runTam(["docs", "check", "-C", dir, "--as-of", "2028-01-01", "--fail-on", "never"]).code).toBe(0);
  });
});

describe("tam docs check: a removed component", () => {
  it("fails the check (exit 1) with the doc broken and the commit named, though validate is not run", () => {
    const dir = copyProject(join(FIXTURES, "docs-basic"));
    initRepo(dir);
    git(dir, ["add", "-A"]);
    git(dir, ["commit", "-q", "-m", "Initial"], at("2026-01-10"));
    const text = readFileSync(join(dir, "architecture.yaml"), "utf8");
    writeFileSync(
      join(dir, "architecture.yaml"),
      text.replace("  - id: vlan\n    name: Internal VLAN\n    kind: vlan\n    depends_on: [fw]\n    criticality: high\n\n", "").replace("depends_on: [vlan]", "depends_on: [fw]"),
    );
    git(dir, ["commit", "-q", "-am", "Drop the VLAN"], at("2026-03-01"));
    const hash = git(dir, ["rev-parse", "--short=7", "HEAD"]).trim();
    const result = runTam(["docs", "check", "-C", dir, "--as-of", "2026-04-10", "--format", "github"]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`vlan-doc is broken: vlan was removed from architecture.yaml by commit ${hash} 2026-03-01 Test Author "Drop the VLAN"`);
  });
});

describe("tam docs check: git processes", () => {
  /** A project with n components and n docs (each doc a file covering one component), committed. */
  function project(n: number): string {
    const dir = copyProject(join(FIXTURES, "docs-basic"));
    const ids = Array.from({ length: n }, (_, i) => `c${i}`);
    writeFileSync(join(dir, "architecture.yaml"), `components:\n${ids.map((id) => `  - id: ${id}\n    name: Component ${id}\n    kind: vlan\n`).join("")}`);
    writeFileSync(
      join(dir, "docs.yaml"),
      `docs:\n${ids.map((id) => `  - id: doc-${id}\n    title: Doc ${id}\n    location: docs/${id}.md\n    owner: network\n    covers: [${id}]\n    last_review: { date: 2026-02-01 }\n`).join("")}`,
    );
    for (const id of ids) writeFileSync(join(dir, "docs", `${id}.md`), `# ${id}\n`);
    initRepo(dir);
    git(dir, ["add", "-A"]);
    git(dir, ["commit", "-q", "-m", "Initial"], at("2026-01-10"));
    writeFileSync(join(dir, "architecture.yaml"), readFileSync(join(dir, "architecture.yaml"), "utf8").replace("name: Component c0\n", "name: Component zero\n"));
    git(dir, ["commit", "-q", "-am", "Rename c0"], at("2026-03-01"));
    return dir;
  }

  /** Runs tam with a `git` on PATH that counts its invocations before handing over to the real git. */
  function countGit(dir: string): { processes: number; reported: number; stale: number } {
    const realGit = spawnSync("sh", ["-c", "command -v git"], { encoding: "utf8" }).stdout.trim();
    const bin = mkdtempSync(join(tmpdir(), "tam-gitwrap-"));
    const log = join(bin, "calls.log");
    writeFileSync(join(bin, "git"), `#!/bin/sh\necho "$1" >> "${log}"\nexec "${realGit}" "$@"\n`);
    chmodSync(join(bin, "git"), 0o755);
    writeFileSync(log, "");
    const result = runTam(["docs", "check", "-C", dir, "--as-of", "2026-04-10", "--format", "json"], { env: { PATH: `${bin}:${process.env.PATH}` } });
    const json = JSON.parse(result.stdout);
    const calls = readFileSync(log, "utf8").split("\n").filter(Boolean);
    return { processes: calls.length, reported: json.meta.gitProcesses, stale: json.summary.stale };
  }

  it("does not grow with the number of docs or components", () => {
    const small = countGit(project(10));
    const large = countGit(project(20));
    expect(small.stale).toBe(1);
    expect(large.stale).toBe(1);
    expect(small.processes).toBeGreaterThan(0);
    expect(large.processes).toBe(small.processes);
    expect(small.reported).toBe(small.processes);
    expect(large.processes).toBeLessThanOrEqual(3);
  });
});

describe("tam docs check on the bundled example", () => {
  it("shows fresh, due and stale docs and a coverage gap", () => {
    const result = runTam(["docs", "check", "-C", EXAMPLE, "--as-of", "2026-11-20", "--format", "json"]);
    expect(result.code).toBe(1);
    const shape = JSON.parse(result.stdout);
    const states = new Set(shape.docs.map((doc: { state: string }) => doc.state));
    expect([...states].sort()).toEqual(["due", "fresh", "stale"]);
    const network = shape.docs.find((doc: { id: string }) => doc.id === "network");
    expect(network.reasons[0]).toMatchObject({ code: "change-task-done", change: "CHG-0001" });
    expect(shape.coverage.uncovered.length).toBeGreaterThan(0);
  });

  it("prints a table, and annotations for GitHub", () => {
    const table = runTam(["docs", "check", "-C", EXAMPLE, "--as-of", "2026-11-20"]);
    expect(table.stdout).toMatch(/│ backup-policy +│ due +│/);
    expect(table.stdout).toContain("Components no doc covers");
    const github = runTam(["docs", "check", "-C", EXAMPLE, "--as-of", "2026-11-20", "--format", "github"]);
    expect(github.stdout).toMatch(/^::error file=(examples\/northwind\/)?docs\.yaml,line=9,title=tam docs%3A stale::network is stale: change CHG-0001/m);
  });
});
