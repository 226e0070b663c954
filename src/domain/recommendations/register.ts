// The register of recommendations (recommendations.yaml) read against the project: each one's
// state as of a day (an accepted one is done when its change is), what a risk of `tam arch risks`
// has on record, and the report's sections. Pure: the entries, the changes and the day come in.
import type { Change, RecommendationEntry, RecommendationState } from "../../model/files.js";
import { compareText } from "../../model/text-order.js";

/** What the register says about a risk, or about a recommendation, as of a day. */
export type RecordState = "proposed" | "presented" | "accepted" | "done" | "risk-accepted" | "to-review";

export interface RecordLine {
  /** The recommendation, e.g. REC-003. */
  recommendation: string;
  title: string;
  state: RecordState;
  /** The risk it answers, when it comes from one. */
  risk: string | null;
  /** The engineer who proposed it, when it is a proposal. */
  author: string | null;
  components: string[];
  /** Accepted or done: the change that carries it out, its status and due date. */
  change: { id: string; status: string | null; due: string | null; finish: string | null; promised?: string | null } | null;
  /** Declined: the client's decision maker who accepted the risk, the day, and until when. */
  acceptedBy: string | null;
  decided: string | null;
  review: string | null;
  presented: string | null;
  meeting: string | null;
  /** One line for people: "accepted by Elena Smirnova until 2027-03-31". */
  text: string;
}

export interface RegisterReport {
  /** Proposed or presented: the client is to decide. */
  decisionsNeeded: RecordLine[];
  /** Declined: the risk accepted by the client, in force or to review again (review date past). */
  acceptedRisks: RecordLine[];
  /** Accepted, their change under way. */
  inProgress: RecordLine[];
  /** Done (their change finished) since the day given (the last meeting, else the period's start). */
  doneSince: RecordLine[];
  /** Per author, the proposals the client adopted (accepted or done), for the provider's side. */
  adoptedByAuthor: { author: string; recommendations: string[] }[];
}

/** The day a change's work finished: the last day in its tasks' history, once every counted task is done. */
function changeFinish(change: Change | undefined): string | null {
  if (change?.status !== "done") return null;
  const days = (change.tasks ?? []).flatMap((t) => (t.history ?? []).map((e) => e.at.slice(0, 10))).sort();
  return days[days.length - 1] ?? null;
}

/** The next free id, REC-001 style (one more than the highest number in use). */
export function nextRecommendationId(entries: readonly Pick<RecommendationEntry, "id">[]): string {
  const numbers = entries
    .map((e) => /^REC-(\d+)$/i.exec(e.id)?.[1])
    .filter((n): n is string => n !== undefined)
    .map(Number);
  const next = (numbers.length ? Math.max(...numbers) : 0) + 1;
  return `REC-${String(next).padStart(3, "0")}`;
}

/** The risk id a recommendation answers, or null for a proposal. */
function riskOf(entry: RecommendationEntry): string | null {
  const risk = (entry.origin as { risk?: unknown } | undefined)?.risk;
  return typeof risk === "string" ? risk : null;
}

function authorOf(entry: RecommendationEntry): string | null {
  const author = (entry.origin as { proposal?: { author?: unknown } } | undefined)?.proposal?.author;
  return typeof author === "string" ? author : null;
}

/** A recommendation as of `today`: an accepted one is done once its change is; a declined one is to review after its review date. */
export function recordLine(entry: RecommendationEntry, changes: ReadonlyMap<string, Change>, today: string): RecordLine {
  const accepted = entry.accepted;
  const change = accepted ? changes.get(accepted.change) : undefined;
  const finish = changeFinish(change);
  const declined = entry.declined;
  let state: RecordState;
  const stated: RecommendationState = entry.state;
  if (stated === "declined" && declined) state = declined.review < today ? "to-review" : "risk-accepted";
  else if ((stated === "accepted" || stated === "done") && accepted) state = change?.status === "done" || stated === "done" ? "done" : "accepted";
  else state = stated === "presented" ? "presented" : "proposed";
  const changeLine = accepted ? { id: accepted.change, status: change?.status ?? null, due: change?.due ?? null, finish } : null;
  const line: RecordLine = {
    recommendation: entry.id,
    title: entry.title,
    state,
    risk: riskOf(entry),
    author: authorOf(entry),
    components: [...(entry.components ?? [])],
    change: changeLine,
    acceptedBy: declined?.by ?? null,
    decided: declined?.date ?? accepted?.date ?? null,
    review: declined?.review ?? null,
    presented: entry.presented?.date ?? null,
    meeting: entry.presented?.meeting ?? null,
    text: "",
  };
  line.text = recordText(line);
  return line;
}

function recordText(line: RecordLine): string {
  switch (line.state) {
    case "risk-accepted":
      return `accepted by ${line.acceptedBy} until ${line.review}`;
    case "to-review":
      return `to review with the client: accepted by ${line.acceptedBy} until ${line.review}, which has passed`;
    case "accepted": {
      const c = line.change!;
      const status = [c.status, c.due ? `due ${c.due}` : ""].filter(Boolean).join(", ");
      return `accepted: carried out by ${c.id}${status ? ` (${status})` : ""}`;
    }
    case "done":
      return `done: ${line.change!.id}${line.change!.finish ? ` finished ${line.change!.finish}` : ""}`;
    case "presented":
      return `presented ${line.presented}${line.meeting ? ` (${line.meeting})` : ""}: awaiting the client's decision`;
    default:
      return "proposed: not yet presented to the client";
  }
}

/** Every recommendation as of `today`, in the register's order. */
export function recordLines(entries: readonly RecommendationEntry[], changes: readonly Change[], today: string): RecordLine[] {
  const byId = new Map(changes.map((c) => [c.id, c]));
  return entries.map((entry) => recordLine(entry, byId, today));
}

/** What the register says about each risk it names: the latest recommendation for that risk. */
export function riskRecords(lines: readonly RecordLine[]): Map<string, RecordLine> {
  const byRisk = new Map<string, RecordLine>();
  for (const line of lines) if (line.risk) byRisk.set(line.risk, line);
  return byRisk;
}

/** A risk the client has taken on (in force) or has a change for: not a new recommendation to argue again. */
export function settled(line: RecordLine | undefined): boolean {
  return line !== undefined && (line.state === "risk-accepted" || line.state === "accepted" || line.state === "done");
}

/** The report's sections: decisions needed, accepted risks, done since `since`, proposals adopted per author. */
export function registerReport(lines: readonly RecordLine[], since: string): RegisterReport {
  const authors = new Map<string, string[]>();
  for (const line of lines) {
    if (!line.author || (line.state !== "accepted" && line.state !== "done")) continue;
    authors.set(line.author, [...(authors.get(line.author) ?? []), line.recommendation]);
  }
  return {
    decisionsNeeded: lines.filter((l) => l.state === "proposed" || l.state === "presented"),
    acceptedRisks: lines.filter((l) => l.state === "risk-accepted" || l.state === "to-review").sort((a, b) => compareText(a.review ?? "", b.review ?? "")),
    inProgress: lines.filter((l) => l.state === "accepted"),
    doneSince: lines.filter((l) => l.state === "done" && (l.change?.finish ?? l.decided ?? "") >= since),
    adoptedByAuthor: [...authors].sort(([a], [b]) => compareText(a, b)).map(([author, recommendations]) => ({ author, recommendations })),
  };
}
