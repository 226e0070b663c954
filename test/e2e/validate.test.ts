import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { copyProject, EXAMPLE, FIXTURES, REPO, runTam } from "../helpers/run.js";
import { assertWellFormedXml } from "../helpers/xml.js";

/** The example with one dangling reference, one cycle, one misspelt key and one malformed file. */
function brokenExample(): string {
  const dir = copyProject(EXAMPLE);
  const edit = (file: string, from: string | RegExp, to: string) => {
    const path = join(dir, file);
    const text = readFileSync(path, "utf8");
    const next = text.replace(from, to);
    if (next === text) throw new Error(`fixture edit did not apply to ${file}`);
    writeFileSync(path, next);
  };
  edit("architecture.yaml", /(- id: dc-uplink[\s\S]*?depends_on: \[dc-rack)\]/, "$1, core-fw]");
  edit("architecture.yaml", /(- id: office-vpn[\s\S]*?depends_on: \[core-fw)\]/, "$1, dc-uplnk]");
  edit("architecture.yaml", /(- id: san\n[\s\S]*?)criticality:/, "$1criticallity:");
  edit("incidents/2026-08.yaml", "title: Reporting dashboard shows yesterday's data", 'title: "Reporting dashboard shows yesterday data');
  return dir;
}

function lineOf(dir: string, file: string, needle: string): number {
  const lines = readFileSync(join(dir, file), "utf8").split("\n");
  const index = lines.findIndex((l) => l.includes(needle));
  if (index < 0) throw new Error(`${needle} not in ${file}`);
  return index + 1;
}

describe("tam validate", () => {
  it("an impossible date is one finding (invalid-date), not also an order or overdue warning from reading it as another day", () => {
    for (const name of ["impossible-review-date", "impossible-meeting-date"]) {
      const dir = copyProject(join(FIXTURES, "bad", name));
      const result = runTam(["validate", "--format", "json", "--as-of", "2026-12-06", "-C", dir]);
      expect(result.code, name).toBe(1);
      const issues = JSON.parse(result.stdout).issues as { code: string; line?: number }[];
      expect(
        issues.map((i) => i.code),
        name,
      ).toEqual(issues.map(() => "invalid-date"));
      expect(issues.length, name).toBe(2);
    }
  });

  it("passes on the bundled example", () => {
    const result = runTam(["validate", "-C", EXAMPLE]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/0 errors/);
  });

  describe("on a broken copy of the example", () => {
    let dir: string;
    let json: { issues: { severity: string; code: string; file: string; line: number; col: number; message: string }[] };
    beforeAll(() => {
      dir = brokenExample();
      const result = runTam(["validate", "-C", dir, "--format", "json"]);
      expect(result.code).toBe(1);
      json = JSON.parse(result.stdout);
    });

    it("gives exactly the four planted errors, each at its file:line:col", () => {
      const errors = json.issues.filter((i) => i.severity === "error");
      const vpnLine = lineOf(dir, "architecture.yaml", "depends_on: [core-fw, dc-uplnk]");
      const uplinkLine = lineOf(dir, "architecture.yaml", "depends_on: [dc-rack, core-fw]");
      const sanKeyLine = lineOf(dir, "architecture.yaml", "criticallity:");
      const quoteLine = lineOf(dir, "incidents/2026-08.yaml", '"Reporting dashboard');
      expect(errors.map(({ code, file, line, col }) => ({ code, file, line, col }))).toEqual([
        { code: "dependency-cycle", file: "architecture.yaml", line: expect.any(Number), col: expect.any(Number) },
        { code: "unknown-reference", file: "architecture.yaml", line: vpnLine, col: 27 },
        { code: "unknown-key", file: "architecture.yaml", line: sanKeyLine, col: 5 },
        { code: "yaml-syntax", file: "incidents/2026-08.yaml", line: quoteLine, col: 12 },
      ]);
      const cycle = errors[0]!;
      expect(cycle.message).toContain("core-fw → dc-uplink → core-fw");
      expect(cycle.message).toContain(`dc-uplink → core-fw (architecture.yaml:${uplinkLine})`);
      expect(errors[1]!.message).toContain('did you mean "dc-uplink"');
      expect(errors[2]!.message).toContain('did you mean "criticality"');
    });

    it("prints file:line:col lines grouped by file, no stack trace, exit 1", () => {
      const result = runTam(["validate", "-C", dir]);
      expect(result.code).toBe(1);
      expect(result.stderr).toBe("");
      expect(result.stdout).toMatch(/^architecture\.yaml$/m);
      expect(result.stdout).toMatch(/^ {2}architecture\.yaml:\d+:27 error unknown-reference unknown component "dc-uplnk"/m);
      expect(result.stdout).not.toMatch(/\bat .*\.js:\d+/);
      expect(result.stdout).not.toMatch(/\u001b\[/);
    });

    it("writes GitHub annotations", () => {
      const result = runTam(["validate", "-C", dir, "--format", "github"]);
      expect(result.code).toBe(1);
      expect(result.stdout).toMatch(/^::error file=architecture\.yaml,line=\d+,col=27,title=tam unknown-reference::unknown component "dc-uplnk"/m);
      expect(result.stdout).toMatch(/^::warning file=changes\/CHG-0004\.yaml,line=\d+,col=\d+,title=tam missing-rollback::/m);
    });

    it("writes SARIF 2.1.0 with the required fields", () => {
      // As of a fixed date: the incident loop's findings depend on it (missing-review, action-overdue).
      const sarif = JSON.parse(runTam(["validate", "-C", dir, "--format", "sarif", "--as-of", "2026-11-20"]).stdout);
      expect(sarif.version).toBe("2.1.0");
      const run = sarif.runs[0];
      expect(run.tool.driver.name).toBe("tam");
      // The four errors; the warnings: missing-rollback, three missing-review, one recurrence (2026-08.yaml, unreadable, holds the reviewed INC-0004), the meeting's overdue action item.
      expect(run.results).toHaveLength(10);
      for (const result of run.results) {
        expect(result.message.text).toEqual(expect.any(String));
        expect(["error", "warning", "note"]).toContain(result.level);
        expect(run.tool.driver.rules[result.ruleIndex].id).toBe(result.ruleId);
        expect(result.locations[0].physicalLocation.artifactLocation.uri).toEqual(expect.any(String));
        expect(result.locations[0].physicalLocation.region.startLine).toBeGreaterThan(0);
      }
    });

    it("writes well-formed JUnit XML with a failure per error", () => {
      const result = runTam(["validate", "-C", dir, "--format", "junit", "--as-of", "2026-11-20"]);
      expect(() => assertWellFormedXml(result.stdout)).not.toThrow();
      expect(result.stdout.match(/<failure /g)).toHaveLength(4);
      expect(result.stdout).toMatch(/<testsuites name="tam validate" tests="10" failures="4">/);
    });
  });

  it("--fail-on warning turns the example's warning into exit 1", () => {
    expect(runTam(["validate", "-C", EXAMPLE, "--fail-on", "warning"]).code).toBe(1);
  });

  it("finds the project by walking up from a subfolder", () => {
    const result = runTam(["validate"], { cwd: join(FIXTURES, "minimal/changes") });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("no problems in 6 files");
  });

  it("says clearly when there is no project, with exit 2", () => {
    const result = runTam(["validate", "-C", join(FIXTURES, "does-not-exist")]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^tam: project folder not found/);
    expect(runTam(["validate", "-C", "test"]).stderr).toMatch(/has no tam\.yaml/);
  });

  it("rejects an unknown format as a usage error", () => {
    const result = runTam(["validate", "-C", EXAMPLE, "--format", "xml"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Allowed choices are pretty, json, github, sarif, junit, codeclimate/);
  });

  describe("CI formats name files from the repository's top level", () => {
    const VERSION = (JSON.parse(readFileSync(join(REPO, "package.json"), "utf8")) as { version: string }).version;
    const WARNING_FILE = "examples/northwind/changes/CHG-0004.yaml";

    it("with -C from the top level, and from a subfolder of the project without -C", () => {
      for (const [args, cwd] of [
        [["-C", "examples/northwind"], REPO],
        [[], join(EXAMPLE, "changes")],
      ] as const) {
        const result = runTam(["validate", ...args, "--format", "github"], { cwd });
        expect(result.code, result.stderr).toBe(0);
        expect(result.stdout).toMatch(new RegExp(`^::warning file=${WARNING_FILE.replace(/[./]/g, "\\$&")},line=\\d+`, "m"));
      }
    });

    it("writes several formats at once: SARIF and Code Quality into files, annotations on stdout", () => {
      const out = mkdtempSync(join(tmpdir(), "tam-reports-"));
      const result = runTam([
        "validate",
        "-C",
        "examples/northwind",
        "--as-of",
        "2026-11-20",
        "--format",
        "sarif",
        "--output",
        join(out, "tam.sarif"),
        "--format",
        "github",
        "-f",
        "codeclimate",
        "-o",
        join(out, "quality.json"),
      ]);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toMatch(/^::warning file=examples\/northwind\//m);
      const sarif = JSON.parse(readFileSync(join(out, "tam.sarif"), "utf8"));
      expect(sarif.runs[0].tool.driver.version).toBe(VERSION);
      expect(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe(WARNING_FILE);
      const quality = JSON.parse(readFileSync(join(out, "quality.json"), "utf8"));
      expect(quality).toContainEqual(expect.objectContaining({ check_name: "missing-rollback", severity: "minor", location: { path: WARNING_FILE, lines: { begin: expect.any(Number) } } }));
      expect(quality.map((q: { check_name: string }) => q.check_name).sort()).toEqual([
        "action-item-overdue",
        "action-overdue",
        "missing-review",
        "missing-review",
        "missing-review",
        "missing-rollback",
        "recurrence-open-action",
        "recurrence-open-action",
      ]);
    });

    it("refuses two formats on stdout", () => {
      const result = runTam(["validate", "-C", "examples/northwind", "--format", "sarif", "--format", "github"]);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/only one --format can go to stdout/);
    });
  });

  it("json output is only JSON on stdout", () => {
    const result = runTam(["validate", "-C", EXAMPLE, "--format", "json", "--as-of", "2026-11-20"]);
    const parsed = JSON.parse(result.stdout);
    // missing-rollback, the incident loop's: three missing reviews, an overdue action, two recurrences; the meeting's overdue action item.
    expect(parsed).toMatchObject({ version: 1, failed: false, summary: { error: 0, warning: 8, info: 0 } });
  });
});
