// tam docs check: the freshness of every document of docs.yaml, and coverage of the architecture.
import { assessFreshness } from "../domain/freshness/index.js";
import { EXIT_FINDINGS, EXIT_OK } from "../errors.js";
import { pickFormatter, useColor } from "../format/registry.js";
import { docsFormatters, FAILING_STATES, type FailOn } from "../format/docs/index.js";
import { inspectLocations } from "../project/doc-locations.js";
import { readHistory } from "../project/history.js";
import { clockFor, openProject, processOutput, type GlobalOptions, type Output } from "./context.js";
import { requireValidForDocs } from "./docs-valid.js";

export interface DocsCheckOptions {
  format: string;
  failOn: FailOn;
  asOf?: string;
  owner?: string;
}

export async function runDocsCheck(globals: GlobalOptions, options: DocsCheckOptions, output: Output = processOutput): Promise<number> {
  const format = pickFormatter(docsFormatters, options.format);
  const project = openProject(globals);
  requireValidForDocs(project);
  const clock = clockFor(project, options.asOf);
  const locations = inspectLocations(project.root, project.docs.map((doc) => doc.location));
  const docPaths = [...locations.values()].flatMap((fact) => (fact.kind === "file" && fact.exists ? [fact.path] : []));
  const architecture = project.files.find((file) => file.kind === "architecture");
  const history = await readHistory(project.root, architecture, docPaths);

  const report = assessFreshness(
    { ...project, today: clock.today, timezone: clock.timezone, locations, git: history, sourceOf: (doc) => project.where(doc) },
    { owner: options.owner },
  );
  const warnings = history.available ? [] : [`no git history (${history.unavailableReason}): staleness comes from review intervals and change records only`];
  if (options.format !== "json") for (const warning of warnings) output.err(`tam: note: ${warning}`);
  const failing = new Set(FAILING_STATES[options.failOn]);
  const failed = report.docs.some((doc) => failing.has(doc.state));
  const text = format(
    { report, failOn: options.failOn, failed, warnings, repoPrefix: history.prefix, owner: options.owner ?? null, meta: { gitProcesses: history.gitProcesses } },
    { color: useColor(globals.color), width: process.stdout.columns },
  );
  output.out(text);
  return failed ? EXIT_FINDINGS : EXIT_OK;
}
