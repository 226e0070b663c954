// The portfolio: one row per client project, sorted by urgency ("where is the fire today?"), and
// the query across clients' components ("which clients run that version?"). Pure: the use case
// (src/app/portfolio.ts) reads each project and hands over what the per-project reports found.
import type { Component } from "../model/files.js";
import type { FreshnessReport } from "./freshness/types.js";
import type { SlaReport } from "./sla/report.js";
import type { StatusReport } from "./tracking/status.js";
import { compareVersions, satisfies, type VersionConstraint } from "./arch/version.js";
import { compareText } from "../model/text-order.js";

/** What a row counts. Every list holds ids ("CHG-0003", "CHG-0003/T2", "INC-0042", doc ids). */
export interface ClientFigures {
  openChanges: number;
  /** Tasks of open changes not yet done (cancelled ones aside). */
  openTasks: number;
  /** The departments (by name) with tasks not yet done on open changes, sorted. */
  departments: string[];
  /** Open changes whose forecast is past the date promised to the client (×3), or past their due date. */
  late: string[];
  /** Open changes whose forecast is past the internal date (×2) but not yet past the client's. */
  atRisk: string[];
  /** Blocked tasks of open changes. */
  blocked: string[];
  /** Late or blocked tasks the last client notice did not tell about. */
  untold: string[];
  /** Open incidents of priority P1 or P2. */
  openP1P2: string[];
  /** SLA compliance of the month to date against the goal; null without incidents with a result. */
  sla: { compliancePct: number | null; goalPct: number | null; pass: boolean | null };
  staleDocs: string[];
  brokenDocs: string[];
  /** Blocked tasks and aging incidents with an escalation level due and not yet escalated to ("CHG-0002/T4", "INC-0056"), as tam status lists them. */
  escalationsDue: string[];
  /** Resolved incidents whose post-incident review is past its due date, with none held. */
  reviewsOverdue: string[];
  /** The P1 incidents among reviewsOverdue (they weigh more in the urgency). */
  reviewsOverdueP1: string[];
  /** Open review actions past their due date ("INC-0004/A2"). */
  reviewActionsOverdue: string[];
  /** Action items of client meetings open past their due date ("MTG-2026-10-30/A2"). */
  meetingActionsOverdue: string[];
}

/** The figures of a client with nothing to count: no open work, every list empty, no SLA result. */
export function emptyFigures(): ClientFigures {
  return {
    openChanges: 0,
    openTasks: 0,
    departments: [],
    late: [],
    atRisk: [],
    blocked: [],
    untold: [],
    openP1P2: [],
    sla: { compliancePct: null, goalPct: null, pass: null },
    staleDocs: [],
    brokenDocs: [],
    escalationsDue: [],
    reviewsOverdue: [],
    reviewsOverdueP1: [],
    reviewActionsOverdue: [],
    meetingActionsOverdue: [],
  };
}

export interface ClientRow {
  /** The project folder as given (or as listed in the portfolio file). */
  path: string;
  /** From tam.yaml; null when the project could not be read. */
  client: string | null;
  project: string | null;
  tam: { name: string; email: string | null } | null;
  /** The weighted sum of what needs attention (see URGENCY_WEIGHTS); 0 on a row with an error. */
  urgency: number;
  figures: ClientFigures | null;
  /** Why the project could not be read: the row says so and the run goes on. */
  error: string | null;
  /** Things the user should know (e.g. no git history for document freshness). */
  notes: string[];
}

export interface PortfolioTotals {
  clients: number;
  withErrors: number;
  openChanges: number;
  late: number;
  atRisk: number;
  blocked: number;
  untold: number;
  openP1P2: number;
  slaMissed: number;
  staleDocs: number;
  brokenDocs: number;
  escalationsDue: number;
  reviewsOverdue: number;
  reviewActionsOverdue: number;
  meetingActionsOverdue: number;
}

/** What one TAM carries across the clients shown: the TAM workload. */
export interface TamWorkload {
  tam: { name: string; email: string | null };
  /** Client names (the path when the project names none), sorted. */
  clients: string[];
  /** Departments with open work on those clients' open changes, sorted. */
  departments: string[];
  openChanges: number;
  openTasks: number;
}

export interface Portfolio {
  today: string;
  rows: ClientRow[];
  totals: PortfolioTotals;
  /** One entry per TAM named by a readable row, the busiest first (open tasks, then open changes, then name). */
  workload: TamWorkload[];
}

/**
 * How much each finding weighs in a row's urgency: an open P1/P2 and a promise already broken
 * first, then an SLA month below its goal, risks to promises and bad news not yet told, then
 * blocked work and documents.
 *
 * An escalation due weighs as a broken promise (50): the department's own rule says someone should
 * already have been called, and every hour adds to a block or an outage the client feels. An overdue
 * review of a P1 weighs as much (50 in all): the client's management expects it after its worst
 * outages, and its absence is seen at the next service review. Any other overdue review (15) and an
 * overdue commitment made to the client in a meeting (15) are promises kept late, below a risk to a
 * change (20) that may still be saved but above blocked work; an overdue review action (10) is
 * follow-up mostly inside the provider, weighed as a blocked task.
 */
export const URGENCY_WEIGHTS = {
  openP1P2: 100,
  late: 50,
  escalationsDue: 50,
  reviewsOverdueP1: 50,
  slaMissed: 30,
  atRisk: 20,
  untold: 20,
  reviewsOverdue: 15,
  meetingActionsOverdue: 15,
  blocked: 10,
  reviewActionsOverdue: 10,
  brokenDocs: 5,
  staleDocs: 2,
} as const;

export function urgencyOf(f: ClientFigures): number {
  const w = URGENCY_WEIGHTS;
  return (
    w.openP1P2 * f.openP1P2.length +
    w.late * f.late.length +
    w.slaMissed * (f.sla.pass === false ? 1 : 0) +
    w.atRisk * f.atRisk.length +
    w.untold * f.untold.length +
    w.blocked * f.blocked.length +
    w.brokenDocs * f.brokenDocs.length +
    w.staleDocs * f.staleDocs.length +
    w.escalationsDue * f.escalationsDue.length +
    // A P1's overdue review counts 50 in all: 15 as an overdue review, 35 more as a P1's.
    w.reviewsOverdue * f.reviewsOverdue.length +
    (w.reviewsOverdueP1 - w.reviewsOverdue) * f.reviewsOverdueP1.length +
    w.reviewActionsOverdue * f.reviewActionsOverdue.length +
    w.meetingActionsOverdue * f.meetingActionsOverdue.length
  );
}

/**
 * A row's figures from the project's status (computed with the incidents its reviews and escalations
 * need, and the meetings), SLA month to date and documentation freshness; `priorityOf` gives an
 * incident's priority by id (for the P1 reviews).
 */
export function clientFigures(status: StatusReport, sla: SlaReport, docs: FreshnessReport, priorityOf: (incident: string) => string | undefined = () => undefined): ClientFigures {
  const late: string[] = [];
  const atRisk: string[] = [];
  const blocked: string[] = [];
  const untold: string[] = [];
  for (const change of status.changes) {
    const forecast = change.plannedFinish;
    if (change.overdue || (forecast !== undefined && change.clientDate !== undefined && forecast > change.clientDate)) late.push(change.id);
    else if (forecast !== undefined && change.internalDate !== undefined && forecast > change.internalDate) atRisk.push(change.id);
    for (const task of change.blocked) blocked.push(`${change.id}/${task.id}`);
    for (const problem of change.untold) untold.push(`${change.id}/${problem.id}`);
  }
  return {
    openChanges: status.changes.length,
    openTasks: status.changes.reduce((sum, change) => sum + change.total - change.done, 0),
    departments: [...new Set(status.departments.filter((d) => d.total > d.done).map((d) => d.name))].sort(),
    late,
    atRisk,
    blocked,
    untold,
    openP1P2: sla.open.filter((incident) => incident.priority === "P1" || incident.priority === "P2").map((incident) => incident.id),
    sla: { compliancePct: sla.total.compliancePct, goalPct: sla.total.goalPct, pass: sla.total.pass },
    staleDocs: docs.docs.filter((doc) => doc.state === "stale").map((doc) => doc.id),
    brokenDocs: docs.docs.filter((doc) => doc.state === "broken").map((doc) => doc.id),
    ...followUp(status, priorityOf),
  };
}

/** What status lists to follow up, past its time: escalations due, reviews and review actions overdue, meeting commitments overdue. */
function followUp(
  status: StatusReport,
  priorityOf: (incident: string) => string | undefined,
): Pick<ClientFigures, "escalationsDue" | "reviewsOverdue" | "reviewsOverdueP1" | "reviewActionsOverdue" | "meetingActionsOverdue"> {
  const reviewsOverdue = (status.reviews?.due ?? []).filter((review) => review.overdueDays > 0).map((review) => review.incident);
  const reviewActionsOverdue = (status.reviews?.actions ?? [])
    .flatMap((owner) => owner.actions)
    .filter((action) => action.overdueDays > 0)
    .sort((a, b) => b.overdueDays - a.overdueDays || compareText(a.incident, b.incident) || compareText(a.id, b.id))
    .map((action) => `${action.incident}/${action.id}`);
  const meetingActionsOverdue = (status.meetingActions ?? [])
    .flatMap((owner) => owner.actions)
    .sort((a, b) => b.daysLate - a.daysLate || compareText(a.ref, b.ref))
    .map((action) => action.ref);
  return {
    escalationsDue: status.escalations.filter((escalation) => escalation.due !== undefined).map((escalation) => escalation.subject),
    reviewsOverdue,
    reviewsOverdueP1: reviewsOverdue.filter((incident) => priorityOf(incident) === "P1"),
    reviewActionsOverdue,
    meetingActionsOverdue,
  };
}

const text = (a: string | null, b: string | null) => ((a ?? "") < (b ?? "") ? -1 : (a ?? "") > (b ?? "") ? 1 : 0);

/** Rows with errors first (a client whose repository cannot be read is a fire too), then most urgent first, then by client and path. */
function sortRows(rows: ClientRow[]): ClientRow[] {
  return [...rows].sort((a, b) => Number(b.error !== null) - Number(a.error !== null) || b.urgency - a.urgency || text(a.client, b.client) || text(a.path, b.path));
}

export function portfolioOf(today: string, rows: ClientRow[]): Portfolio {
  const totals: PortfolioTotals = {
    clients: rows.length,
    withErrors: 0,
    openChanges: 0,
    late: 0,
    atRisk: 0,
    blocked: 0,
    untold: 0,
    openP1P2: 0,
    slaMissed: 0,
    staleDocs: 0,
    brokenDocs: 0,
    escalationsDue: 0,
    reviewsOverdue: 0,
    reviewActionsOverdue: 0,
    meetingActionsOverdue: 0,
  };
  for (const row of rows) {
    if (row.error !== null) totals.withErrors++;
    const f = row.figures;
    if (!f) continue;
    totals.openChanges += f.openChanges;
    totals.late += f.late.length;
    totals.atRisk += f.atRisk.length;
    totals.blocked += f.blocked.length;
    totals.untold += f.untold.length;
    totals.openP1P2 += f.openP1P2.length;
    totals.slaMissed += f.sla.pass === false ? 1 : 0;
    totals.staleDocs += f.staleDocs.length;
    totals.brokenDocs += f.brokenDocs.length;
    totals.escalationsDue += f.escalationsDue.length;
    totals.reviewsOverdue += f.reviewsOverdue.length;
    totals.reviewActionsOverdue += f.reviewActionsOverdue.length;
    totals.meetingActionsOverdue += f.meetingActionsOverdue.length;
  }
  return { today, rows: sortRows(rows), totals, workload: workloadOf(rows) };
}

/** The workload per TAM: clients, departments involved, open changes and tasks (rows with an error count as clients only). */
function workloadOf(rows: readonly ClientRow[]): TamWorkload[] {
  const byTam = new Map<string, TamWorkload & { departmentSet: Set<string> }>();
  for (const row of rows) {
    if (!row.tam) continue;
    const key = `${row.tam.name.toLowerCase()}\u0000${row.tam.email?.toLowerCase() ?? ""}`;
    let entry = byTam.get(key);
    if (!entry) byTam.set(key, (entry = { tam: row.tam, clients: [], departments: [], openChanges: 0, openTasks: 0, departmentSet: new Set() }));
    entry.clients.push(row.client ?? row.path);
    if (!row.figures) continue;
    entry.openChanges += row.figures.openChanges;
    entry.openTasks += row.figures.openTasks;
    for (const d of row.figures.departments) entry.departmentSet.add(d);
  }
  return [...byTam.values()]
    .map(({ departmentSet, ...entry }) => ({ ...entry, clients: [...entry.clients].sort(), departments: [...departmentSet].sort() }))
    .sort((a, b) => b.openTasks - a.openTasks || b.openChanges - a.openChanges || text(a.tam.name, b.tam.name) || text(a.tam.email, b.tam.email));
}

/** Who a filter names: a name or e-mail given (--tam, --mine VALUE), or git's user.name and user.email (--mine). */
export interface TamIdentity {
  name?: string;
  email?: string;
}

/** Whether a project's TAM is the one named (case-insensitive; a value given matches either the name or the e-mail). */
export function tamMatches(tam: { name: string; email?: string | null } | undefined, who: TamIdentity): boolean {
  if (!tam) return false;
  const same = (a: string | null | undefined, b: string | undefined) => a != null && b !== undefined && b.trim() !== "" && a.trim().toLowerCase() === b.trim().toLowerCase();
  return same(tam.name, who.name) || same(tam.email, who.email);
}

// --- tam portfolio find ---

export interface FindQuery {
  /** Matched case-insensitively, spaces collapsed ("windows  server" = "Windows Server"). */
  product: string;
  version?: VersionConstraint;
  internetFacing?: boolean;
}

export interface FoundComponent {
  path: string;
  client: string;
  tam: { name: string; email: string | null };
  component: string;
  name: string;
  product: string;
  /** null: the component names the product but not its version; listed so that someone checks it. */
  version: string | null;
  internetFacing: boolean;
  /** Components that depend on it, directly or through others, sorted. */
  dependents: string[];
}

const normal = (s: string) => s.trim().replace(/\s+/g, " ").toLowerCase();

/** The components of one client that match the query; decommissioned ones are not part of the landscape. */
export function findComponents(client: { path: string; client: string; tam: { name: string; email: string | null } }, components: readonly Component[], query: FindQuery): FoundComponent[] {
  const live = components.filter((c) => !c.decommissioned);
  const dependentsOf = new Map<string, string[]>();
  for (const c of live) for (const on of c.depends_on ?? []) dependentsOf.set(on, [...(dependentsOf.get(on) ?? []), c.id]);
  const transitive = (id: string): string[] => {
    const seen = new Set<string>();
    const stack = [...(dependentsOf.get(id) ?? [])];
    while (stack.length) {
      const next = stack.pop()!;
      if (seen.has(next) || next === id) continue;
      seen.add(next);
      stack.push(...(dependentsOf.get(next) ?? []));
    }
    return [...seen].sort();
  };
  const product = normal(query.product);
  return live
    .filter((c) => typeof c.product === "string" && normal(c.product) === product)
    .filter((c) => !query.internetFacing || c.internet_facing === true)
    .filter((c) => !query.version || typeof c.version !== "string" || satisfies(c.version, query.version))
    .map((c) => ({
      ...client,
      component: c.id,
      name: c.name,
      product: c.product!,
      version: typeof c.version === "string" ? c.version : null,
      internetFacing: c.internet_facing === true,
      dependents: transitive(c.id),
    }));
}

/** Oldest version first (unknown versions first of all: they need a look), then by client and component. */
export function sortFound(found: FoundComponent[]): FoundComponent[] {
  return [...found].sort(
    (a, b) =>
      Number(b.version === null) - Number(a.version === null) ||
      (a.version !== null && b.version !== null ? compareVersions(a.version, b.version) : 0) ||
      text(a.client, b.client) ||
      text(a.component, b.component) ||
      text(a.path, b.path),
  );
}
