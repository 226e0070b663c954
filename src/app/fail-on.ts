// --fail-on: whether findings make a command's exit code 1.
import { SEVERITY_RANK, type Severity } from "../model/issues.js";

/** True when a finding is at least as severe as `failOn` ("never": none is). */
export function failsOn(findings: readonly { severity: Severity }[], failOn: Severity | "never"): boolean {
  return failOn !== "never" && findings.some((f) => SEVERITY_RANK[f.severity] >= SEVERITY_RANK[failOn]);
}
