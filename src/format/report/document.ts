// The client-meeting report as a person reads it. The client audience gets what a TAM can hand
// over unedited: components by name, the promised dates, recommendations argued, decisions asked
// for; the internal audience adds the TAM's own part (dates and slips, chores, data quality).
// Every piece of user-written text goes through markdownEscape (md).
import type { ClientReport, ChangeLine, Recommendation, Slip } from "../../domain/report/types.js";
import { ruleQuoter } from "../../domain/arch/rules.js";
import { RISK_WORDS } from "../../domain/tracking/readiness.js";
import type { Breach, GroupSummary } from "../../domain/sla/report.js";
import { count, plural } from "../../util/plural.js";
import type { ActionLine, ActionsReview } from "../../domain/meetings/minutes.js";
import { markdownTable as table } from "../markdown-table.js";
import { breachText, measureText, stats } from "../sla/view.js";
import { markdownEscape as md } from "../text.js";
import type { Block } from "./blocks.js";
import { andList, capitalise, dateSpan, markdownWithCode, periodName } from "./words.js";

/** How many medium recommendations the report names before summing up the rest. */
const MEDIUM_LISTED = 8;

const pct = (value: number): string => `${value.toFixed(1)}%`;

export function reportBlocks(report: ClientReport): Block[] {
  const blocks: Block[] = [];
  let lines: string[] = [];
  const flush = () => {
    if (lines.length) blocks.push({ kind: "markdown", lines });
    lines = [];
  };
  const chart = (c: Block & { kind: "chart" }) => {
    flush();
    blocks.push(c);
  };
  const { header, sla, changes } = report;
  // Each rule of the trade is quoted once in the document, where it first applies.
  const quote = ruleQuoter(report.internal ? "internal" : "client");
  const internal = report.internal;
  const period = periodName(header.period);
  const name = (id: string) => report.componentNames[id] ?? id;

  lines.push(`# ${md(header.client)}: service report, ${md(period)}${internal ? " (internal)" : ""}`, "");
  lines.push(`**Project:** ${md(header.project)}  `);
  lines.push(
    `**Period:** ${header.period.label === header.period.fromDate.slice(0, 7) ? `${md(period)} (${dateSpan(header.period.fromDate, header.period.toDate)})` : dateSpan(header.period.fromDate, header.period.toDate)}, as of ${header.asOf}  `,
  );
  lines.push(`**Technical Account Manager:** ${md(header.tam)}${header.serviceManager ? `  \n**Service manager:** ${md(header.serviceManager)}` : ""}`, "");
  if (internal) lines.push("> Internal edition: it names internal dates, chores and data problems. Hand the client the default edition (`tam report`).", "");

  lines.push("## Service summary", "", ...summary(report, period), "");

  if (report.delta) lines.push(...deltaSection(report), "");
  if (report.actions) lines.push(...actionsSection(report.actions), "");

  lines.push("## What was done", "");
  if (changes.done.length === 0) lines.push(`No change was completed between ${header.period.fromDate} and ${header.asOf}.`, "");
  else
    lines.push(
      ...table(
        ["change", "what", "done"],
        changes.done.map((c) => [md(c.id), md(c.title), c.start && c.finish ? dateSpan(c.start, c.finish) : (c.finish ?? "recorded without dates")]),
      ),
      "",
    );
  const resolved = sla.total.incidents - sla.open.filter((o) => Date.parse(o.opened) >= header.period.start && Date.parse(o.opened) < header.period.end).length;
  if (sla.total.incidents > 0)
    lines.push(
      `The support teams handled ${count(sla.total.incidents, "incident")} opened in ${md(period)}; ${resolved === sla.total.incidents ? "all of them are resolved" : `${resolved} of them are resolved`}.`,
      "",
    );

  lines.push("## What is planned", "");
  const open = [...changes.inProgress, ...changes.planned];
  if (open.length === 0) lines.push("No change is in progress or planned.", "");
  else {
    lines.push(
      ...table(
        ["change", "what", "status", "progress", internal ? "promised to the client" : "completion by"],
        open.map((c) => [md(c.id), md(c.title), statusWord(c), progress(c), c.notKept ? md(c.notKept) : (c.promised ?? "to be planned")]),
      ),
      "",
    );
    lines.push(
      internal
        ? "Promised dates are the ones told to the client (three times the estimate); the internal dates are in the internal part below."
        : "Completion dates are the dates we commit to; we report at once if one of them is at risk.",
      "",
    );
  }
  if (report.gantt.length) {
    chart({ kind: "chart", chart: { type: "gantt", title: internal ? `Open work as of ${header.asOf}` : `Changes as of ${header.asOf}`, tasks: report.gantt, asOf: header.asOf } });
    lines.push(
      internal
        ? "Tasks on their forecast dates; critical tasks in red; the line marks the report's date."
        : "Each bar runs from the start of the work to the date we commit to; red where that is later than the date you asked for; the line marks the report's date.",
      "",
    );
  }

  lines.push("## Service levels (SLA)", "");
  const withResult = report.history.filter((m) => m.compliancePct !== null);
  if (withResult.length) {
    chart({ kind: "chart", chart: { type: "compliance", title: "Incidents within the SLA target per month (%)", months: withResult } });
    lines.push(
      `Bars: the share of incidents meeting both the response and the resolution target, per month (${dateSpan(withResult[0]!.month, withResult[withResult.length - 1]!.month)}); line: the goal.${withResult.length < report.history.length ? " Months without incidents are not drawn." : ""}`,
      "",
    );
  }
  if (sla.total.incidents === 0) lines.push(`The SLA targets had nothing to measure in ${md(period)}.`, "");
  else {
    lines.push(...table(slaHead(Boolean(internal)), [...sla.groups.map((g) => slaRow(g.key, g, Boolean(internal))), slaRow("**all**", sla.total, Boolean(internal))]), "");
    lines.push(
      `Compliance counts incidents meeting both targets, in the working time of each priority's calendar, minus the time spent waiting for you or a vendor. The change is against ${md(periodName(header.period.previous))}.`,
      "",
    );
  }
  if (report.history.some((m) => m.incidents > 0)) {
    chart({ kind: "chart", chart: { type: "priorities", title: "Incidents opened per month, by priority", months: report.history } });
    lines.push("Stacked by priority: P1 (red) at the bottom, then P2 (orange), P3 (yellow) and P4 (grey).", "");
  }

  if (sla.total.incidents > 0) lines.push("### Incidents that missed the target", "");
  if (sla.total.incidents > 0 && sla.breaches.length === 0) lines.push(`None: every incident of ${md(period)} met its targets.`, "");
  else if (sla.breaches.length) {
    const lineFor = new Map(report.breaches.map((b) => [b.id, b]));
    for (const breach of sla.breaches) lines.push(...breachParagraph(breach, lineFor.get(breach.id)!, name, Boolean(internal)), "");
  }
  if (sla.recurring.length) {
    lines.push("### The same cause more than once", "", `${quote("never-twice") ?? "As said above, a repeated cause is one the fix did not reach."} We treat each one below as such.`, "");
    for (const r of sla.recurring) lines.push(`- ${md(name(r.component))}: ${count(r.incidents.length, `${r.cause} incident`)} (${md(andList(r.incidents))})`);
    lines.push("");
  }
  if (sla.open.length) {
    lines.push(`### Open ${plural(sla.open.length, "incident")}`, "");
    lines.push(
      ...table(
        ["incident", "priority", "what", "response", "resolution"],
        sla.open.map((o) => [md(o.id), o.priority, md(o.title), md(measureText(o.response, sla.timezone)), md(measureText(o.resolution, sla.timezone))]),
      ),
      "",
    );
  }

  lines.push(...reviewSections(report));

  lines.push("## Recommendations", "", ...recommendations(report, quote), "");
  lines.push(...registerSections(report));

  lines.push("## Decisions needed from you", "");
  if (report.decisions.length === 0) lines.push("None at this meeting.", "");
  else lines.push(...report.decisions.map((d, i) => `${i + 1}. ${md(d.text)}`), "");

  if (internal) lines.push(...internalSections(report), "");
  flush();
  return blocks;
}

/**
 * Post-incident reviews held and their actions done since the last meeting (or the period's start), and
 * those still open. The client edition in the client's words: our actions are "we", theirs "you" (with
 * the person), no department ids; the internal edition names every owner.
 */
function reviewSections(report: ClientReport): string[] {
  const { reviews } = report;
  const internal = Boolean(report.internal);
  if (!reviews.held.length && !reviews.actionsDone.length && !reviews.open.length) return [];
  const since = reviews.since;
  const who = (a: ClientReport["reviews"]["open"][number]) =>
    internal ? `${md(a.owner ?? "")} (${a.side === "client" ? "client" : "provider"} side)` : a.side === "client" ? `You (${md(a.owner ?? "")})` : "We";
  const out = [`### What we learned from incidents since ${since}`, ""];
  const done = reviews.actionsDone.length;
  out.push(
    `${reviews.held.length ? `We held ${count(reviews.held.length, "post-incident review")}` : "We held no post-incident review"}${done ? `; ${count(done, "action")} agreed in our reviews ${plural(done, "was", "were")} carried out` : ""}.`,
    "",
  );
  if (reviews.held.length)
    out.push(
      ...table(
        ["incident", "what happened", "held", "what we found", "actions done"],
        reviews.held.map((r) => [md(r.incident), `${r.priority} ${md(r.title)}`, r.held, md(r.cause ?? "no cause named"), `${r.done} of ${r.actions}`]),
      ),
      "",
    );
  if (done) out.push(`Carried out since ${since}:`, "", ...reviews.actionsDone.map((a) => `- ${who(a)}: ${md(a.text)} (${md(a.incident)}), ${a.done}${a.note ? `: ${md(a.note)}` : ""}`), "");
  if (reviews.open.length)
    out.push(
      "Still open:",
      "",
      ...reviews.open.map((a) => `- ${who(a)}: ${md(a.text)} (${md(a.incident)}), due ${a.due}${a.due < report.header.asOf ? ` (${internal ? "overdue" : "past its date"})` : ""}`),
      "",
    );
  return out;
}

/** What recommendations.yaml has on record: taken on and under way, done since the last meeting, risks accepted. */
function registerSections(report: ClientReport): string[] {
  const { register } = report;
  const out: string[] = [];
  // A project without a register of recommendations: nothing on record to report.
  if (!register.inProgress.length && !register.doneSince.length && !register.acceptedRisks.length && !register.decisionsNeeded.length && !register.adoptedByAuthor.length) return out;
  if (register.inProgress.length) {
    out.push("### Recommendations you took on", "");
    out.push(
      ...table(
        ["recommendation", "carried out by", "status"],
        register.inProgress.map((l) => [
          `${md(l.title)} (${md(l.recommendation)})`,
          md(l.change!.id),
          md([l.change!.status, l.change!.promised ? `completion by ${l.change!.promised}` : l.change!.due ? `due ${l.change!.due}` : ""].filter(Boolean).join(", ")),
        ]),
      ),
      "",
    );
  }
  const since = report.delta?.since ?? report.header.period.fromDate;
  out.push(`### Recommendations carried out since ${since}`, "");
  if (register.doneSince.length === 0) out.push(`No recommendation was carried out since ${since}.`, "");
  else out.push(...register.doneSince.map((l) => `- ${md(l.title)} (${md(l.recommendation)}): ${md(l.change!.id)}${l.change!.finish ? `, finished ${l.change!.finish}` : ""}`), "");
  if (register.acceptedRisks.length) {
    out.push("### Risks you accepted", "");
    out.push(
      ...table(
        ["risk", "accepted by", "until", "review"],
        register.acceptedRisks.map((l) => [
          `${md(l.title)} (${md(l.recommendation)})`,
          md(l.acceptedBy ?? ""),
          l.review ?? "",
          l.state === "to-review" ? "**to review with you now**" : "at that date",
        ]),
      ),
      "",
    );
  }
  return out;
}

function summary(report: ClientReport, period: string): string[] {
  const { sla, changes, header } = report;
  const out: string[] = [];
  const total = sla.total;
  if (total.incidents === 0) out.push(`No incident was opened in ${md(period)}.`);
  else {
    const met = Math.round(((total.compliancePct ?? 0) * total.withResult) / 100);
    let sentence = `${capitalise(count(total.incidents, "incident"))} in ${md(period)}`;
    if (total.compliancePct === null || total.goalPct === null) sentence += `, none of them with a final result yet.`;
    else {
      sentence += `: ${met} of ${total.withResult} within the SLA targets (${pct(total.compliancePct)}, goal ${pct(total.goalPct)})`;
      if (total.trendPts !== null) sentence += `, ${trendWords(total.trendPts)} ${md(periodName(header.period.previous))}`;
      sentence += ".";
    }
    out.push(sentence);
    if (sla.breaches.length)
      out.push(
        `${capitalise(count(sla.breaches.length, "incident"))} missed ${plural(sla.breaches.length, "its target", "their targets")}; what we changed so ${plural(sla.breaches.length, "it does", "they do")} not recur is below.`,
      );
  }
  const parts = [
    changes.done.length ? `${count(changes.done.length, "change")} completed` : "",
    changes.inProgress.length ? `${changes.inProgress.length} in progress` : "",
    changes.planned.length ? `${changes.planned.length} planned` : "",
  ].filter(Boolean);
  out.push(parts.length ? `${capitalise(andList(parts))}.` : "No change was completed, in progress or planned.");
  const high = report.recommendations.filter((r) => r.severity === "high").length;
  const smaller = report.recommendations.length - high;
  if (high) out.push(`${capitalise(count(high, "important recommendation"))}${smaller ? ` and ${count(smaller, "smaller one")}` : ""}.`);
  else if (smaller) out.push(`${capitalise(count(smaller, "recommendation"))}, none of them urgent.`);
  if (report.decisions.length) out.push(`${capitalise(count(report.decisions.length, "decision"))} needed from you.`);
  return [out.join(" ")];
}

function trendWords(pts: number): string {
  if (Math.abs(pts) < 0.05) return "the same as in";
  return `${Math.abs(pts).toFixed(1)} ${plural(Math.abs(pts) === 1 ? 1 : 2, "point")} ${pts > 0 ? "better than" : "worse than"}`;
}

/** What each side promised at the earlier meetings, and whether it was kept ("keep even small obligations"). */
function actionsSection(review: ActionsReview): string[] {
  const total = review.kept.length + review.late.length + review.open.length;
  const out = [`### What we agreed at our meetings up to ${review.since}`, ""];
  if (!total) return [...out, `No action item of those meetings was still open on ${review.since}.`];
  const parts = [review.kept.length ? `${review.kept.length} kept` : "", review.late.length ? `${review.late.length} late` : "", review.open.length ? `${review.open.length} not due yet` : ""].filter(
    Boolean,
  );
  out.push(`Of ${count(total, "action item")}: ${andList(parts)}.`, "");
  const who = (a: ActionLine) => `${md(a.owner)}, ${a.side === "client" ? "your side" : "our side"}`;
  const days = (n: number) => count(n, "day");
  for (const a of review.late)
    out.push(
      a.state === "late"
        ? `- **Late**: ${md(a.text)} (${who(a)}): due ${a.due}, done ${a.done}, ${days(a.daysLate)} late`
        : `- **Late**: ${md(a.text)} (${who(a)}): due ${a.due}, still open, ${days(a.daysLate)} late`,
    );
  for (const a of review.kept) out.push(`- Kept: ${md(a.text)} (${who(a)}): due ${a.due}, done ${a.done}`);
  for (const a of review.open) out.push(`- Open: ${md(a.text)} (${who(a)}): due ${a.due}`);
  return out;
}

function deltaSection(report: ClientReport): string[] {
  const d = report.delta!;
  const out = [`## Since our last meeting (${d.since})`, ""];
  if (!d.newIncidents.length && !d.changesDone.length && !d.risksResolved.length && !d.risksNew.length) return [...out, "Nothing new: no incident, no completed change and no change in the risks."];
  const parts = [
    d.changesDone.length ? `${count(d.changesDone.length, "change")} completed` : "",
    d.newIncidents.length ? count(d.newIncidents.length, "new incident") : "",
    d.risksResolved.length ? `${count(d.risksResolved.length, "risk")} resolved` : "",
    d.risksNew.length ? count(d.risksNew.length, "new recommendation") : "",
  ].filter(Boolean);
  out.push(`${capitalise(andList(parts))}.`, "");
  if (d.changesDone.length) out.push(...d.changesDone.map((c) => `- Completed: ${md(c.title)} (${md(c.id)}), ${c.finish}`), "");
  if (d.risksResolved.length) out.push(...d.risksResolved.map((r) => `- Resolved: ${md(r.title)}`), "");
  if (d.risksNew.length) out.push(...d.risksNew.map((r) => `- New: ${md(r.title)}`), "");
  if (d.newIncidents.length)
    out.push(
      ...table(
        ["incident", "priority", "what", "opened"],
        d.newIncidents.map((i) => [md(i.id), i.priority, md(i.title), i.opened]),
      ),
      "",
    );
  if (!d.risksCompared) out.push(`Risks are compared with the project as it stood on ${d.since}.`);
  return out[out.length - 1] === "" ? out.slice(0, -1) : out;
}

function statusWord(c: ChangeLine): string {
  if (c.status === "draft") return "awaiting approval (not planned yet)";
  if (c.status === "planned") return "awaiting approval";
  if (c.status === "approved") return "approved";
  return c.overdue ? "in progress, overdue" : "in progress";
}

function progress(c: ChangeLine): string {
  return c.total ? `${c.done} of ${count(c.total, "task")} done` : "to be planned";
}

function slaHead(internal: boolean): string[] {
  return internal
    ? ["priority", "incidents", "within target", "compliance", "goal", "result", "response median / p90 / max", "resolution median / p90 / max", "change"]
    : ["priority", "incidents", "within target", "compliance", "goal", "result", "change"];
}

function slaRow(key: string, g: GroupSummary, internal: boolean): string[] {
  const within = g.withResult ? `${Math.round(((g.compliancePct ?? 0) * g.withResult) / 100)} of ${g.withResult}` : "none finished yet";
  const compliance = g.compliancePct === null ? "not yet known" : pct(g.compliancePct);
  const goal = g.goalPct === null ? "not yet known" : pct(g.goalPct);
  const result = g.pass === null ? "not yet known" : g.pass ? "met" : "**missed**";
  const change = g.trendPts === null ? "no earlier data" : `${g.trendPts > 0 ? "+" : g.trendPts < 0 ? "−" : "±"}${Math.abs(g.trendPts).toFixed(1)} pts`;
  const cells = [key === "**all**" ? key : md(key), String(g.incidents), within, compliance, goal, result];
  if (internal) cells.push(statsText(g.responseTimes), statsText(g.resolutionTimes));
  return [...cells, change];
}

function statsText(s: GroupSummary["responseTimes"]): string {
  return s.count === 0 ? "none measured" : stats(s);
}

function breachParagraph(breach: Breach, line: ClientReport["breaches"][number], name: (id: string) => string, internal: boolean): string[] {
  const missed = [breachText("response", breach.response), breachText("resolution", breach.resolution)].filter((x): x is string => x !== null);
  const where = breach.components.length ? ` on ${md(andList(breach.components.map(name)))}` : "";
  const out = [`**${md(breach.id)} (${breach.priority}): ${md(breach.title)}**${where}, opened ${breach.opened.slice(0, 10)}.  `];
  out.push(`Missed: ${md(missed.join("; "))}.  `);
  if (line.cause) out.push(line.rootCause ? `Cause: ${md(line.rootCause.trim().replace(/\.$/, ""))} (${md(line.cause)}).  ` : `Cause: ${md(line.cause)}.  `);
  else out.push(`Cause: being analysed.  `);
  if (internal && line.department) out.push(`Department: ${md(line.department)}.  `);
  out.push(line.actions ? `What we changed so it does not recur: ${md(line.actions)}` : "What we change so it does not recur: the analysis is still open; we report the actions at the next meeting.");
  return out;
}

function recommendations(report: ClientReport, quote: (rule: Recommendation["rule"]) => string | undefined): string[] {
  const recs = report.recommendations;
  if (recs.length === 0 && Object.keys(report.componentNames).length === 0)
    return ["No recommendation yet: we are still describing your landscape, and recommendations follow from it and from the incidents."];
  if (recs.length === 0) return ["We have no recommendation to make at this point: nothing in the landscape or the incidents asks for a change."];
  const out: string[] = [];
  const high = recs.filter((r) => r.severity === "high");
  const medium = recs.filter((r) => r.severity === "medium");
  const text = report.internal ? markdownWithCode : md;
  // The same recommendation for several risks (two VMs, each alone) is made once, for all of them.
  for (const group of byRecommendation(high)) {
    const rule = quote(group[0]!.rule);
    out.push(`### ${md(capitalise(groupTitle(group)))}`, "", md(uniqueSentences(group.map((r) => r.argument))), "");
    if (rule) out.push(md(rule), "");
    out.push(`**We recommend:** ${text(group[0]!.recommendation)}`, "");
  }
  if (medium.length) {
    out.push(high.length ? "Also worth attention:" : "Worth attention:", "");
    for (const group of byRecommendation(medium.slice(0, MEDIUM_LISTED))) out.push(`- **${md(capitalise(groupTitle(group)))}.** ${text(group[0]!.recommendation)}`);
    out.push("");
  }
  const rest = recs.length - high.length - Math.min(medium.length, MEDIUM_LISTED);
  if (rest)
    out.push(
      report.internal
        ? `${capitalise(count(rest, "more risk"))} of lower weight ${plural(rest, "is", "are")} listed by \`tam arch risks\`.`
        : `${capitalise(count(rest, "smaller point"))} ${plural(rest, "is", "are")} on our list; we raise ${plural(rest, "it", "them")} when ${plural(rest, "it becomes", "they become")} relevant.`,
    );
  return out;
}

/** Recommendations with the same text, together, in the order of their first. */
function byRecommendation(recs: readonly Recommendation[]): Recommendation[][] {
  const groups = new Map<string, Recommendation[]>();
  for (const r of recs) groups.set(r.recommendation, [...(groups.get(r.recommendation) ?? []), r]);
  return [...groups.values()];
}

/** "A and B: each is a single point of failure" for titles that say the same of different things. */
function groupTitle(group: readonly Recommendation[]): string {
  const parts = group.map((r) => /^(.+?) (is .+)$/.exec(r.title));
  const predicate = parts[0]?.[2];
  if (group.length > 1 && predicate && parts.every((p) => p?.[2] === predicate)) return `${andList(parts.map((p) => p![1]!))}: each ${predicate}`;
  return andList(group.map((r) => r.title));
}

/** The arguments joined, each sentence said once ("If it fails, …" is true of both VMs). */
function uniqueSentences(texts: readonly string[]): string {
  const seen = new Set<string>();
  const kept: string[] = [];
  for (const sentence of texts.flatMap((t) => t.split(/(?<=[.!?])\s+(?=[A-Z"“])/))) {
    if (seen.has(sentence)) continue;
    seen.add(sentence);
    kept.push(sentence);
  }
  return kept.join(" ");
}

function internalSections(report: ClientReport): string[] {
  const part = report.internal!;
  const out: string[] = ["## Internal: not for the client", ""];

  const fit = part.tamFit;
  out.push("### Does the project warrant a TAM?", "");
  const reasons = [
    `${count(fit.departments.length, "engineering department")} involved${fit.departments.length > 4 ? " (more than four)" : ""}`,
    fit.applicationAdministration ? "application administration" : "no application administration",
  ];
  out.push(`${fit.warranted ? "Yes" : "No"}: ${reasons.join(", ")}. A TAM is assigned to projects involving more than four departments or high-level services such as application administration.`, "");

  if (report.register.adoptedByAuthor.length)
    out.push(
      "### Proposals adopted, per author",
      "",
      ...report.register.adoptedByAuthor.map((a) => `- ${md(a.author)}: ${count(a.recommendations.length, "proposal")} (${md(a.recommendations.join(", "))})`),
      "",
    );

  const open = [...report.changes.inProgress, ...report.changes.planned];
  out.push("### Internal dates and slips", "");
  if (!open.length) out.push("No open change.", "");
  else {
    out.push(
      ...table(
        ["change", "forecast", "baseline finish", "internal (×2)", "promised (×3)", "due", "slip"],
        open.map((c) => [
          md(c.id),
          c.start && c.finish ? dateSpan(c.start, c.finish) : "not scheduled",
          c.baseline ?? "not recorded",
          c.internal ?? "not scheduled",
          c.promised ?? (c.internal ? "none until planned" : "not scheduled"),
          c.due ?? "none",
          slipText(c),
        ]),
      ),
      "",
    );
  }

  if (part.acceptedRisks.length) {
    out.push("### Accepted risks", "", "Work that went past a failing readiness item (`tam change check`): who accepted it, and why.", "");
    for (const r of part.acceptedRisks)
      out.push(`- ${r.change}${r.task ? `/${r.task}` : ""}: ${r.items.map((i) => RISK_WORDS[i] ?? i).join("; ")}. Accepted${r.by ? ` by ${md(r.by)}` : ""} on ${r.at.slice(0, 10)}: ${md(r.reason)}`);
    out.push("");
  }
  out.push("### Next steps", "");
  if (!part.nextSteps.length) out.push("No open task is late, blocked, in progress or ready.", "");
  else
    out.push(
      ...table(
        ["change", "task", "department", "owner", "status", "planned", "note"],
        part.nextSteps.map((t) => [
          md(t.change),
          md(`${t.id} ${t.title}`),
          md(t.departmentName),
          md(t.owner ?? "no lead named"),
          t.late ? `${t.status}, late` : t.status,
          dateSpan(t.plannedStart, t.plannedFinish),
          md(t.note ?? ""),
        ]),
      ),
      "",
    );

  out.push("### Follow-up chores", "");
  if (!part.chores.length) out.push("Nothing waits to be recorded in the project files.", "");
  else out.push(...part.chores.map((c) => `- ${markdownWithCode(c.text)}`), "");

  const docs = part.docs;
  out.push("### Documentation", "");
  out.push(docs.docs.length ? `${docs.counts.fresh} of ${count(docs.docs.length, "document")} ${plural(docs.counts.fresh, "is", "are")} current.` : "No document is registered in docs.yaml.", "");
  const notFresh = docs.docs.filter((d) => d.state !== "fresh");
  if (notFresh.length)
    out.push(
      ...table(
        ["document", "state", "owner", "why"],
        notFresh.map((d) => [
          md(d.title),
          d.state,
          md(d.owner),
          md(
            d.reasons
              .filter((r) => r.severity !== "note")
              .map((r) => r.message)
              .join("; ") || d.state,
          ),
        ]),
      ),
      "",
    );
  if (docs.coverage.uncovered.length) out.push(`Components no document describes: ${andList(docs.coverage.uncovered.map((c) => `${md(c.id)} (${md(c.name)})`))}.`, "");

  out.push("### Data-quality warnings", "");
  if (!part.dataWarnings.length) out.push("None: the figures above rest on complete records.", "");
  else out.push(...part.dataWarnings.map((w) => `- ${markdownWithCode(capitalise(w.message))}`), "");
  return out;
}

const SLIP_WORDS: Record<Slip["against"], string> = { baseline: "the baseline", internal: "the internal date", promised: "the promise", due: "the due date" };

function slipText(c: ChangeLine): string {
  if (!c.finish) return "not scheduled";
  if (!c.slips.length) return "on track";
  return c.slips.map((s) => `${count(s.days, "day")} after ${SLIP_WORDS[s.against]}`).join("; ");
}
