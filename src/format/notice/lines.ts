// The client notice as sections of plain sentences, shared by the markdown and text formats:
// each format only decides how headings and list items look.
import type { ClientNotice, NoticeItem } from "../../domain/tracking/notice.js";

export interface NoticeSection {
  heading: string;
  items: string[];
}

function what(item: NoticeItem): string {
  // Component names the title already says are not repeated.
  const extra = item.components.filter((name) => !item.title.includes(name));
  const parts = extra.length ? ` (${extra.join(", ")})` : "";
  return `${item.title}${parts}, ${item.team}`;
}

/** An engineer's note as a sentence of the notice: trimmed, ending with a full stop ("firewall rule requested" would run into the next sentence). */
function sentence(note: string): string {
  const text = note.trim().replace(/\s+/g, " ");
  return /[.!?)"»]$/.test(text) ? text : `${text}.`;
}

export function noticeTitle(notice: ClientNotice): string {
  return `${notice.change.id} ${notice.change.title}: status update of ${notice.today}`;
}

export function noticeIntro(notice: ClientNotice): string[] {
  const lines = [`Status: ${notice.state}${notice.progress.total ? `, ${notice.progress.done} of ${notice.progress.total} steps done` : ""}.`];
  if (notice.components.length) lines.push(`Components: ${notice.components.join(", ")}.`);
  if (notice.promise && notice.change.status !== "done") {
    lines.push(
      notice.promise.kept
        ? `Expected completion: by ${notice.promise.date}, as promised.`
        : `Expected completion: ${notice.promise.forecast}, later than the ${notice.promise.date} we promised; see below what we are doing about it.`,
    );
  }
  const due = notice.change.due;
  if (due && notice.change.status !== "done") {
    const forecast = notice.promise?.forecast;
    lines.push(forecast && forecast > due ? `Your deadline: ${due}; at the current pace the work finishes on ${forecast}, after it.` : `Your deadline: ${due}.`);
  }
  if (notice.outcome) lines.push(`Outcome: ${notice.outcome.outcome}. ${notice.outcome.note.trim()}`);
  return lines;
}

export function noticeSections(notice: ClientNotice): NoticeSection[] {
  const sections: NoticeSection[] = [];
  const add = (heading: string, items: string[]) => {
    if (items.length) sections.push({ heading, items });
  };
  add("Late or blocked", [
    ...notice.blocked.map((i) => `Blocked${i.on ? ` since ${i.on}` : ""}: ${what(i)}.${i.note ? ` Why: ${sentence(i.note)}` : ""} What we do: ${i.action}.`),
    ...notice.late.map((i) => `Behind schedule: ${what(i)}${i.promised ? `, promised by ${i.promised}` : ""}.${i.note ? ` Last news: ${sentence(i.note)}` : ""} What we do: ${i.action}.`),
  ]);
  add(
    notice.since ? `Done since our last update (${notice.since})` : "Done so far",
    notice.done.map((i) => `${what(i)}${i.on ? `, ${i.on}` : ""}.`),
  );
  add(
    "In progress",
    notice.inProgress.map((i) => `${what(i)}${i.on ? `, since ${i.on}` : ""}${i.promised ? `; expected by ${i.promised}` : ""}.`),
  );
  add(
    "Next steps",
    notice.next.map((i) => `${what(i)}${i.promised ? `: by ${i.promised}` : ""}.`),
  );
  add("What we need from you", notice.clientActions);
  return sections;
}
