import { describe, expect, it } from "vitest";
import { GITHUB_ANNOTATIONS_PER_LEVEL } from "../../../src/format/github-annotations.js";
import { formatGithub } from "../../../src/format/validate/github.js";
import { formatCodeClimate } from "../../../src/format/validate/codeclimate.js";
import { formatJunit } from "../../../src/format/validate/junit.js";
import { formatSarif } from "../../../src/format/validate/sarif.js";
import { formatPretty } from "../../../src/format/validate/pretty.js";
import type { ValidateResult } from "../../../src/format/validate/types.js";
import type { Issue } from "../../../src/model/issues.js";
import { assertWellFormedXml } from "../../helpers/xml.js";

function result(issues: Issue[]): ValidateResult {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const i of issues) counts[i.severity]++;
  return { root: "/p", repoPrefix: "", toolVersion: "9.8.7", filesChecked: 3, issues, counts, failOn: "error", failed: counts.error > 0 };
}

const issue = (n: number, severity: Issue["severity"] = "error"): Issue => ({ severity, code: "unknown-reference", message: `problem ${n}`, file: "architecture.yaml", line: n, col: 3 });

describe("github format", () => {
  it("annotates up to the per-level limit and lists the rest instead of dropping them", () => {
    const issues = Array.from({ length: 13 }, (_, i) => issue(i + 1));
    const out = formatGithub(result(issues));
    expect(out.match(/^::error /gm)).toHaveLength(GITHUB_ANNOTATIONS_PER_LEVEL);
    // A notice, not an 11th error or warning: GitHub would hide that one too.
    expect(out).toMatch(/^::notice title=tam::3 more findings not annotated/m);
    for (const n of [11, 12, 13]) expect(out).toContain(`architecture.yaml:${n}:3 error unknown-reference problem ${n}`);
  });

  it("escapes newlines, percent signs and property separators", () => {
    const out = formatGithub(result([{ ...issue(1), message: "50% a\nb", file: "a,b:c.yaml" }]));
    expect(out).toContain("::error file=a%2Cb%3Ac.yaml,line=1,col=3,title=tam unknown-reference::50%25 a%0Ab");
  });
});

describe("junit format", () => {
  it("escapes user text and stays well-formed", () => {
    const out = formatJunit(result([{ ...issue(1), message: 'a <b> & "c" \u0007' }]));
    expect(() => assertWellFormedXml(out)).not.toThrow();
    expect(out).toContain("a &lt;b&gt; &amp; &quot;c&quot;");
  });

  it("has one passing test case for a clean project", () => {
    const out = formatJunit(result([]));
    expect(() => assertWellFormedXml(out)).not.toThrow();
    expect(out).toContain('tests="1" failures="0"');
  });
});

describe("pretty format", () => {
  it("strips control characters from messages so file content cannot drive the terminal", () => {
    const out = formatPretty(result([{ ...issue(1), message: "evil \u001b[2J title" }]), { color: false });
    expect(out).not.toContain("\u001b");
    expect(out).toContain("architecture.yaml:1:3 error unknown-reference evil");
  });

  it("colours only when asked", () => {
    expect(formatPretty(result([issue(1)]), { color: true })).toContain("\u001b[");
    expect(formatPretty(result([issue(1)]), { color: false })).not.toContain("\u001b[");
  });
});

describe("CI formats and the repository prefix", () => {
  const inSub = (issues: Issue[]) => ({ ...result(issues), repoPrefix: "clients/acme/" });

  it("github, sarif, junit and codeclimate name files from the repository's top level", () => {
    const issues = [issue(1), ...Array.from({ length: 11 }, (_, i) => issue(i + 2))];
    const github = formatGithub(inSub(issues));
    expect(github).toContain("::error file=clients/acme/architecture.yaml,line=1,");
    expect(github).toContain("clients/acme/architecture.yaml:12:3 error");
    const sarif = JSON.parse(formatSarif(inSub(issues)));
    expect(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe("clients/acme/architecture.yaml");
    expect(formatJunit(inSub(issues))).toContain('<testsuite name="clients/acme/architecture.yaml"');
    expect(JSON.parse(formatCodeClimate(inSub(issues)))[0].location).toEqual({ path: "clients/acme/architecture.yaml", lines: { begin: 1 } });
  });

  it("sarif carries the running tam's version", () => {
    expect(JSON.parse(formatSarif(result([issue(1)]))).runs[0].tool.driver.version).toBe("9.8.7");
  });
});

describe("codeclimate format", () => {
  it("gives GitLab's severities and a fingerprint that survives line moves but tells repeats apart", () => {
    const report = JSON.parse(formatCodeClimate(result([issue(1, "error"), issue(2, "warning"), issue(3, "info")])));
    expect(report.map((f: { severity: string }) => f.severity)).toEqual(["major", "minor", "info"]);
    const moved = JSON.parse(formatCodeClimate(result([{ ...issue(1), line: 40 }])));
    expect(moved[0].fingerprint).toBe(report[0].fingerprint);
    const twice = JSON.parse(
      formatCodeClimate(
        result([
          { ...issue(1), message: "same" },
          { ...issue(2), message: "same" },
        ]),
      ),
    );
    expect(twice[0].fingerprint).not.toBe(twice[1].fingerprint);
    expect(JSON.parse(formatCodeClimate(result([])))).toEqual([]);
  });
});
