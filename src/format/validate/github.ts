// GitHub Actions workflow commands. GitHub shows at most 10 annotations of each level per step;
// past that we print a notice (not an 11th warning, which GitHub would hide too) and list the
// rest as plain log lines instead of letting them vanish silently. Files are named from the
// repository's top level, as GitHub places annotations.
import type { Issue } from "../../model/issues.js";
import type { ValidateResult } from "./types.js";
import { escapeData, escapeProperty, GITHUB_ANNOTATIONS_PER_LEVEL } from "../github-annotations.js";
import { inlineSafe } from "../text.js";
import { count, plural } from "../../util/plural.js";

const LEVEL = { error: "error", warning: "warning", info: "notice" } as const;

export function formatGithub(result: ValidateResult): string {
  const fileBase = result.repoPrefix;
  const lines: string[] = [];
  const shown: Record<string, number> = {};
  const hidden: Issue[] = [];
  for (const issue of result.issues) {
    const level = LEVEL[issue.severity];
    if ((shown[level] ?? 0) >= GITHUB_ANNOTATIONS_PER_LEVEL) {
      hidden.push(issue);
      continue;
    }
    shown[level] = (shown[level] ?? 0) + 1;
    const props = [`file=${escapeProperty(fileBase + issue.file)}`];
    if (issue.line) props.push(`line=${issue.line}`);
    if (issue.col) props.push(`col=${issue.col}`);
    props.push(`title=${escapeProperty(`tam ${issue.code}`)}`);
    lines.push(`::${level} ${props.join(",")}::${escapeData(issue.message)}`);
  }
  if (hidden.length) {
    lines.push(`::notice title=tam::${hidden.length} more ${plural(hidden.length, "finding")} not annotated (GitHub shows ${GITHUB_ANNOTATIONS_PER_LEVEL} per level); all of them are listed below`);
    for (const issue of hidden) lines.push(inlineSafe(`${fileBase}${issue.file}:${issue.line ?? 1}:${issue.col ?? 1} ${issue.severity} ${issue.code} ${issue.message}`));
  }
  const { error, warning, info } = result.counts;
  lines.push(`tam validate: ${count(error, "error")}, ${count(warning, "warning")}, ${info} info in ${count(result.filesChecked, "file")}`);
  return `${lines.join("\n")}\n`;
}
