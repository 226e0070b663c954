// The client notice as sections of plain sentences, shared by the markdown and text formats:
// each format only decides how headings and list items look.
import type { ClientNotice, NoticeItem } from "../../domain/tracking/notice.js";
import { RISK_WORDS } from "../../domain/tracking/readiness.js";

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
    const p = notice.promise;
    // Never a date we know does not hold: a blocked step keeps the date open; a past or missed promise is said as such.
    lines.push(
      p.open
        ? `Expected completion: open. A step is blocked with no date yet (see below what it waits for), so we will not make ${p.date} as things stand; new date to agree.`
        : p.passed
          ? `Expected completion: we did not make ${p.date}, the date we promised; at the current pace the work finishes on ${p.forecast}; new date to agree.`
          : p.kept
            ? `Expected completion: by ${p.date}, as promised.`
            : `Expected completion: we will not make ${p.date}, the date we promised: at the current pace the work finishes on ${p.forecast}; new date to agree (see below what we are doing about it).`,
    );
  }
  if (notice.moved && notice.change.status !== "done")
    lines.push(`The promised date moved${notice.moved.from ? ` from ${notice.moved.from}` : ""} to ${notice.moved.to}: ${notice.moved.reason.replace(/[.\s]+$/, "")}.`);
  const due = notice.change.due;
  if (due && notice.change.status !== "done") {
    const forecast = notice.promise?.forecast;
    lines.push(
      forecast && forecast > due
        ? `Your deadline: ${due}; we will not make it: at the current pace the work finishes on ${forecast}.`
        : notice.promise?.open
          ? `Your deadline: ${due}; open while the blocked step waits.`
          : due < notice.today
            ? `Your deadline: ${due}, passed.`
            : `Your deadline: ${due}.`,
    );
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
    ...notice.blocked.map((i) => `Blocked${i.on ? ` since ${i.on}` : ""}: ${what(i)}.${i.note ? ` Why: ${sentence(i.note)}` : ""}${i.until ? "" : " Date: open."} What we do: ${i.action}.`),
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
  add(
    "Risks accepted",
    notice.acceptedRisks.map((r) => `${r.items.map((i) => RISK_WORDS[i] ?? i).join("; ")}: accepted${r.by ? ` by ${r.by}` : ""} on ${r.at.slice(0, 10)}, because ${r.reason.replace(/[.\s]+$/, "")}.`),
  );
  add("What we need from you", notice.clientActions);
  return sections;
}
