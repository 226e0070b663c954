// GitLab Code Quality report (a subset of Code Climate's JSON): an array of findings, each with a
// stable fingerprint so GitLab can tell new findings in a merge request from old ones. Paths are
// relative to the repository's top level, as GitLab places them in the diff.
import type { Severity } from "../../model/issues.js";
import { jsonText } from "../text.js";
import type { ValidateResult } from "./types.js";

const SEVERITY: Record<Severity, "info" | "minor" | "major" | "critical" | "blocker"> = { error: "major", warning: "minor", info: "info" };

export function formatCodeClimate(result: ValidateResult): string {
  // node:crypto loaded here, not when `validate` loads its formatters (see docs/benchmarks.md, start-up).
  const { createHash } = process.getBuiltinModule("node:crypto");
  const seen = new Map<string, number>();
  const findings = result.issues.map((issue) => {
    const path = result.repoPrefix + issue.file;
    // Not the line: a finding keeps its fingerprint when lines above it move. Repeats of one
    // finding in one file are told apart by their order.
    const key = `${issue.code}\u0000${path}\u0000${issue.message}`;
    const repeat = seen.get(key) ?? 0;
    seen.set(key, repeat + 1);
    return {
      type: "issue",
      check_name: issue.code,
      description: issue.message,
      categories: ["Bug Risk"],
      severity: SEVERITY[issue.severity],
      fingerprint: createHash("md5").update(`${key}\u0000${repeat}`).digest("hex"),
      location: { path, lines: { begin: issue.line ?? 1 } },
    };
  });
  return jsonText(findings);
}
