// tam meeting: the minutes with each action item's state as of a day (table or JSON), and the
// one-line report of each write.
import type { MeetingListResult, MeetingSummary, MeetingWriteResult } from "../../app/meeting.js";
import type { ActionLine } from "../../domain/meetings/minutes.js";
import { count } from "../../util/plural.js";
import type { FormatName } from "../names.js";
import type { Formatter } from "../registry.js";
import { fittedTable } from "../table-width.js";
import { inlineSafe, jsonText, terminalSafe } from "../text.js";

const days = (n: number) => count(n, "day");

/** "kept (done 2026-11-05)", "overdue: due 2026-11-13, 7 days late", … */
function actionStateText(a: ActionLine): string {
  if (a.state === "kept") return `kept (done ${a.done})`;
  if (a.state === "late") return `late (done ${a.done}, ${days(a.daysLate)} after ${a.due})`;
  if (a.state === "overdue") return `overdue: due ${a.due}, ${days(a.daysLate)} late`;
  return `open, due ${a.due}`;
}

/** One meeting in the JSON outputs (version 1, documented in docs/commands/meeting.md). */
function meetingJson(m: MeetingSummary) {
  return { ...m, actions: m.actions.map((a) => ({ ...a })) };
}

export const meetingFormatters: Record<FormatName<"meeting">, Formatter<MeetingListResult>> = {
  table: (result, options) => {
    if (!result.meetings.length) return `No meetings on record as of ${result.asOf} (record one with \`tam meeting new\`).\n`;
    const out: string[] = [];
    for (const m of result.meetings) {
      out.push(terminalSafe(`${m.id} ${m.date}${m.title ? ` ${m.title}` : ""}`));
      const who = [...m.attendees.client.map((n) => `${n} (client)`), ...m.attendees.provider];
      if (who.length) out.push(`  attendees: ${terminalSafe(who.join(", "))}`);
      if (m.recommendations.length) out.push(`  recommendations presented: ${terminalSafe(m.recommendations.join(", "))}`);
      for (const d of m.decisions) out.push(`  decided: ${terminalSafe(d)}`);
      if (m.actions.length) {
        const rows = m.actions.map((a) => [a.id, terminalSafe(a.text), terminalSafe(`${a.owner} (${a.side})`), actionStateText(a)]);
        out.push(fittedTable(["action", "what", "owner", "state"], rows, Math.max(options.width ?? 120, 80)));
      }
      out.push("");
    }
    return `${out.join("\n")}as of ${result.asOf}\n`;
  },
  json: (result) => jsonText({ version: 1, asOf: result.asOf, meetings: result.meetings.map(meetingJson) }),
};

/** " (commit abc1234)", or what happened instead. */
function committedNote(result: MeetingWriteResult): string {
  if (result.written.length === 0) return " (nothing to change; no commit)";
  if (result.commit) return ` (commit ${result.commit})`;
  if (result.nothingToCommit) return " (nothing to commit: the committed files already say this)";
  return " (not committed)";
}

function sentence(result: MeetingWriteResult): string {
  const m = result.meeting;
  const item = result.item;
  if (result.action === "new") {
    const parts = [
      count(m.attendees.client.length + m.attendees.provider.length, "attendee"),
      m.agenda.length ? count(m.agenda.length, "agenda point") : "",
      m.decisions.length ? count(m.decisions.length, "decision") : "",
      result.presented.length ? `${result.presented.join(", ")} recorded as presented` : "",
    ].filter(Boolean);
    return `Recorded meeting ${m.id} (${m.date}) in ${result.files.join(" and ")}: ${parts.join(", ")}`;
  }
  if (result.action === "action-add") return `Added ${item!.ref} for ${item!.owner} (${item!.side} side), due ${item!.due}: ${item!.text}`;
  if (result.action === "action-done") return `Recorded ${item!.ref} as done on ${item!.done}: ${item!.state === "late" ? `late, ${days(item!.daysLate)} after ${item!.due}` : "kept"}`;
  return `Reopened ${item!.ref}: ${actionStateText(item!)}`;
}

export const meetingWriteFormatters: Record<FormatName<"meetingWrite">, Formatter<MeetingWriteResult>> = {
  text: (result) => inlineSafe(`${sentence(result)}${committedNote(result)}.`),
  json: (result) =>
    jsonText({
      version: 1,
      action: result.action,
      files: result.files,
      written: result.written,
      commit: result.commit ?? null,
      meeting: meetingJson(result.meeting),
      item: result.item,
      presented: result.presented,
    }),
};
