// tam change approve|start|close|cancel|reject <ID>: one lifecycle step of a change, one commit.
import { takeChangeStep } from "../app/change-step.js";
import { EXIT_OK } from "../errors.js";
import type { ChangeAction } from "../app/change-step.js";
import { plainOutput, processOutput, type GlobalOptions, type Output } from "./context.js";
import { committedNote, type WriteFlags } from "./write-flags.js";

export interface ChangeStepOptions extends WriteFlags {
  by?: string;
  note?: string;
  via?: "client" | "cab";
  outcome?: string;
  force?: boolean;
  reason?: string;
  correct?: boolean;
  commit?: boolean;
  asOf?: string;
}

export async function runChangeStep(globals: GlobalOptions, action: ChangeAction, id: string, options: ChangeStepOptions, sink: Output = processOutput): Promise<number> {
  // The lines echo the id, --by and component ids: user text.
  const output = plainOutput(sink);
  const r = await takeChangeStep({ project: globals.project, action, id, ...options, warn: output.err });
  const lines = r.corrected
    ? [`${id}: approval corrected: by ${r.by} (recorded as by ${r.corrected}) at ${r.at}${committedNote(r.write)}`]
    : [`${id}: ${r.from} → ${r.to} by ${r.by} at ${r.at}${r.outcome ? `, outcome ${r.outcome}` : ""}${committedNote(r.write)}`];
  if (r.accepted) lines.push(`accepted risk (${r.accepted.items.join(", ")}): ${r.accepted.reason}`);
  if (r.baseline) lines.push(`baseline stored: finish ${r.baseline.finish.slice(0, 10)}, internal ${r.baseline.internal}, promised to the client ${r.baseline.client}`);
  const update = r.architecture;
  if (update) {
    const parts = [
      update.add.length ? `added ${update.add.map((c) => c.id).join(", ")}` : "",
      update.set.length ? `updated ${update.set.map((s) => `${s.id} (${Object.keys(s.values).join(", ")})`).join(", ")}` : "",
      update.decommission.length ? `decommissioned ${update.decommission.map((d) => d.id).join(", ")}` : "",
    ].filter(Boolean);
    lines.push(`architecture.yaml: ${parts.join("; ")}`);
  } else if (r.outcome === "rolled-back") lines.push("architecture.yaml left as it was (rolled back)");
  if (action === "approve" && !r.corrected) lines.push(`next: tam task start ${id}/<task>`);
  output.out(lines.join("\n"));
  return EXIT_OK;
}
