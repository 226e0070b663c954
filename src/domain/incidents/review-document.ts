// The markdown document of a post-incident review (reviews/<ID>.md): the timeline built from the
// incident's own times (opened, first response, pauses, resolved, closed) and its status history (a
// resolution that did not hold, the reopening), the cause, the contributing
// factors and the actions. Written by tam incident review and rewritten when an action changes.
import type { Incident, IncidentReview } from "../../model/files.js";
import { parseTimestamp } from "../dates.js";
import { formatZonedShort } from "../zoned-timestamp.js";

export interface TimelineEvent {
  at: number;
  /** The time as the project's zone shows it, "2026-08-11 14:02". */
  time: string;
  what: string;
}

/** The incident's events in time order (equal times in the order they happen: a pause ends before the resolution). */
export function reviewTimeline(incident: Incident, zone: string): TimelineEvent[] {
  const opened = parseTimestamp(incident.opened);
  const events: (Omit<TimelineEvent, "time"> & { rank: number })[] = [];
  const add = (stamp: string | undefined, what: string, rank: number) => {
    if (!stamp) return;
    const at = parseTimestamp(stamp);
    if (Number.isFinite(at)) events.push({ at, what, rank });
  };
  add(incident.opened, "opened", 0);
  const since = (stamp: string | undefined) => (stamp ? ` (${elapsed(parseTimestamp(stamp) - opened)} after opening)` : "");
  add(incident.responded, `first response${since(incident.responded)}`, 1);
  for (const pause of incident.pauses ?? []) {
    const why = `${pause.reason === "client" ? "waiting for the client" : pause.reason === "vendor" ? "waiting for the vendor" : "other"}${pause.note ? `: ${pause.note.trim()}` : ""}`;
    add(pause.from, `SLA clock paused, ${why}`, 2);
    add(pause.to, pause.to ? `SLA clock resumed (paused ${elapsed(parseTimestamp(pause.to) - parseTimestamp(pause.from))})` : "", 3);
  }
  add(incident.resolved, `resolved, service restored${since(incident.resolved)}`, 4);
  add(incident.closed, "closed", 5);
  // The status history: what the times above do not show (a resolution that did not hold, the reopening).
  const own = new Set((["opened", "responded", "resolved", "closed"] as const).map((key) => `${key === "opened" ? "open" : key}@${parseTimestamp(incident[key] ?? "")}`));
  const history = (Array.isArray(incident.history) ? incident.history : []).filter((e) => e && typeof e.at === "string");
  history.forEach((event, i) => {
    const at = parseTimestamp(event.at);
    if (own.has(`${event.status}@${at}`)) return;
    const note = event.note ? `: ${event.note.trim()}` : "";
    if (event.status === "reopened") {
      const before = history
        .slice(0, i)
        .reverse()
        .find((e) => e.status === "resolved" || e.status === "closed");
      add(event.at, `reopened${note}${before ? ` (${elapsed(at - parseTimestamp(before.at))} after it was ${before.status})` : ""}`, 6);
    } else {
      const undone = (event.status === "resolved" || event.status === "closed") && history.slice(i + 1).some((e) => e.status === "reopened");
      add(
        event.at,
        `${event.status}${event.status === "resolved" ? since(event.at) : ""}${undone ? ", did not hold" : ""}${note}`,
        event.status === "closed" ? 5 : event.status === "resolved" ? 4 : 1,
      );
    }
  });
  return events.sort((a, b) => a.at - b.at || a.rank - b.rank).map(({ at, what }) => ({ at, time: formatZonedShort(at, zone), what }));
}

/** "6h 13m", "2d 1h", "45m". */
export function elapsed(ms: number): string {
  const minutes = Math.max(0, Math.round(ms / 60_000));
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  const parts = [d ? `${d}d` : "", h ? `${h}h` : "", m || (!d && !h) ? `${m}m` : ""].filter(Boolean);
  return parts.join(" ");
}

/** Text safe in a markdown table cell or a line: no pipes, no line breaks, no markup. */
function md(text: string): string {
  return text
    .replace(/\s+/g, " ")
    .trim()
    .replace(/([\\`*_[\]<>|#])/g, "\\$1");
}

function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

export function reviewDocument(incident: Incident, review: IncidentReview, zone: string): string {
  const lines = [`# Post-incident review: ${md(incident.id)} ${md(incident.title)}`, ""];
  const facts = [
    `Priority ${incident.priority}`,
    incident.components?.length ? `components ${incident.components.map(md).join(", ")}` : "",
    incident.department ? `department ${md(incident.department)}` : "",
    `review held ${review.held}${review.by ? ` by ${md(review.by)}` : ""}`,
  ].filter(Boolean);
  lines.push(`${facts.join(" · ")}.`, "", "## Timeline", "", "| time | event |", "|---|---|");
  for (const event of reviewTimeline(incident, zone)) lines.push(`| ${event.time} | ${md(event.what)} |`);
  lines.push("", "## Cause", "");
  const category = incident.cause?.category;
  const root = incident.cause?.root_cause;
  if (category || root) lines.push(`Recorded on the incident${category ? ` (${category})` : ""}: ${root ? sentence(md(root)) : "no root cause written."}`, "");
  lines.push(review.cause ? `The review found: ${sentence(md(review.cause))}` : "The review did not name a cause.", "");
  lines.push("## Contributing factors", "");
  if (review.factors?.length) lines.push(...review.factors.map((f) => `- ${md(f)}`));
  else lines.push("None recorded.");
  lines.push("", "## Actions", "");
  const actions = review.actions ?? [];
  if (!actions.length) lines.push("No actions agreed.");
  else {
    lines.push("| id | action | owner | side | due | state |", "|---|---|---|---|---|---|");
    for (const a of actions) {
      const state = a.state === "done" ? `done${a.done ? ` ${a.done}` : ""}${a.note ? `: ${md(a.note)}` : ""}` : `open${a.note ? `: ${md(a.note)}` : ""}`;
      lines.push(`| ${md(a.id)} | ${md(a.text)} | ${md(a.owner)} | ${a.side} | ${a.due} | ${state} |`);
    }
  }
  lines.push("", `<!-- Written by tam incident review from ${md(incident.id)} in its incidents file; tam rewrites this file when the review or an action changes. -->`);
  return `${lines.join("\n")}\n`;
}
