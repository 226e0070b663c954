// The cells the table and markdown views of a portfolio share: one short phrase per figure.
import type { ClientRow, Portfolio, TamWorkload } from "../../domain/portfolio.js";
import type { PortfolioFindResult } from "../../app/portfolio.js";
import { count } from "../../util/plural.js";

const list = (ids: readonly string[], max = 3) => (ids.length <= max ? ids.join(", ") : `${ids.slice(0, max).join(", ")} +${ids.length - max}`);
/** "2 late: CHG-0002, CHG-0003": the word is an adjective, not pluralised. */
const counted = (ids: readonly string[], what: string) => (ids.length ? `${ids.length} ${what}: ${list(ids)}` : "");
/** "2 escalations due: CHG-0002/T4, INC-0056": the noun pluralised, then what is past its time. */
const countedNoun = (ids: readonly string[], noun: string, state: string) => (ids.length ? `${count(ids.length, noun)} ${state}: ${list(ids)}` : "");

export const PORTFOLIO_HEAD = ["client", "TAM", "changes", "work", "incidents", "follow-up", "SLA month", "docs"];

export function portfolioCells(row: ClientRow): string[] {
  const client = row.client ? `${row.client}\n${row.path}` : row.path;
  const tam = row.tam?.name ?? "";
  const f = row.figures;
  if (!f) return [client, tam, `error: ${row.error ?? "unknown"}`, "", "", "", "", ""];
  const changes = [`${f.openChanges} open, ${count(f.openTasks, "task")} to do`, counted(f.late, "late"), counted(f.atRisk, "at risk")].filter(Boolean).join("\n");
  const work = [counted(f.blocked, "blocked"), counted(f.untold, "untold")].filter(Boolean).join("\n") || "—";
  const incidents = f.openP1P2.length ? `${f.openP1P2.length} open P1/P2: ${list(f.openP1P2)}` : "—";
  const sla =
    f.sla.compliancePct === null
      ? "no results yet"
      : `${f.sla.compliancePct.toFixed(1)}%${f.sla.goalPct === null ? "" : ` / goal ${f.sla.goalPct.toFixed(1)}%`}${f.sla.pass === false ? " MISSED" : ""}`;
  const docs = [counted(f.brokenDocs, "broken"), counted(f.staleDocs, "stale")].filter(Boolean).join("\n") || "—";
  const followUp =
    [
      countedNoun(f.escalationsDue, "escalation", "due"),
      f.reviewsOverdue.length ? `${countedNoun(f.reviewsOverdue, "review", "overdue")}${f.reviewsOverdueP1.length ? ` (P1: ${list(f.reviewsOverdueP1)})` : ""}` : "",
      countedNoun(f.reviewActionsOverdue, "review action", "overdue"),
      countedNoun(f.meetingActionsOverdue, "meeting action", "overdue"),
    ]
      .filter(Boolean)
      .join("\n") || "—";
  return [client, tam, changes, work, incidents, followUp, sla, docs];
}

export function totalsLine(portfolio: Portfolio): string {
  const t = portfolio.totals;
  const parts = [
    count(t.clients, "client"),
    t.withErrors ? `${t.withErrors} with errors` : "",
    `${t.openChanges} open changes (${t.late} late, ${t.atRisk} at risk)`,
    `${t.blocked} blocked tasks`,
    t.untold ? `${t.untold} untold to the client` : "",
    `${t.openP1P2} open P1/P2`,
    `${count(t.escalationsDue, "escalation")} due`,
    `${count(t.reviewsOverdue, "review")} and ${count(t.reviewActionsOverdue, "review action")} overdue`,
    `${count(t.meetingActionsOverdue, "meeting action")} overdue`,
    t.slaMissed ? `${count(t.slaMissed, "client")} below the SLA goal` : "",
    `${t.brokenDocs} broken and ${t.staleDocs} stale docs`,
  ];
  return `${parts.filter(Boolean).join("; ")} (as of ${portfolio.today}, most urgent first)`;
}

export const WORKLOAD_HEAD = ["TAM", "clients", "departments involved", "open changes", "open tasks"];

/** One TAM's line of the workload table. */
export function workloadCells(entry: TamWorkload): string[] {
  return [
    entry.tam.email ? `${entry.tam.name}\n${entry.tam.email}` : entry.tam.name,
    `${entry.clients.length}: ${entry.clients.join(", ")}`,
    entry.departments.length ? `${entry.departments.length}: ${entry.departments.join(", ")}` : "—",
    String(entry.openChanges),
    String(entry.openTasks),
  ];
}

export const WORKLOAD_TITLE = "Workload per TAM";

export const FIND_HEAD = ["client", "component", "product", "version", "internet", "depends on it", "TAM"];

export function findCells(found: PortfolioFindResult["found"][number]): string[] {
  return [
    `${found.client}\n${found.path}`,
    `${found.component}\n${found.name}`,
    found.product,
    found.version ?? "unknown",
    found.internetFacing ? "yes" : "no",
    found.dependents.length ? list(found.dependents, 5) : "—",
    found.tam.email ? `${found.tam.name} <${found.tam.email}>` : found.tam.name,
  ];
}

export function findSummary(result: PortfolioFindResult): string {
  const q = result.query;
  const what = `${q.product}${q.version ? ` ${q.version}` : ""}${q.internetFacing ? ", internet-facing" : ""}`;
  const unknown = result.found.filter((f) => f.version === null).length;
  return `${count(result.found.length, "component")} of ${what} in ${count(result.searched, "project")}${unknown ? ` (${unknown} without a recorded version: check them)` : ""}${result.errors.length ? `; ${count(result.errors.length, "project")} could not be read` : ""}${result.didYouMean ? `; no component records "${q.product}": did you mean "${result.didYouMean}"?` : ""}`;
}
