// SARIF 2.1.0 for code scanning (GitHub, GitLab, Azure DevOps). Artifact URIs are relative to
// the repository's top level (%SRCROOT%), as code scanning places results.
import type { ValidateResult } from "./types.js";
import { jsonText } from "../text.js";

const LEVEL = { error: "error", warning: "warning", info: "note" } as const;

export function formatSarif(result: ValidateResult): string {
  const codes = [...new Set(result.issues.map((i) => i.code))].sort();
  const sarif = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "tam",
            version: result.toolVersion,
            informationUri: "https://tam.dev",
            rules: codes.map((code) => ({ id: code, name: code, shortDescription: { text: code.replace(/-/g, " ") } })),
          },
        },
        results: result.issues.map((issue) => ({
          ruleId: issue.code,
          ruleIndex: codes.indexOf(issue.code),
          level: LEVEL[issue.severity],
          message: { text: issue.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: encodeURI(result.repoPrefix + issue.file), uriBaseId: "%SRCROOT%" },
                region: { startLine: issue.line ?? 1, startColumn: issue.col ?? 1 },
              },
            },
          ],
        })),
      },
    ],
  };
  return jsonText(sarif);
}
