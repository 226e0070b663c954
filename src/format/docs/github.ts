// GitHub Actions annotations on the docs.yaml line of each document that fails the run
// (or, with --fail-on never, of each stale or broken one, as warnings). GitHub shows at most
// 10 annotations per level and step; the rest are listed as plain lines.
import type { DocFreshness } from "../../domain/freshness/types.js";
import { summaryLine } from "./summary.js";
import { FAILING_STATES } from "../../domain/freshness/fail-on.js";
import type { CheckDocsResult } from "./types.js";
import { escapeData, escapeProperty, GITHUB_ANNOTATIONS_PER_LEVEL } from "../github-annotations.js";
import { pushAll } from "../../util/collections.js";
import { count, plural } from "../../util/plural.js";

function message(doc: DocFreshness): string {
  const reasons = doc.reasons.filter((reason) => reason.severity !== "note").map((reason) => reason.message);
  return `${doc.id} is ${doc.state}: ${reasons.join("; ")}`;
}

export function formatGithub(result: CheckDocsResult): string {
  const failing = new Set(FAILING_STATES[result.failOn]);
  const lines: string[] = [];
  const shown = { error: 0, warning: 0 };
  const hidden: string[] = [];
  for (const doc of result.report.docs) {
    const level = failing.has(doc.state) ? "error" : doc.state === "stale" || doc.state === "broken" ? "warning" : undefined;
    if (!level) continue;
    const file = `${result.repoPrefix}${doc.source?.file ?? "docs.yaml"}`;
    if (shown[level] >= GITHUB_ANNOTATIONS_PER_LEVEL) {
      hidden.push(`${file}:${doc.source?.line ?? 1} ${level} ${message(doc).replace(/[\r\n]/g, " ")}`);
      continue;
    }
    shown[level]++;
    const props = [`file=${escapeProperty(file)}`, ...(doc.source?.line ? [`line=${doc.source.line}`] : []), `title=${escapeProperty(`tam docs: ${doc.state}`)}`];
    lines.push(`::${level} ${props.join(",")}::${escapeData(message(doc))}`);
  }
  if (hidden.length) {
    lines.push(`::warning title=tam::${hidden.length} more ${plural(hidden.length, "document")} not annotated (GitHub shows ${GITHUB_ANNOTATIONS_PER_LEVEL} per level); all of them are listed below`);
    pushAll(lines, hidden);
  }
  const uncovered = result.report.coverage.uncovered.length;
  if (uncovered) lines.push(`tam docs check: ${count(uncovered, "component")} no doc covers: ${result.report.coverage.uncovered.map((c) => c.id).join(", ")}`);
  lines.push(`tam docs check: ${summaryLine(result)}`);
  return `${lines.join("\n")}\n`;
}
