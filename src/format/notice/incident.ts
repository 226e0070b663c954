// tam incident notify: the client's update on an incident, as markdown (a ticket, a chat), text (an
// e-mail body) or JSON. Impact first, then what is being done, then when the next update comes.
import type { IncidentClientNotice } from "../../domain/incidents/notify.js";
import type { FormatName } from "../names.js";
import type { Formatter } from "../registry.js";
import { jsonText, markdownEscape, terminalSafe } from "../text.js";

function title(n: IncidentClientNotice): string {
  return `${n.incident} (${n.priority}) ${n.title}: ${n.status === "resolved" ? "resolved" : `update ${n.previous + 1}`}`;
}

function sections(n: IncidentClientNotice): { heading: string; text: string }[] {
  const out = [
    {
      heading: "Status",
      text:
        n.status === "resolved"
          ? `Resolved: service restored at ${n.restored ?? n.at}, ${n.lasting} after it started (${n.since}).`
          : `${n.status === "open" ? "Open" : "In progress"} since ${n.since} (${n.lasting}).`,
    },
    { heading: "Impact", text: n.impact },
    { heading: "What we are doing", text: n.doing },
  ];
  if (n.next) out.push({ heading: "Next update", text: `By ${n.next}, or sooner if anything changes.` });
  return out;
}

function signature(n: IncidentClientNotice): string | undefined {
  return n.tam ? `${n.tam}, Technical Account Manager${n.project ? `, ${n.project}` : ""}` : undefined;
}

function formatIncidentNoticeMarkdown(n: IncidentClientNotice): string {
  const lines = [`## ${markdownEscape(title(n))}`, "", `As of ${n.at}.`];
  for (const s of sections(n)) lines.push("", `**${s.heading}:** ${markdownEscape(s.text)}`);
  const sign = signature(n);
  if (sign) lines.push("", markdownEscape(sign));
  return `${lines.join("\n")}\n`;
}

function formatIncidentNoticeText(n: IncidentClientNotice): string {
  const head = title(n);
  const lines = [head, "=".repeat(head.length), "", `As of ${n.at}.`];
  for (const s of sections(n)) lines.push("", `${s.heading}: ${s.text}`);
  const sign = signature(n);
  if (sign) lines.push("", "Best regards,", sign);
  return `${lines.map(terminalSafe).join("\n")}\n`;
}

export const incidentNoticeFormatters: Record<FormatName<"notice">, Formatter<IncidentClientNotice>> = {
  markdown: formatIncidentNoticeMarkdown,
  text: formatIncidentNoticeText,
  json: (n) => {
    const { nextAt: _nextAt, ...rest } = n;
    return jsonText({ version: 1, ...rest });
  },
};
