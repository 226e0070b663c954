// Calendar dates and timestamps as written in project files. Pure string and
// integer arithmetic on the proleptic Gregorian calendar: no dependence on the
// machine's time zone.

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(Z|[+-]\d{2}:\d{2})?$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

/** Why a date string is not a real date, or null when it is one. */
export function dateProblem(text: string): string | null {
  const match = DATE.exec(text);
  if (!match) return `"${text}" is not a date of the form YYYY-MM-DD`;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  if (m < 1 || m > 12) return `"${text}" has no month ${m}`;
  if (d < 1 || d > daysInMonth(y, m)) return `"${text}" does not exist: month ${m} of ${y} has ${daysInMonth(y, m)} days`;
  return null;
}

type TimestampProblem = { code: "invalid-timestamp" | "timestamp-without-offset"; message: string };

/**
 * Reads a timestamp in one pass: its epoch milliseconds, or why it is not a valid ISO 8601
 * timestamp with an offset. (Reports read hundreds of thousands of them; no second parse.)
 */
function readTimestamp(text: string): number | TimestampProblem {
  const match = TIMESTAMP.exec(text);
  if (!match) return { code: "invalid-timestamp", message: `"${text}" is not an ISO 8601 timestamp (e.g. 2026-10-05T09:30:00+03:00)` };
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return { code: "invalid-timestamp", message: dateProblem(`${match[1]}-${match[2]}-${match[3]}`)! };
  }
  const hour = Number(match[4]);
  const minute = Number(match[5]);
  const second = Number(match[6] ?? 0);
  if (hour > 23 || minute > 59 || second > 59) return { code: "invalid-timestamp", message: `"${text}" has an impossible time of day` };
  const offset = match[8];
  if (!offset) return { code: "timestamp-without-offset", message: `"${text}" has no UTC offset: write it as ${text}+03:00 or ${text}Z so it means the same everywhere` };
  let offsetMinutes = 0;
  if (offset !== "Z") {
    const oh = Number(offset.slice(1, 3));
    const om = Number(offset.slice(4, 6));
    if (oh > 14 || om > 59) return { code: "invalid-timestamp", message: `"${text}" has an impossible UTC offset ${offset}` };
    offsetMinutes = (offset[0] === "-" ? -1 : 1) * (oh * 60 + om);
  }
  // Fractions of a second count to the millisecond, truncated, as Date.parse does.
  const millis = match[7] ? Number(match[7].slice(0, 3).padEnd(3, "0")) : 0;
  const utc = new Date(Date.UTC(2000, month - 1, day, hour, minute, second, millis));
  utc.setUTCFullYear(year); // Date.UTC would read years 0-99 as 1900-1999
  return utc.getTime() - offsetMinutes * 60_000;
}

/** Why a timestamp is not a valid ISO 8601 timestamp with an offset, or null. */
export function timestampProblem(text: string): TimestampProblem | null {
  const read = readTimestamp(text);
  return typeof read === "number" ? null : read;
}

/** Epoch milliseconds of a valid timestamp with offset; NaN otherwise. */
export function parseTimestamp(text: string): number {
  const read = readTimestamp(text);
  return typeof read === "number" ? read : Number.NaN;
}

/** Days since 1970-01-01 of a YYYY-MM-DD date (UTC arithmetic, zone-free). */
export function dayNumber(date: string): number {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return Math.floor(Date.UTC(y, m - 1, d) / 86_400_000);
}

export function dateFromDayNumber(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return dateFromDayNumber(dayNumber(date) + days);
}

/** 0 = Monday … 6 = Sunday. */
export function weekdayIndex(date: string): number {
  return (dayNumber(date) + 3) % 7; // 1970-01-01 was a Thursday
}

export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
