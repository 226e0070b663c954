// What an incident write says it did (src/app/incident-write.ts): the files written, the commit.
import type { IncidentWrite } from "../app/incident-write.js";
import { inlineSafe } from "../format/text.js";
import type { Output } from "./context.js";

/** Says on stderr what the write did; returns the files written (none when every edit left its file as it was). */
export function reportIncidentWrite(saved: IncidentWrite, output: Output): string[] {
  const { write } = saved;
  if (write.written.length === 0) {
    output.err("nothing to change: the incident files already say this; no commit");
    return [];
  }
  output.err(inlineSafe(`wrote ${write.written.join(", ")}`));
  if (write.commit) output.err(inlineSafe(`committed ${write.commit}: ${saved.subject}`));
  else if (write.nothingToCommit) output.err("nothing to commit: the committed files already say this");
  return write.written;
}
