// product and version in architecture.yaml: validated with located, actionable messages.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { projectIssues } from "../../../src/project/check.js";
import { loadProject } from "../../../src/project/load.js";
import { copyProject, REPO } from "../../helpers/run.js";

function issuesWith(edit: (text: string) => string) {
  const dir = copyProject(join(REPO, "examples/fabrikam"));
  const file = join(dir, "architecture.yaml");
  writeFileSync(file, edit(readFileSync(file, "utf8")));
  return projectIssues(loadProject(dir)).filter((issue) => issue.severity === "error");
}

describe("product and version of a component", () => {
  it("are valid as the examples write them", () => {
    expect(issuesWith((text) => text)).toEqual([]);
  });
  it("a bare number as version: the message says to quote it, at the value", () => {
    const [issue, ...rest] = issuesWith((text) => text.replace('version: "2022"', "version: 2022"));
    expect(rest).toEqual([]);
    const line =
      readFileSync(join(REPO, "examples/fabrikam/architecture.yaml"), "utf8")
        .split("\n")
        .findIndex((l) => l.includes('version: "2022"')) + 1;
    expect(issue).toMatchObject({ code: "wrong-type", file: "architecture.yaml", line, col: 14 });
    expect(issue!.message).toMatch(/should be a string, not number 2022 \(write it in quotes, e\.g\. "2022"\)/);
  });
  it("a version with a space, and a misspelt key, are named", () => {
    const issues = issuesWith((text) => text.replace('version: "15.4"', 'version: "15.4 beta"').replace("product: nginx", "prodcut: nginx"));
    expect(issues.map((issue) => issue.code).sort()).toEqual(["invalid-format", "unknown-key"]);
    expect(issues.find((issue) => issue.code === "invalid-format")!.message).toMatch(/expected a version such as/);
    expect(issues.find((issue) => issue.code === "unknown-key")!.message).toMatch(/did you mean "product"\?/);
  });
});
