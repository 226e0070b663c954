// tam change check for a terminal: the verdict, then one line per readiness item with why.
import { Chalk } from "chalk";
import type { ChangeCheckResult } from "../../app/change-check.js";
import type { FormatOptions } from "../registry.js";
import { terminalSafe } from "../text.js";

const VERDICT: Record<ChangeCheckResult["verdict"], string> = {
  go: "GO: every item passes",
  "ready-for-approval": "ready for approval: every other item passes",
  "no-go": "NO-GO: an item fails",
};

export function formatCheckText(result: ChangeCheckResult, options: FormatOptions): string {
  const chalk = new Chalk({ level: options.color ? 1 : 0 });
  const width = Math.max(...result.items.map((i) => i.id.length));
  const lines = [chalk.bold(`${result.change} ${terminalSafe(result.title)} (${result.type}, ${result.status}): readiness as of ${result.asOf}`)];
  for (const item of result.items) {
    const mark = item.state === "pass" ? chalk.green("pass") : item.state === "fail" ? chalk.red("FAIL") : chalk.yellow("risk");
    lines.push(`  ${mark}  ${item.id.padEnd(width)}  ${terminalSafe(item.why)}`);
    if (item.accepted)
      lines.push(`        ${" ".repeat(width)}  accepted risk: ${terminalSafe(item.accepted.reason)} (${item.accepted.by ? `${terminalSafe(item.accepted.by)}, ` : ""}${item.accepted.at})`);
  }
  const risks = result.items.filter((i) => i.state === "accepted").length;
  const verdict = `${VERDICT[result.verdict]}${risks ? `, ${risks === 1 ? "1 accepted risk" : `${risks} accepted risks`}` : ""}`;
  lines.push(result.verdict === "no-go" ? chalk.red(verdict) : verdict);
  return `${lines.join("\n")}\n`;
}
