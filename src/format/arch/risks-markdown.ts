// Markdown for a client: a summary table, then each risk with its argument and the proposed change.
import { markdownEscape } from "../text.js";
import type { RisksResult } from "./types.js";
import { count } from "../../util/plural.js";
import { ruleQuoter } from "../../domain/arch/rules.js";

export function formatRisksMarkdown(result: RisksResult): string {
  const { high, medium, low } = result.counts;
  const lines = [`## Architecture risks (as of ${result.asOf})`, ""];
  if (result.risks.length === 0) return `${[...lines, "No risks found.", ""].join("\n")}`;
  lines.push(`${count(result.risks.length, "risk")}: ${high} high, ${medium} medium, ${low} low.`, "");
  lines.push("| Severity | Risk | Components |", "|---|---|---|");
  for (const risk of result.risks) {
    lines.push(`| ${risk.severity} | ${markdownEscape(risk.title)} | ${risk.components.map(markdownEscape).join(", ")} |`);
  }
  for (const risk of result.risks) {
    lines.push("", `### ${markdownEscape(risk.title)}`, "");
    lines.push(`*${risk.severity}* · \`${risk.id.replace(/`/g, "'")}\``, "");
    lines.push(markdownEscape(risk.argument), "");
    lines.push(`**Suggested change:** ${markdownEscape(risk.suggestion)}`);
    const record = result.records?.[risk.id];
    if (record) lines.push("", `**On record:** ${markdownEscape(record.text)} (${markdownEscape(record.recommendation)})`);
  }
  const quote = ruleQuoter("client");
  const rules = [...new Set(result.risks.map((r) => r.rule))].flatMap((rule) => quote(rule) ?? []);
  if (rules.length) lines.push("", "### The rules these risks are argued from", "", ...rules.map((text) => `- ${markdownEscape(text)}`));
  if (!result.docStatesChecked) lines.push("", "_Documentation freshness was not part of this audit._");
  return `${lines.join("\n")}\n`;
}
