// What the client has to decide at the meeting: changes awaiting their approval (with the date we
// can promise), incidents waiting for their input, and which recommendations to take on.
import type { Change, Incident } from "../../model/files.js";
import { count } from "../../util/plural.js";
import type { ChangeSchedule } from "./schedule.js";
import type { Decision, Recommendation } from "./types.js";
import { promiseNotKept } from "./promise-text.js";
import { compareText } from "../../model/text-order.js";

/** Changes the client still has to approve; standard changes are pre-approved. */
const AWAITING_APPROVAL = new Set(["draft", "planned"]);

export function clientDecisions(
  changes: readonly Change[],
  schedules: ReadonlyMap<string, ChangeSchedule>,
  incidents: readonly Incident[],
  recommendations: readonly Recommendation[],
  now: number,
  today?: string,
): Decision[] {
  const decisions: Decision[] = [];
  for (const change of [...changes].sort((a, b) => compareText(a.id, b.id))) {
    if (!AWAITING_APPROVAL.has(change.status) || change.type === "standard") continue;
    const timing = schedules.get(change.id);
    const parts = [`Approve "${change.title}" (${change.id})${change.type === "emergency" ? ", an emergency change" : ""}`];
    // No date is committed for a change that is not planned yet: a first estimate at most.
    if (timing?.proposed) parts.push(`we plan it with the departments and then give you a date to commit to; nothing is committed yet (a first estimate: around ${timing.promisedDate})`);
    else if (timing) parts.push(`work can start on ${timing.start} and we commit to completion by ${timing.promisedDate}`);
    let text = `${parts.join(": ")}.`;
    if (timing && change.due && timing.promisedDate > change.due) text += ` That is after the date you asked for (${change.due}): agree to the later date, or to a smaller first step that fits.`;
    decisions.push({ subject: change.id, text });
  }
  // A promise that does not hold is said as such, and the new date is the client's decision.
  for (const change of [...changes].sort((a, b) => compareText(a.id, b.id))) {
    if (AWAITING_APPROVAL.has(change.status) || change.status === "done" || change.status === "cancelled" || change.status === "rejected") continue;
    const timing = schedules.get(change.id);
    if (!timing || timing.proposed || !today) continue;
    const why = promiseNotKept(timing, today);
    if (why) decisions.push({ subject: change.id, text: `Agree a new date for "${change.title}" (${change.id}): ${why}.` });
  }
  for (const incident of incidents) {
    if (incident.status === "resolved" || incident.status === "closed") continue;
    const waiting = (incident.pauses ?? []).find((p) => p.reason === "client" && !p.to && Date.parse(p.from) <= now);
    if (!waiting) continue;
    decisions.push({ subject: incident.id, text: `"${incident.title}" (${incident.id}) is waiting for your input since ${waiting.from.slice(0, 10)}${waiting.note ? `: ${waiting.note}` : ""}.` });
  }
  const high = recommendations.filter((r) => r.severity === "high");
  if (high.length) decisions.push({ subject: "recommendations", text: `Which of the ${count(high.length, "main recommendation")} above to take on, so we can plan them as changes with dates.` });
  return decisions;
}
