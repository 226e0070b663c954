// file:line:col severity code message, grouped by file; colour only when allowed.
import { Chalk } from "chalk";
import type { FormatOptions } from "../registry.js";
import { terminalSafe } from "../text.js";
import type { ValidateResult } from "./types.js";
import { count } from "../../util/plural.js";

export function formatPretty(result: ValidateResult, options: FormatOptions): string {
  const chalk = new Chalk({ level: options.color ? 1 : 0 });
  const paint = { error: chalk.red, warning: chalk.yellow, info: chalk.blue };
  const lines: string[] = [];
  let currentFile: string | undefined;
  for (const issue of result.issues) {
    if (issue.file !== currentFile) {
      if (currentFile !== undefined) lines.push("");
      lines.push(chalk.underline(issue.file));
      currentFile = issue.file;
    }
    const where = `${issue.file}:${issue.line ?? 1}:${issue.col ?? 1}`;
    lines.push(`  ${chalk.dim(where)} ${paint[issue.severity](issue.severity)} ${chalk.dim(issue.code)} ${terminalSafe(issue.message)}`);
  }
  if (lines.length) lines.push("");
  const { error, warning, info } = result.counts;
  const summary = `${count(error, "error")}, ${count(warning, "warning")}, ${info} info in ${count(result.filesChecked, "file")}`;
  lines.push(result.issues.length === 0 ? chalk.green(`✓ no problems in ${count(result.filesChecked, "file")}`) : result.failed ? chalk.red(`✗ ${summary}`) : chalk.yellow(`! ${summary}`));
  return `${lines.join("\n")}\n`;
}
