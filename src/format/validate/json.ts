// Stable JSON shape: { version, root, filesChecked, summary, failed, issues[] }. docs/commands/validate.md documents it.
import type { ValidateResult } from "./types.js";
import { jsonText } from "../text.js";

export function formatJson(result: ValidateResult): string {
  const shape = {
    version: 1,
    filesChecked: result.filesChecked,
    summary: result.counts,
    failOn: result.failOn,
    failed: result.failed,
    issues: result.issues.map((i) => ({
      severity: i.severity,
      code: i.code,
      message: i.message,
      file: i.file,
      line: i.line ?? null,
      col: i.col ?? null,
      ...(i.hint ? { hint: i.hint } : {}),
    })),
  };
  return jsonText(shape);
}
