// A generator of ServiceNow incident event logs that look like the real thing (the shape of the public
// "incident management process enriched event log"): one row per update, sorted by number and
// sys_mod_count as the list export writes them; reassignments, waiting states, re-stamped Resolved rows,
// reopenings, equal sequence numbers stamped out of time order, a row stamped before opened_at, an
// incident without opened_at, an unknown priority; `?` for empty; dd-mm-yyyy HH:MM in Europe/Berlin
// (the DST change of 2026-10-25 inside the range); no title column.
// Deterministic for a seed. `exportAt` cuts the log as an export taken at that time would.

// @ts-expect-error plain JavaScript module without types
import { prng } from "../../scripts/fuzz/mutations.mjs";

const HEADER = [
  "number",
  "incident_state",
  "active",
  "reassignment_count",
  "reopen_count",
  "sys_mod_count",
  "made_sla",
  "caller_id",
  "opened_by",
  "opened_at",
  "sys_created_on",
  "sys_updated_by",
  "sys_updated_on",
  "contact_type",
  "location",
  "category",
  "subcategory",
  "u_symptom",
  "cmdb_ci",
  "impact",
  "urgency",
  "priority",
  "assignment_group",
  "assigned_to",
  "closed_code",
  "resolved_by",
  "resolved_at",
  "closed_at",
];
const ZONE = "Europe/Berlin";

export interface LogRow {
  number: string;
  seq: number;
  state: string;
  /** When the row was stamped (sys_updated_on), epoch ms. */
  at: number;
  /** opened_at, epoch ms; null writes "?". */
  opened: number | null;
  priority: string;
  group: string;
  category: string;
  reassignments: number;
  reopens: number;
  resolvedAt?: number;
  closedAt?: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** The fuzzer's seeded mulberry32, as a plain function. */
const mulberry32 = (seed: number): (() => number) => (prng(seed) as { next: () => number }).next;

const berlinParts = new Intl.DateTimeFormat("en-GB", { timeZone: ZONE, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });

/** dd-mm-yyyy HH:MM in Europe/Berlin. */
function berlinText(epoch: number): string {
  const p = Object.fromEntries(berlinParts.formatToParts(new Date(epoch)).map((x) => [x.type, x.value]));
  return `${p.day}-${p.month}-${p.year} ${p.hour}:${p.minute}`;
}

/** Epoch of a Berlin wall time "dd-mm-yyyy HH:MM" (for the scripted incidents; CET/CEST by date). */
export function berlin(text: string): number {
  const [d, m, y, hh, mm] = text.split(/[- :]/).map(Number) as [number, number, number, number, number];
  const guess = Date.UTC(y, m - 1, d, hh, mm);
  for (const offset of [1, 2]) {
    const epoch = guess - offset * HOUR;
    if (berlinText(epoch) === text) return epoch;
  }
  throw new Error(`no such Berlin time ${text}`);
}

/** The scripted incidents whose SLA figures are checked by hand in the tests. */
function scriptedIncidents(): LogRow[] {
  const rows: LogRow[] = [];
  const add = (number: string, priority: string, opened: string | null, events: [number, string, string, string?][]) => {
    let reassignments = 0;
    let lastGroup = "";
    let resolvedAt: number | undefined;
    let closedAt: number | undefined;
    let reopens = 0;
    for (const [seq, state, at, group = "Group 24"] of events) {
      if (lastGroup && group !== lastGroup) reassignments++;
      lastGroup = group;
      const epoch = berlin(at);
      if (state === "Resolved" && resolvedAt === undefined) resolvedAt = epoch;
      if (state === "Active" && resolvedAt !== undefined) {
        reopens++;
        resolvedAt = undefined;
      }
      if (state === "Closed") closedAt = epoch;
      rows.push({ number, seq, state, at: epoch, opened: opened === null ? null : berlin(opened), priority, group, category: "Category 26", reassignments, reopens, resolvedAt, closedAt });
    }
  };
  // A: P1, a client pause, a re-stamped Resolved row.
  add("INC0090001", "1 - Critical", "02-11-2026 10:00", [
    [0, "New", "02-11-2026 10:00", "Service Desk"],
    [1, "Active", "02-11-2026 10:12", "Service Desk"],
    [2, "Active", "02-11-2026 10:30", "Group 24"],
    [3, "Awaiting User Info", "02-11-2026 11:00"],
    [4, "Active", "02-11-2026 12:00"],
    [5, "Resolved", "02-11-2026 14:30"],
    [6, "Resolved", "02-11-2026 16:45"],
    [7, "Closed", "05-11-2026 15:00"],
  ]);
  // B: P2, two rows with sys_mod_count 2, the work note stamped after the resolution that follows it.
  add("INC0090002", "2 - High", "03-11-2026 09:00", [
    [0, "New", "03-11-2026 09:00"],
    [1, "Active", "03-11-2026 09:20"],
    [2, "Active", "03-11-2026 13:07"],
    [2, "Resolved", "03-11-2026 13:05"],
    [3, "Closed", "06-11-2026 10:00"],
  ]);
  // C: P3, the New row stamped 2 minutes before opened_at; a vendor pause overnight.
  add("INC0090003", "3 - Moderate", "09-11-2026 10:00", [
    [0, "New", "09-11-2026 09:58"],
    [1, "Active", "09-11-2026 11:30"],
    [2, "Awaiting Vendor", "09-11-2026 14:00"],
    [3, "Active", "10-11-2026 10:00"],
    [4, "Resolved", "10-11-2026 15:00"],
  ]);
  // D: P2, resolved, reopened by the caller, resolved again.
  add("INC0090004", "2 - High", "12-11-2026 08:00", [
    [0, "New", "12-11-2026 08:00"],
    [1, "Active", "12-11-2026 08:45"],
    [2, "Resolved", "12-11-2026 10:00"],
    [3, "Active", "12-11-2026 15:00"],
    [4, "Resolved", "12-11-2026 18:30"],
    [5, "Closed", "16-11-2026 09:00"],
  ]);
  // E: P4 without opened_at, across the end of summer time (Sunday 2026-10-25).
  add("INC0090005", "4 - Low", null, [
    [0, "New", "23-10-2026 16:00"],
    [1, "Active", "26-10-2026 09:30"],
    [2, "Resolved", "27-10-2026 10:00"],
    [3, "Closed", "30-10-2026 10:00"],
  ]);
  // F: a priority the desk invented.
  add("INC0090006", "5 - Planning", "04-11-2026 12:00", [
    [0, "New", "04-11-2026 12:00"],
    [1, "Active", "05-11-2026 09:10"],
  ]);
  // G: P3 waiting for the caller when the first export is taken; resolved in the second.
  add("INC0090007", "3 - Moderate", "13-11-2026 09:00", [
    [0, "New", "13-11-2026 09:00"],
    [1, "Active", "13-11-2026 09:40"],
    [2, "Awaiting User Info", "13-11-2026 10:00"],
    [3, "Active", "17-11-2026 09:00"],
    [4, "Resolved", "17-11-2026 12:00"],
    [5, "Closed", "20-11-2026 12:00"],
  ]);
  return rows;
}

const PRIORITIES = ["1 - Critical", "2 - High", "3 - Moderate", "3 - Moderate", "4 - Low", "4 - Low", "4 - Low"];
const RESPONSE_MIN: Record<string, [number, number]> = { "1 - Critical": [3, 25], "2 - High": [5, 50], "3 - Moderate": [20, 240], "4 - Low": [30, 720] };
const WORK_MIN: Record<string, [number, number]> = { "1 - Critical": [30, 300], "2 - High": [60, 600], "3 - Moderate": [60, 30 * 60], "4 - Low": [120, 60 * 60] };

/** A few hundred random incidents (and the scripted ones) opened between 2026-10-19 and 2026-11-25, Berlin. */
export function generateLog(seed = 16, count = 300): LogRow[] {
  const random = mulberry32(seed);
  const between = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const start = berlin("19-10-2026 00:00");
  const end = berlin("25-11-2026 00:00");
  const rows: LogRow[] = [];
  for (let n = 0; n < count; n++) {
    const number = `INC00${String(10001 + n)}`;
    // Most incidents come in during office hours (Mon-Fri 08:00-19:00 Berlin), the rest at any time.
    let opened = start + Math.floor((random() * (end - start)) / MINUTE) * MINUTE;
    if (random() < 0.75) {
      const day = Math.floor((opened - start) / (24 * HOUR));
      const weekday = (new Date(start + day * 24 * HOUR + 12 * HOUR).getUTCDay() + 6) % 7; // Monday 0
      const workday = weekday < 5 ? day : day + (7 - weekday);
      const text = berlinText(start + workday * 24 * HOUR + 12 * HOUR).slice(0, 10);
      opened = berlin(`${text} ${String(between(8, 18)).padStart(2, "0")}:${String(between(0, 59)).padStart(2, "0")}`);
    }
    const priority = pick(PRIORITIES);
    const category = `Category ${between(2, 60)}`;
    let group = pick(["Service Desk", "Service Desk", "Group 24", "Group 70"]);
    let seq = 0;
    let at = opened;
    let reassignments = 0;
    let reopens = 0;
    let resolvedAt: number | undefined;
    let closedAt: number | undefined;
    const row = (state: string, stamped = at, sameSeq = false) => {
      if (!sameSeq && rows.length && rows[rows.length - 1]!.number === number) seq++;
      rows.push({ number, seq, state, at: stamped, opened, priority, group, category, reassignments, reopens, resolvedAt, closedAt });
    };
    row("New");
    const [lo, hi] = RESPONSE_MIN[priority]!;
    at += between(lo, hi) * MINUTE;
    row("Active");
    let rounds = random() < 0.08 ? 2 : 1; // a reopening: two rounds of work
    while (rounds-- > 0) {
      if (random() < 0.4) {
        at += between(10, 180) * MINUTE;
        group = pick(["Group 24", "Group 70", "Group 31", "Group 56"]);
        reassignments++;
        row("Active");
      }
      if (random() < 0.35) {
        at += between(10, 240) * MINUTE;
        row(pick(["Awaiting User Info", "Awaiting User Info", "Awaiting Vendor", "Awaiting Evidence"]));
        at += between(30, priority < "3" ? 120 : 26 * 60) * MINUTE;
        row("Active");
      }
      at += between(...WORK_MIN[priority]!) * MINUTE;
      if (random() < 0.05) {
        // The resolving update writes two rows with one sys_mod_count; the work note is stamped a little later.
        row("Active", at + between(1, 3) * MINUTE);
        resolvedAt = at;
        row("Resolved", at, true);
      } else {
        resolvedAt = at;
        row("Resolved");
      }
      if (random() < 0.2) {
        at += between(30, 300) * MINUTE;
        row("Resolved"); // re-stamped by a later update (a note, a field change): not a new resolution
      }
      if (rounds > 0) {
        at += between(60, 24 * 60) * MINUTE;
        reopens++;
        resolvedAt = undefined;
        row("Active");
      }
    }
    at += 3 * 24 * 60 * MINUTE; // auto-close after three days
    closedAt = at;
    row("Closed");
  }
  return [...rows, ...scriptedIncidents()];
}

/** The CSV of an export taken at `exportAt`: the incidents opened by then with their rows stamped by then, by number and sys_mod_count. */
export function exportCsv(rows: LogRow[], exportAt: number): string {
  const kept = rows
    .map((row, index) => ({ row, index }))
    .filter(({ row }) => row.at <= exportAt && (row.opened ?? row.at) <= exportAt)
    .sort((a, b) => (a.row.number < b.row.number ? -1 : a.row.number > b.row.number ? 1 : a.row.seq - b.row.seq || a.index - b.index));
  const text = (epoch: number | undefined | null) => (epoch === undefined || epoch === null ? "?" : berlinText(epoch));
  const lines = kept.map(({ row }, i) => {
    const done = row.state === "Resolved" || row.state === "Closed";
    const cells = [
      row.number,
      row.state,
      String(row.state !== "Closed"),
      String(row.reassignments),
      String(row.reopens),
      String(row.seq),
      "true",
      `Caller ${1000 + (i % 997)}`,
      "Opened by 17",
      text(row.opened),
      text(row.opened),
      `Updated by ${(i * 7) % 50}`,
      text(row.at),
      "Phone",
      `Location ${(i * 13) % 200}`,
      row.category,
      `Subcategory ${(i * 3) % 90}`,
      i % 5 === 0 ? "?" : `Symptom ${(i * 11) % 500}`,
      "?",
      "2 - Medium",
      "2 - Medium",
      row.priority,
      row.group,
      row.group === "Service Desk" ? "?" : `Resolver ${(i * 5) % 80}`,
      done ? "code 7" : "?",
      done ? "Resolved by 12" : "?",
      text(done ? row.resolvedAt : undefined),
      text(row.closedAt),
    ];
    return cells.join(",");
  });
  // An export from the desk's Windows users: CRLF.
  return `${[HEADER.join(","), ...lines].join("\r\n")}\r\n`;
}
