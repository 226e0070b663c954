// tam docs check: the freshness of every document of docs.yaml, and coverage of the architecture.
import { EXIT_FINDINGS, EXIT_OK } from "../errors.js";
import { pickFormatter, useColor } from "../format/registry.js";
import { docsFormatters, FAILING_STATES, type FailOn } from "../format/docs/index.js";
import { clockFor, openProject, processOutput, type GlobalOptions, type Output } from "./context.js";
import { requireValidForDocs } from "./docs-valid.js";
import { assessProjectFreshness } from "./freshness-facts.js";

export interface DocsCheckOptions {
  format: string;
  failOn: FailOn;
  asOf?: string;
  owner?: string;
}

export async function runDocsCheck(globals: GlobalOptions, options: DocsCheckOptions, output: Output = processOutput): Promise<number> {
  const format = pickFormatter(docsFormatters, options.format);
  // Freshness reads no incidents: not loading them keeps the check fast on years of incident files.
  const project = openProject(globals, ["departments", "architecture", "changes", "docs"]);
  requireValidForDocs(project);
  const clock = clockFor(project, options.asOf);
  const { report, warnings, repoPrefix, gitProcesses } = await assessProjectFreshness(project, clock, options.owner);
  if (options.format !== "json") for (const warning of warnings) output.err(`tam: note: ${warning}`);
  const failing = new Set(FAILING_STATES[options.failOn]);
  const failed = report.docs.some((doc) => failing.has(doc.state));
  const text = format(
    { report, failOn: options.failOn, failed, warnings, repoPrefix, owner: options.owner ?? null, meta: { gitProcesses } },
    { color: useColor(globals.color), width: process.stdout.columns },
  );
  output.out(text);
  return failed ? EXIT_FINDINGS : EXIT_OK;
}
