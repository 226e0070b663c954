// Use cases of the register of recommendations (tam rec): list, add, present, accept, decline.
// Each write is one surgical edit of recommendations.yaml and one commit, through the transaction.
import { transactionFlags, type WriteRequest } from "./write-request.js";
import type { Meeting, RecommendationEntry, RecommendationOrigin } from "../model/files.js";
import { dateProblem } from "../domain/dates.js";
import { nextRecommendationId, recordLine, recordLines, type RecordLine } from "../domain/recommendations/register.js";
import { clientContacts } from "../domain/validation/recommendation-rules.js";
import { UsageError } from "../errors.js";
import { requireValid } from "../project/check.js";
import { gitOrLoginName } from "../project/identity.js";
import type { Project } from "../project/load.js";
import { meetingIndex, MEETINGS_FILE, setMeetingRecommendations } from "../project/meetings-file.js";
import { appendRecommendation, entryIndex, RECOMMENDATIONS_FILE, setRecommendationState } from "../project/recommendations-file.js";
import { editFiles, type FileEdit, type WriteResult } from "../project/transaction.js";
import type { FlatMap } from "../project/yaml-text.js";
import { canonicalId } from "../util/ids.js";
import { didYouMean } from "../util/suggest.js";
import { archRisks } from "./assess-risks.js";
import { clockFor, openProject, type ClockOptions, type ProjectOptions } from "./context.js";
import { checkApprover, decisionMakers } from "../domain/tracking/approvers.js";

export interface RecListResult {
  asOf: string;
  recommendations: RecordLine[];
}

export function listRecommendations(options: ProjectOptions & ClockOptions): RecListResult {
  const project = openProject(options, ["architecture", "departments", "changes", "docs", "recommendations"]);
  requireValid(project);
  const clock = clockFor(project, options.asOf, options.now);
  return { asOf: clock.today, recommendations: recordLines(project.recommendations, project.changes, clock.today) };
}

export interface RecWriteOptions extends ProjectOptions, ClockOptions, WriteRequest {
  commit: boolean;
  by?: string;
}

export interface RecWriteResult extends WriteResult {
  action: "add" | "present" | "accept" | "decline";
  recommendation: RecordLine;
  file: string;
}

export interface RecAddOptions extends RecWriteOptions {
  id?: string;
  /** A risk id of `tam arch risks`; its client wording fills what is not given. */
  risk?: string;
  /** An engineer's proposal: who made it. */
  author?: string;
  title?: string;
  argument?: string;
  components?: string[];
}

export async function addRecommendation(options: RecAddOptions): Promise<RecWriteResult> {
  if (!options.risk === !options.author) throw new UsageError("give the origin: --risk ID (a risk of `tam arch risks`) or --author NAME (an engineer's proposal), one of them");
  const project = openProject(options);
  requireValid(project);
  const clock = clockFor(project, options.asOf, options.now);
  const ids = project.recommendations.map((r) => r.id);
  const id = options.id ?? nextRecommendationId(project.recommendations);
  if (options.id !== undefined && !/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(options.id)) throw new UsageError(`--id "${options.id}": an id is a letter or digit, then letters, digits, '.', '_' or '-'`);
  const taken = canonicalId(id, ids);
  if (taken !== undefined)
    throw new UsageError(
      `--id ${id}: recommendation ${taken} already exists in ${RECOMMENDATIONS_FILE}; choose another id or leave --id out (next free: ${nextRecommendationId(project.recommendations)})`,
    );
  let origin: RecommendationOrigin;
  let title = options.title;
  let argument = options.argument;
  let components = options.components;
  if (options.risk) {
    const risks = (await archRisks({ project: project.root, asOf: options.asOf, now: options.now })).risks;
    const risk = risks.find((r) => r.id === options.risk);
    if (!risk) {
      const hint = didYouMean(
        options.risk,
        risks.map((r) => r.id),
      );
      throw new UsageError(`--risk "${options.risk}" is not a risk \`tam arch risks\` finds as of ${clock.today}${hint ? `: ${hint}` : ""}`);
    }
    origin = { risk: risk.id };
    title ??= risk.client?.recommendation ?? risk.suggestion;
    argument ??= risk.client?.argument ?? risk.argument;
    components ??= risk.components;
  } else {
    origin = { proposal: { author: options.author! } };
  }
  if (!title?.trim()) throw new UsageError("--title: what is recommended, in the client's terms, is required for a proposal");
  const known = new Set(project.components.map((c) => c.id));
  for (const component of components ?? []) {
    if (!known.has(component)) {
      const hint = didYouMean(component, known);
      throw new UsageError(`--component "${component}" is not a component of architecture.yaml${hint ? `: ${hint}` : ""}`);
    }
  }
  const entry: RecommendationEntry = { id, origin, title, ...(argument ? { argument } : {}), ...(components?.length ? { components } : {}), state: "proposed" };
  const by = options.by ?? (await gitOrLoginName(project.root)) ?? "tam";
  const saved = await write(project, options, by, `rec: add ${id} (${options.risk ?? `proposal by ${options.author}`})`, (text) => appendRecommendation(project, text, entry));
  return { ...saved, action: "add", recommendation: recordLine(entry, new Map(project.changes.map((c) => [c.id, c])), clock.today), file: RECOMMENDATIONS_FILE };
}

export interface RecPresentOptions extends RecWriteOptions {
  id: string;
  date?: string;
  meeting?: string;
}

export async function presentRecommendation(options: RecPresentOptions): Promise<RecWriteResult> {
  const { project, entry, today } = open(options);
  if (entry.state !== "proposed" && entry.state !== "presented")
    throw new UsageError(`${entry.id} is ${entry.state}: the client has decided on it already; only a proposed recommendation is presented`);
  // A meeting of the minutes (meetings.yaml) is named by its id, and lists the recommendation in the same commit.
  const meetingIds = project.meetings.map((m) => m.id);
  const meetingId = options.meeting === undefined ? undefined : canonicalId(options.meeting, meetingIds);
  const meeting = project.meetings.find((m) => m.id === meetingId);
  if (options.meeting !== undefined && !meeting && /^MTG-/i.test(options.meeting)) {
    const hint = didYouMean(options.meeting, meetingIds);
    throw new UsageError(`--meeting "${options.meeting}": no such meeting in ${MEETINGS_FILE}${hint ? `: ${hint}` : " (record it with `tam meeting new`)"}; nothing was written`);
  }
  const date = dayOption("--date", options.date, meeting?.date ?? today);
  if (meeting && date !== meeting.date) throw new UsageError(`--date ${date}: meeting ${meeting.id} was held on ${meeting.date}`);
  const presented: FlatMap = { date, meeting: meeting?.id ?? options.meeting };
  const extra: FileEdit[] =
    meeting && !meeting.recommendations?.includes(entry.id)
      ? [
          {
            path: MEETINGS_FILE,
            edit: (text, source) => {
              if (text === null) throw new UsageError(`${MEETINGS_FILE} is gone; nothing was written`);
              const index = meetingIndex(source, meeting.id);
              const now = (source?.data as { meetings?: Meeting[] } | undefined)?.meetings?.[index]?.recommendations ?? [];
              return now.includes(entry.id) ? text : setMeetingRecommendations(text, index, [...now, entry.id]);
            },
          },
        ]
      : [];
  return change(project, options, entry, "present", `rec: present ${entry.id} (${date}${meeting ? `, ${meeting.id}` : ""})`, "presented", presented, [], today, extra);
}

export interface RecAcceptOptions extends RecWriteOptions {
  id: string;
  /** The change that carries it out. */
  change?: string;
  date?: string;
  /** The client's decision maker who accepted it. */
  decisionMaker?: string;
}

export async function acceptRecommendation(options: RecAcceptOptions): Promise<RecWriteResult> {
  const { project, entry, today } = open(options);
  if (entry.state === "accepted" || entry.state === "done") throw new UsageError(`${entry.id} is ${entry.state} already (${entry.accepted?.change ?? "no change"})`);
  if (!options.change) throw new UsageError(`--change: accepting ${entry.id} needs the change that carries it out (create it with \`tam change new\`)`);
  const changeIds = project.changes.map((c) => c.id);
  const changeId = canonicalId(options.change, changeIds);
  if (!changeId) {
    const hint = didYouMean(options.change, changeIds);
    throw new UsageError(`--change "${options.change}": no such change in changes/${hint ? `: ${hint}` : ""}; nothing was written`);
  }
  if (!options.decisionMaker)
    throw new UsageError(
      `--decision-maker: who on the client's side accepted ${entry.id} (a decision maker of tam.yaml: ${decisionMakers(project.manifest).join(", ") || "none has can_approve: true"})`,
    );
  const by = clientDecisionMaker(project, options.decisionMaker, "accepting a recommendation is the client's decision, not the CAB's");
  const date = dayOption("--date", options.date, today);
  const accepted: FlatMap = { change: changeId, date, by };
  return change(project, options, entry, "accept", `rec: accept ${entry.id} as ${changeId} (${date}${by ? `, ${by}` : ""})`, "accepted", accepted, entry.declined ? ["declined"] : [], today);
}

export interface RecDeclineOptions extends RecWriteOptions {
  id: string;
  /** The client's decision maker who declined it and accepts the risk. */
  decisionMaker?: string;
  date?: string;
  /** When to review the accepted risk with the client. */
  review?: string;
  note?: string;
}

export async function declineRecommendation(options: RecDeclineOptions): Promise<RecWriteResult> {
  const { project, entry, today } = open(options);
  if (entry.state === "accepted" || entry.state === "done") throw new UsageError(`${entry.id} is ${entry.state} (${entry.accepted?.change}): the client took it on; it cannot be declined now`);
  if (!options.decisionMaker)
    throw new UsageError(`--decision-maker: who on the client's side declined ${entry.id} and accepts the risk (one of ${clientContacts(project).join(", ") || "the contacts of tam.yaml"})`);
  const by = clientDecisionMaker(project, options.decisionMaker, "a declined recommendation's risk is the client's to accept, not the CAB's");
  if (!options.review) throw new UsageError(`--review: the date to review the accepted risk with the client again is required (a declined risk is accepted until then)`);
  const date = dayOption("--date", options.date, today);
  const review = dayOption("--review", options.review, today);
  if (review <= date) throw new UsageError(`--review ${review} is not after the decision (${date}): an accepted risk is reviewed later`);
  const declined: FlatMap = { by, date, review, note: options.note };
  return change(project, options, entry, "decline", `rec: decline ${entry.id} (${by}, review ${review})`, "declined", declined, [], today);
}

function open(options: RecWriteOptions & { id: string }): { project: Project; entry: RecommendationEntry; today: string } {
  const project = openProject(options);
  requireValid(project);
  const clock = clockFor(project, options.asOf, options.now);
  const ids = project.recommendations.map((r) => r.id);
  const id = canonicalId(options.id, ids);
  const entry = project.recommendations.find((r) => r.id === id);
  if (!entry) {
    const hint = didYouMean(options.id, ids);
    throw new UsageError(`no recommendation "${options.id}" in ${RECOMMENDATIONS_FILE}${hint ? `: ${hint}` : ids.length ? "" : " (add one with `tam rec add`)"}`);
  }
  return { project, entry, today: clock.today };
}

/**
 * Who decides on a recommendation for the client, accepting it or declining it (and so accepting its
 * risk): a client decision maker (`can_approve: true` in tam.yaml), as for a change's approval; the
 * decision is the client's, so not the CAB's.
 */
function clientDecisionMaker(project: Project, name: string, notCab: string): string {
  const check = checkApprover(name, project.manifest);
  if (!check.ok) throw new UsageError(`--decision-maker ${check.reason.replace("approval is by", "the decision is by")}`);
  if (check.via === "cab") throw new UsageError(`--decision-maker: ${notCab}; name a client decision maker`);
  return check.by;
}

function dayOption(flag: string, value: string | undefined, today: string): string {
  if (value === undefined) return today;
  const problem = dateProblem(value);
  if (problem) throw new UsageError(`${flag}: ${problem}`);
  return value;
}

async function change(
  project: Project,
  options: RecWriteOptions,
  entry: RecommendationEntry,
  action: RecWriteResult["action"],
  message: string,
  key: "presented" | "accepted" | "declined",
  value: FlatMap,
  remove: string[],
  today: string,
  extra: FileEdit[] = [],
): Promise<RecWriteResult> {
  const state = action === "present" ? "presented" : action === "accept" ? "accepted" : "declined";
  const by = options.by ?? (await gitOrLoginName(project.root)) ?? "tam";
  const saved = await write(
    project,
    options,
    by,
    message,
    (text, source) => {
      if (text === null) throw new UsageError(`${RECOMMENDATIONS_FILE} is gone; nothing was written`);
      return setRecommendationState(text, entryIndex(source, entry.id), state, { key, value }, remove);
    },
    extra,
  );
  const clean = Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));
  const after = { ...entry, state, [key]: clean } as RecommendationEntry;
  for (const gone of remove) delete (after as unknown as Record<string, unknown>)[gone];
  return { ...saved, action, recommendation: recordLine(after, new Map(project.changes.map((c) => [c.id, c])), today), file: RECOMMENDATIONS_FILE };
}

function write(project: Project, options: RecWriteOptions, by: string, message: string, edit: FileEdit["edit"], extra: FileEdit[] = []): Promise<WriteResult> {
  return editFiles(project, [{ path: RECOMMENDATIONS_FILE, edit }, ...extra], {
    message,
    by,
    ...transactionFlags(options),
  });
}
