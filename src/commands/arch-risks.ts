// tam arch risks: the proactive audit — what the TAM should raise with the client, argued.
import { EXIT_FINDINGS, EXIT_OK } from "../errors.js";
import { assessRisks, countBySeverity } from "../domain/arch/risks.js";
import { risksFormatters } from "../format/arch/index.js";
import { pickFormatter, useColor } from "../format/registry.js";
import { requireValidForDocs } from "./docs-valid.js";
import { assessProjectFreshness } from "./freshness-facts.js";
import { clockFor, openProject, processOutput, type GlobalOptions, type Output } from "./context.js";

export interface ArchRisksOptions {
  format: string;
  asOf?: string;
  /** "high": exit 1 when any high risk is found. Otherwise risks are advice and the exit code is 0. */
  failOn?: "high";
}

export async function runArchRisks(globals: GlobalOptions, options: ArchRisksOptions, output: Output = processOutput): Promise<number> {
  const format = pickFormatter(risksFormatters, options.format);
  const project = openProject(globals);
  requireValidForDocs(project);
  const clock = clockFor(project, options.asOf);
  const freshness = await assessProjectFreshness(project, clock);
  if (options.format !== "json") for (const warning of freshness.warnings) output.err(`tam: note: ${warning}`);
  const risks = assessRisks({
    components: project.components,
    departments: project.departments,
    changes: project.changes,
    incidents: project.incidents,
    docs: project.docs,
    docStates: freshness.report.docs.map((doc) => ({ docId: doc.id, state: doc.state, covers: doc.covers })),
    followups: project.manifest?.followups,
    today: clock.today,
  });
  const counts = countBySeverity(risks);
  output.out(format({ asOf: clock.today, risks, counts, docStatesChecked: true }, { color: useColor(globals.color), width: process.stdout.columns }));
  return options.failOn === "high" && counts.high > 0 ? EXIT_FINDINGS : EXIT_OK;
}
