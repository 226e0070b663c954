// Use cases: a post-incident review (tam incident review) and an update of one of its actions (tam
// incident action). Each writes the incident's `review` fields and the review's markdown document in
// one transaction: one commit, or nothing written.
import { UsageError } from "../errors.js";
import { ACTION_KEYS, planReview, setActionState, type ReviewRequest } from "../domain/incidents/review.js";
import { reviewDocument } from "../domain/incidents/review-document.js";
import type { Incident, IncidentReview, ReviewAction } from "../model/files.js";
import { requireValidIn } from "../project/check.js";
import { findIncident, setIncidentReview, verifyIncidents } from "../project/incident-files.js";
import { FILE_NAMES, type Project } from "../project/load.js";
import { editFiles, type FileEdit, type WriteResult } from "../project/transaction.js";
import { setMapEntry, type Plain } from "../project/yaml-text.js";
import { gitOrLoginName } from "../project/identity.js";
import { clockFor, openProject, type ClockOptions, type ProjectOptions } from "./context.js";
import { transactionFlags, type WriteRequest } from "./write-request.js";

/** What both review writes take: the project, the clock and the write flags. */
interface ReviewWriteRequest extends ProjectOptions, ClockOptions, WriteRequest {}

export interface IncidentReviewRequest extends ReviewWriteRequest {
  id: string;
  /** YYYY-MM-DD (default: today in the project's zone). */
  held?: string;
  by?: string;
  cause?: string;
  factors?: string[];
  /** "text;owner;side;due" each. */
  actions?: string[];
}

export interface IncidentReviewResult {
  incident: string;
  review: IncidentReview;
  /** Actions this review added. */
  added: ReviewAction[];
  document: string;
  write: WriteResult;
}

export async function reviewIncident(request: IncidentReviewRequest): Promise<IncidentReviewResult> {
  const project = openProject(request);
  const found = lookUp(project, request.id);
  const clock = clockFor(project, request.asOf, request.now);
  const by = request.by ?? (await gitOrLoginName(project.root));
  const plan = (incident: Incident): IncidentReview => {
    const review: ReviewRequest = { held: request.held ?? clock.today, by, cause: request.cause, factors: request.factors, actions: request.actions, today: clock.today, timezone: clock.timezone };
    const planned = planReview(incident, review);
    if (typeof planned === "string") throw new UsageError(planned);
    return planned;
  };
  // Planned once now, so a mistake is reported before waiting for the lock; again under the lock on the file as it is then.
  const before = found.incident.review?.actions?.length ?? 0;
  let review = plan(found.incident);
  const write = await editFiles(
    project,
    () => {
      let incident = found.incident;
      return [
        incidentEdit(found.source.rel, found.incident.id, (current) => {
          incident = current;
          review = plan(current);
          return { after: { ...current, review }, text: (text, index) => setIncidentReview(text, index, review) };
        }),
        { path: review.document!, edit: () => reviewDocument({ ...incident, review }, review, clock.timezone) },
      ];
    },
    {
      message: () => `${found.incident.id}: post-incident review held ${review.held}`,
      by,
      ...transactionFlags(request),
    },
  );
  return { incident: found.incident.id, review, added: (review.actions ?? []).slice(before), document: review.document!, write };
}

export interface ReviewActionRequest extends ReviewWriteRequest {
  /** INC/ACTION, e.g. INC-0004/A2. */
  ref: string;
  state: "done" | "open";
  note?: string;
}

export interface ReviewActionResult {
  incident: string;
  action: ReviewAction;
  write: WriteResult;
}

export async function updateReviewAction(request: ReviewActionRequest): Promise<ReviewActionResult> {
  const match = /^([^/\s]+)\/([^/\s]+)$/.exec(request.ref);
  if (!match) throw new UsageError(`"${request.ref}" is not INCIDENT/ACTION, e.g. INC-0004/A2`);
  const project = openProject(request);
  const found = lookUp(project, match[1]!);
  const clock = clockFor(project, request.asOf, request.now);
  const decide = (incident: Incident) => {
    const result = setActionState(incident, match[2]!, request.state, clock.today, request.note);
    if (typeof result === "string") throw new UsageError(result);
    return result;
  };
  let result = decide(found.incident);
  const write = await editFiles(
    project,
    () => {
      let incident = found.incident;
      const edits: FileEdit[] = [
        incidentEdit(found.source.rel, found.incident.id, (current) => {
          incident = current;
          result = decide(current);
          const actionIndex = current.review!.actions!.findIndex((a) => a.id === result.action.id);
          return {
            after: { ...current, review: result.review },
            text: (text, index) => {
              const at = ["incidents", index, "review", "actions", actionIndex];
              let next = text;
              for (const key of ["state", "done", "note"] as const) {
                const value = result.action[key];
                if (value !== undefined) next = setMapEntry(next, at, key, value as Plain, ACTION_KEYS);
              }
              if (result.action.done === undefined && current.review!.actions![actionIndex]!.done !== undefined) next = setIncidentReview(next, index, result.review);
              return next;
            },
          };
        }),
      ];
      // The document follows the review, when the review has one.
      const document = found.incident.review?.document;
      if (document) edits.push({ path: document, edit: () => reviewDocument({ ...incident, review: result.review }, result.review, clock.timezone) });
      return edits;
    },
    {
      message: () => `${found.incident.id}/${result.action.id}: action ${request.state === "done" ? "done" : "reopened"}`,
      ...transactionFlags(request),
    },
  );
  return { incident: found.incident.id, action: result.action, write };
}

export function lookUp(project: Project, id: string) {
  const found = findIncident(project, id);
  if (!found) throw new UsageError(`no incident ${id} in incidents/`);
  // Errors in other files do not stop a review of this one (the write reports them as a warning);
  // tam.yaml must be valid: its time zone dates the review.
  requireValidIn(project, [found.source.rel, FILE_NAMES.manifest]);
  return found;
}

/** The edit of the incident's file: finds the incident under the lock, applies the text edit, checks the file reads back as intended. */
export function incidentEdit(rel: string, id: string, decide: (current: Incident) => { after: Incident; text: (text: string, index: number) => string }): FileEdit {
  return {
    path: rel,
    edit: (text, source) => {
      const list = (source?.data as { incidents?: Incident[] } | undefined)?.incidents ?? [];
      const index = list.findIndex((incident) => incident?.id === id);
      if (index < 0 || text === null) throw new UsageError(`no incident ${id} in ${rel} any more`);
      const { after, text: edit } = decide(list[index]!);
      const next = edit(text, index);
      verifyIncidents(next, list.map((item, i) => (i === index ? after : item)) as Incident[]);
      return next;
    },
  };
}
