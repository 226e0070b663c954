// tam task escalate / tam incident escalate: the message to the person of the level due, as markdown
// (a ticket, a chat), text (an e-mail body) or JSON. What is stuck and since when first, then what it
// waits for, who was told before, what is asked, and when the next level follows.
import type { EscalationDraft } from "../../domain/tracking/escalation.js";
import type { FormatName } from "../names.js";
import type { Formatter } from "../registry.js";
import { jsonText, markdownEscape, terminalSafe } from "../text.js";

const trimEnd = (text: string) => text.trim().replace(/[.!]+$/, "");

function title(d: EscalationDraft): string {
  return d.kind === "blocked-task" ? `Escalation (level ${d.level.level}): ${d.subject} blocked for ${d.age}` : `Escalation (level ${d.level.level}): ${d.subject} (${d.priority}) open for ${d.age}`;
}

function recipient(d: EscalationDraft): string {
  const reach = [d.level.email, d.level.phone].filter(Boolean).join(", ");
  return `${d.level.to} (${d.level.via})${reach ? `, ${reach}` : ""}`;
}

function sections(d: EscalationDraft): { heading: string; text: string }[] {
  const where = `${d.client ? ` for ${d.client}` : ""}${d.project ? ` (${d.project})` : ""}`;
  const what =
    d.kind === "blocked-task"
      ? `${d.subject} "${d.title}" of ${d.departmentName}${d.change ? `, part of ${d.change.id} "${d.change.title}"` : ""}${where}, is blocked since ${d.since}: ${d.age} of the department's working time.`
      : `${d.subject} (${d.priority}) "${d.title}", with ${d.departmentName}${where}, is open since ${d.since}: ${d.age} of the department's working time.`;
  const out = [
    { heading: "What", text: what },
    { heading: "Due", text: `The escalation matrix of ${d.departmentName} names you (level ${d.level.level}) from ${d.level.due}.` },
  ];
  if (d.note) out.push({ heading: "Waits for", text: `${trimEnd(d.note)}.` });
  if (d.before) out.push({ heading: "Escalated before", text: `To ${d.before.to} (level ${d.before.level}) at ${d.before.at}.` });
  out.push({
    heading: "Asked",
    text:
      d.kind === "blocked-task"
        ? "Please help unblock it, or tell us by when it will be unblocked, so that we can tell the client."
        : "Please help restore the service, or tell us what is needed and by when, so that we can tell the client.",
  });
  if (d.next)
    out.push({ heading: "Next level", text: `If nothing moves, ${d.level.to === d.next.to ? "the next level" : d.next.to} (level ${d.next.level}, ${d.next.via}) follows at ${d.next.due}.` });
  return out;
}

function formatEscalationMarkdown(d: EscalationDraft): string {
  const lines = [`## ${markdownEscape(title(d))}`, "", `**To:** ${markdownEscape(recipient(d))}`, "", `As of ${d.at}.`];
  for (const s of sections(d)) lines.push("", `**${s.heading}:** ${markdownEscape(s.text)}`);
  if (d.by) lines.push("", markdownEscape(d.by));
  return `${lines.join("\n")}\n`;
}

function formatEscalationText(d: EscalationDraft): string {
  const head = title(d);
  const lines = [head, "=".repeat(head.length), "", `To: ${recipient(d)}`, "", `As of ${d.at}.`];
  for (const s of sections(d)) lines.push("", `${s.heading}: ${s.text}`);
  if (d.by) lines.push("", "Best regards,", d.by);
  return `${lines.map(terminalSafe).join("\n")}\n`;
}

export const escalationFormatters: Record<FormatName<"notice">, Formatter<EscalationDraft>> = {
  markdown: formatEscalationMarkdown,
  text: formatEscalationText,
  json: (d) => jsonText({ version: 1, ...d }),
};
