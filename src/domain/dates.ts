// Calendar dates and timestamps as written in project files: the one date module every parser and
// every date computation goes through. Pure string and integer arithmetic on the proleptic
// Gregorian calendar: no dependence on the machine's time zone, and no Date.UTC (which reads
// years 0-99 as 1900-1999).
//
// The supported range is the years 1000 to 9999 (SUPPORTED_DATES): a date or timestamp outside it
// is a finding at its file:line, an argument outside it a usage error. Arithmetic never leaves the
// range: a computed date past its end is its last day, 9999-12-31 (before its start, 1000-01-01).

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(Z|[+-]\d{2}:\d{2})?$/;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return MONTH_DAYS[month - 1] ?? 0;
}

export const MIN_YEAR = 1000;
export const MAX_YEAR = 9999;
export const MIN_DATE = "1000-01-01";
export const MAX_DATE = "9999-12-31";
/** How the range is named in messages and docs. */
const SUPPORTED_DATES = `${MIN_DATE} to ${MAX_DATE}`;

function outOfRange(text: string): string {
  return `"${text}" is outside the supported range of dates, ${SUPPORTED_DATES}`;
}

/** Why a date string is not a real date in the supported range, or null when it is one. */
export function dateProblem(text: string): string | null {
  const match = DATE.exec(text);
  if (!match) return `"${text}" is not a date of the form YYYY-MM-DD`;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  if (y < MIN_YEAR || y > MAX_YEAR) return outOfRange(text);
  if (m < 1 || m > 12) return `"${text}" has no month ${m}`;
  if (d < 1 || d > daysInMonth(y, m)) return `"${text}" does not exist: month ${m} of ${y} has ${daysInMonth(y, m)} days`;
  return null;
}

/** A date as the schema writes it and the calendar has it (2026-11-31 is not one). */
export const isDate = (value: unknown): value is string => typeof value === "string" && dateProblem(value) === null;

export type TimestampProblem = { code: "invalid-timestamp" | "timestamp-without-offset"; message: string };

/**
 * Reads a timestamp in one pass: its epoch milliseconds, or why it is not a valid ISO 8601
 * timestamp with an offset. (Reports read hundreds of thousands of them; no second parse.)
 */
export function readTimestamp(text: string): number | TimestampProblem {
  return readCommonTimestamp(text) ?? readTimestampByPattern(text);
}

/** The regular-expression reading: every timestamp readCommonTimestamp declines (the tests pin that fast reading to this one). */
export function readTimestampByPattern(text: string): number | TimestampProblem {
  const match = TIMESTAMP.exec(text);
  if (!match) return { code: "invalid-timestamp", message: `"${text}" is not an ISO 8601 timestamp (e.g. 2026-10-05T09:30:00+03:00)` };
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < MIN_YEAR || year > MAX_YEAR) return { code: "invalid-timestamp", message: outOfRange(text) };
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
  return civilToDays(year, month, day) * DAY_MS + ((hour * 60 + minute) * 60 + second) * 1000 + millis - offsetMinutes * 60_000;
}

/** The value of ASCII digits at text[at], text[at + 1], or -1 when either is not a digit. */
function twoDigits(text: string, at: number): number {
  const a = text.charCodeAt(at) - 48;
  const b = text.charCodeAt(at + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/**
 * The epoch milliseconds of a valid timestamp in the forms projects write (YYYY-MM-DDTHH:MM,
 * optional :SS, then Z or ±HH:MM), read with character codes; undefined for anything else (other
 * forms, fractions, invalid values), which the regular expression then reads and explains.
 * Incident logs hold four per incident, so this path is the one that counts for `sla report`.
 */
function readCommonTimestamp(text: string): number | undefined {
  const length = text.length;
  const withSeconds = length === 20 || length === 25;
  if (!withSeconds && length !== 17 && length !== 22) return undefined;
  if (text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45 || text.charCodeAt(10) !== 84 || text.charCodeAt(13) !== 58) return undefined;
  const century = twoDigits(text, 0);
  const yy = twoDigits(text, 2);
  const month = twoDigits(text, 5);
  const day = twoDigits(text, 8);
  const hour = twoDigits(text, 11);
  const minute = twoDigits(text, 14);
  if (century < 0 || yy < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59) return undefined;
  const year = century * 100 + yy;
  if (year < MIN_YEAR || day > daysInMonth(year, month)) return undefined;
  let at = 16;
  let second = 0;
  if (withSeconds) {
    if (text.charCodeAt(16) !== 58) return undefined;
    second = twoDigits(text, 17);
    if (second < 0 || second > 59) return undefined;
    at = 19;
  }
  let offsetMinutes = 0;
  const sign = text.charCodeAt(at);
  if (sign === 90 /* Z */) {
    if (at + 1 !== length) return undefined;
  } else {
    if ((sign !== 43 && sign !== 45) || at + 6 !== length || text.charCodeAt(at + 3) !== 58) return undefined;
    const oh = twoDigits(text, at + 1);
    const om = twoDigits(text, at + 4);
    if (oh < 0 || oh > 14 || om < 0 || om > 59) return undefined;
    offsetMinutes = (sign === 45 ? -1 : 1) * (oh * 60 + om);
  }
  return civilToDays(year, month, day) * DAY_MS + ((hour * 60 + minute) * 60 + second) * 1000 - offsetMinutes * 60_000;
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

export const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a proleptic Gregorian date, any year (H. Hinnant's days_from_civil). */
export function civilToDays(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** The date of a day number (inverse of civilToDays). */
function daysToCivil(days: number): [number, number, number] {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp + (mp < 10 ? 3 : -9);
  return [yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day];
}

/** Day numbers of the first and last supported dates. */
const MIN_DAY = civilToDays(MIN_YEAR, 1, 1);
const MAX_DAY = civilToDays(MAX_YEAR, 12, 31);
/** Epoch milliseconds of the supported range: 1000-01-01T00:00Z to the end of 9999-12-31 (UTC). */
export const MIN_EPOCH = MIN_DAY * DAY_MS;
const MAX_EPOCH = (MAX_DAY + 1) * DAY_MS - 1;

/** Days since 1970-01-01 of a YYYY-MM-DD date (zone-free). */
export function dayNumber(date: string): number {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return civilToDays(y, m, d);
}

/** The date of a day number, kept inside the supported range (see the top of this file). */
export function dateFromDayNumber(day: number): string {
  const clamped = Number.isFinite(day) ? Math.min(Math.max(Math.trunc(day), MIN_DAY), MAX_DAY) : day > 0 ? MAX_DAY : MIN_DAY;
  const [y, m, d] = daysToCivil(clamped);
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

export function addDays(date: string, days: number): string {
  return dateFromDayNumber(dayNumber(date) + days);
}

/** An epoch kept inside the supported range, for instants computed from others (a deadline, a due time). */
export function clampEpoch(epoch: number): number {
  return Number.isNaN(epoch) ? epoch : Math.min(Math.max(epoch, MIN_EPOCH), MAX_EPOCH);
}

/** 0 = Monday … 6 = Sunday. */
export function weekdayIndex(date: string): number {
  return (((dayNumber(date) + 3) % 7) + 7) % 7; // 1970-01-01 was a Thursday; days before it are negative
}
