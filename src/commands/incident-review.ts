// tam incident review <ID> and tam incident action <ID>/<ACTION> done|open: the post-incident review,
// its fields on the incident and its markdown document, in one commit.
import { reviewIncident, updateReviewAction } from "../app/incident-review.js";
import { EXIT_OK, UsageError } from "../errors.js";
import { inlineSafe } from "../format/text.js";
import { processOutput, type GlobalOptions, type Output } from "./context.js";
import { committedNote, type WriteFlags, writeRequest } from "./write-flags.js";

export interface IncidentReviewOptions extends WriteFlags {
  held?: string;
  by?: string;
  cause?: string;
  factor?: string[];
  action?: string[];
  commit?: boolean;
  asOf?: string;
}

export async function runIncidentReview(globals: GlobalOptions, id: string, options: IncidentReviewOptions, output: Output = processOutput): Promise<number> {
  const r = await reviewIncident({
    ...writeRequest(globals, options, output),
    id,
    held: options.held,
    by: options.by,
    cause: options.cause,
    factors: options.factor,
    actions: options.action,
  });
  const lines = [`${r.incident}: review held ${r.review.held}${r.review.by ? ` by ${r.review.by}` : ""}, ${r.document}${committedNote(r.write)}`];
  for (const a of r.added) lines.push(`  ${a.id} ${a.text} (${a.owner}, ${a.side}, due ${a.due})`);
  output.out(lines.map(inlineSafe).join("\n"));
  return EXIT_OK;
}

export interface ReviewActionOptions extends WriteFlags {
  note?: string;
  commit?: boolean;
  asOf?: string;
}

export async function runReviewAction(globals: GlobalOptions, ref: string, state: string, options: ReviewActionOptions, output: Output = processOutput): Promise<number> {
  if (state !== "done" && state !== "open") throw new UsageError(`state "${state}" must be done or open, e.g. tam incident action ${ref} done --note '...'`);
  const r = await updateReviewAction({
    ...writeRequest(globals, options, output),
    ref,
    state,
    note: options.note,
  });
  output.out(inlineSafe(`${r.incident}/${r.action.id} ${r.action.owner}: ${r.action.state}${r.action.done ? ` ${r.action.done}` : ""}${committedNote(r.write)}`));
  return EXIT_OK;
}
