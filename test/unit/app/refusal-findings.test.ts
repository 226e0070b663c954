// Issue 25.2: a command that refuses because the project has errors prints the located findings,
// as `tam validate` does (file:line:col), the first ones and a count of the rest.
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { capturedMain as tam } from "../../helpers/captured-main.js";
import { reportError } from "../../../src/commands/report-error.js";
import { ProjectError } from "../../../src/errors.js";
import type { Issue } from "../../../src/model/issues.js";
import { copyProject, EXAMPLE } from "../../helpers/run.js";

describe("a refusal because of the project's errors", () => {
  it("names each finding where validate does, and counts the rest beyond the first ten", () => {
    const issues: Issue[] = Array.from({ length: 13 }, (_, i) => ({ severity: "error", code: "bad", message: `problem ${i + 1}`, file: "changes/CHG-0001.yaml", line: i + 1, col: 3 }));
    issues.push({ severity: "error", code: "not-a-folder", message: "changes must be a folder", file: "changes" });
    let text = "";
    const code = reportError(new ProjectError("the project has 14 errors; fix them first (see `tam validate`):", issues), false, (t) => (text += t));
    expect(code).toBe(1);
    const lines = text.trimEnd().split("\n");
    expect(lines[1]).toBe("  changes/CHG-0001.yaml:1:3 error bad problem 1");
    expect(lines.filter((l) => l.includes(" error "))).toHaveLength(10);
    expect(lines.at(-1)).toMatch(/^ {2}… and 4 more \(`tam validate` lists them all\)$/);
  });

  it("a folder that is not one: status, sla report, report and arch risks say which and where", async () => {
    const dir = copyProject(EXAMPLE);
    rmSync(join(dir, "incidents"), { recursive: true });
    writeFileSync(join(dir, "incidents"), "not a folder\n");
    for (const args of [["status"], ["sla", "report", "--period", "2026-10"], ["report", "--period", "2026-10"], ["arch", "risks"]]) {
      const run = await tam([...args, "-C", dir, "--as-of", "2026-11-20"]);
      expect(run.code, args.join(" ")).toBe(1);
      expect(run.stderr, args.join(" ")).toContain("the project has 1 error");
      expect(run.stderr, args.join(" ")).toContain("  incidents:1:1 error not-a-folder incidents must be a folder of YAML files");
    }
  });
});
