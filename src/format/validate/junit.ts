// JUnit XML: one test suite per file, one failing test case per finding at or above --fail-on,
// so CI systems that only read JUnit still show what is wrong and where. Files are named from
// the repository's top level, as CI systems link them.
import { SEVERITY_RANK } from "../../model/issues.js";
import { xmlEscape } from "../text.js";
import type { ValidateResult } from "./types.js";
import { pushTo } from "../../util/collections.js";

export function formatJunit(result: ValidateResult): string {
  const byFile = new Map<string, typeof result.issues>();
  for (const issue of result.issues) pushTo(byFile, result.repoPrefix + issue.file, issue);
  const failing = (severity: keyof typeof SEVERITY_RANK) => SEVERITY_RANK[severity] >= SEVERITY_RANK[result.failOn];
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  for (const [file, issues] of byFile) {
    const cases = issues.map((issue) => {
      const where = `${file}:${issue.line ?? 1}:${issue.col ?? 1}`;
      const name = xmlEscape(`${where} ${issue.code}`);
      if (!failing(issue.severity)) return `    <testcase classname="${xmlEscape(file)}" name="${name}"><system-out>${xmlEscape(`${issue.severity}: ${issue.message}`)}</system-out></testcase>`;
      return `    <testcase classname="${xmlEscape(file)}" name="${name}"><failure type="${xmlEscape(issue.code)}" message="${xmlEscape(issue.message)}">${xmlEscape(`${where} ${issue.severity} ${issue.message}`)}</failure></testcase>`;
    });
    const fileFailures = issues.filter((i) => failing(i.severity)).length;
    tests += issues.length;
    failures += fileFailures;
    suites.push(`  <testsuite name="${xmlEscape(file)}" tests="${issues.length}" failures="${fileFailures}" errors="0">\n${cases.join("\n")}\n  </testsuite>`);
  }
  if (suites.length === 0) {
    tests = 1;
    suites.push(`  <testsuite name="tam validate" tests="1" failures="0" errors="0">\n    <testcase classname="tam" name="project is valid (${result.filesChecked} files)"/>\n  </testsuite>`);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="tam validate" tests="${tests}" failures="${failures}">\n${suites.join("\n")}\n</testsuites>\n`;
}
