// Terminal table: severity, risk, why, proposed change; wrapped to the terminal width.
import { Chalk } from "chalk";
import { fitText, fittedTable } from "../table-width.js";
import { terminalSafe } from "../text.js";
import type { FormatOptions } from "../registry.js";
import type { RisksResult } from "./types.js";
import { count } from "../../util/plural.js";
import { groupRisks, type RiskGroup } from "../../domain/arch/risk-groups.js";
import { ruleQuoter } from "../../domain/arch/rules.js";
import type { Risk } from "../../domain/arch/risks.js";

export function formatRisksTable(result: RisksResult, options: FormatOptions): string {
  const { high, medium, low } = result.counts;
  const summary = `${count(result.risks.length, "risk")} as of ${result.asOf}: ${high} high, ${medium} medium, ${low} low`;
  if (result.risks.length === 0) return `No architecture risks found as of ${result.asOf}.\n`;
  const paint = new Chalk({ level: options.color ? 1 : 0 });
  const colour = { high: paint.red.bold, medium: paint.yellow, low: paint.dim };
  // Arguments are prose: off a terminal they wrap at a readable width rather than run on.
  const width = Math.max(options.width ?? 120, 80);
  const note = result.docStatesChecked ? "" : "\n(documentation freshness not checked)";
  const quote = ruleQuoter("internal");
  if (options.verbose) {
    const rows = result.risks.map((risk) => [colour[risk.severity](risk.severity), terminalSafe(`${risk.id}\n${risk.title}`), terminalSafe(risk.argument), terminalSafe(risk.suggestion)]);
    const table = fittedTable(["severity", "risk", "why it matters", "proposed change"], rows, width, { stackTitle: ["risk"] });
    return fitText(`${table}\n${summary}${note}\n${onRecord(result)}${rulesCited(result.risks, quote)}`, options.width);
  }
  // A risk the client accepted, until its review date, is on record, not a new finding: listed below the table.
  const records = result.records ?? {};
  const groups = groupRisks(result.risks.filter((r) => records[r.id]?.state !== "risk-accepted"));
  const rows = groups.map((group) => [colour[group.severity](group.severity), group.label, terminalSafe(group.members.map(memberText).join(", ")), terminalSafe(group.action)]);
  const table = fittedTable(["severity", "risk", "where", "what to do"], rows, width);
  const accepted = result.risks.length - groups.reduce((sum, g) => sum + g.members.length, 0);
  const more = `${count(groups.length, "line")}${accepted ? `, ${count(accepted, "risk")} the client accepted not among them` : ""}; \`--verbose\` argues each risk in full`;
  return fitText(`${table}\n${summary} (${more})${note}\n${onRecord(result)}${rulesCited(result.risks, quote)}`, options.width);
}

/** What recommendations.yaml has on record for the risks found: accepted by the client, to review, carried out by a change. */
function onRecord(result: RisksResult): string {
  const records = result.records ?? {};
  const lines = result.risks.flatMap((r) => {
    const record = records[r.id];
    return record ? [`  ${r.id}: ${record.text} (${record.recommendation}: ${record.title})`] : [];
  });
  return lines.length ? `On record (recommendations.yaml):\n${terminalSafe(lines.join("\n"))}\n` : "";
}

function memberText(member: RiskGroup["members"][number]): string {
  if (member.id.startsWith("docs-stale:")) return member.detail ?? member.id;
  return member.detail ? `${member.components.join(", ")} (${member.detail})` : member.components.join(", ");
}

/** The rules of the trade the risks argue from, each quoted once. */
function rulesCited(risks: readonly Risk[], quote: ReturnType<typeof ruleQuoter>): string {
  const quoted = [...new Set(risks.map((r) => r.rule))].flatMap((rule) => quote(rule) ?? []);
  return quoted.length ? `${quoted.map((text) => `why: ${text}`).join("\n")}\n` : "";
}
