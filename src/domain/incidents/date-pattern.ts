// Dates in service-desk exports, read by a pattern such as "DD-MM-YYYY HH:mm" (dayjs-style tokens:
// YYYY YY MMM MM M DD D HH H hh h mm ss A, Z for +03:00, ZZ for +0300; MMM is an English month
// abbreviation as Jira writes it, A is AM/PM with hh/h). Without a pattern, ISO 8601.
// The result is the wall-clock time and, when the text has one, its offset.
import { dateProblem } from "../dates.js";

export interface WallTime {
  date: string;
  minutes: number;
  seconds: number;
  /** Offset in minutes east of UTC, when the text carries one. */
  offsetMinutes?: number;
}

const TOKENS: [string, string][] = [
  ["YYYY", "(\\d{4})"],
  ["YY", "(\\d{2})"],
  ["MMM", "([A-Za-z]{3})"],
  ["MM", "(\\d{2})"],
  ["M", "(\\d{1,2})"],
  ["DD", "(\\d{2})"],
  ["D", "(\\d{1,2})"],
  ["HH", "(\\d{2})"],
  ["H", "(\\d{1,2})"],
  ["hh", "(\\d{2})"],
  ["h", "(\\d{1,2})"],
  ["A", "([AaPp][Mm])"],
  ["mm", "(\\d{2})"],
  ["ss", "(\\d{2})"],
  ["ZZ", "([+-]\\d{4}|Z)"],
  ["Z", "([+-]\\d{2}:\\d{2}|Z)"],
];

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

const compiled = new Map<string, { regex: RegExp; fields: string[] }>();

function compile(pattern: string): { regex: RegExp; fields: string[] } {
  let hit = compiled.get(pattern);
  if (hit) return hit;
  let source = "";
  const fields: string[] = [];
  for (let i = 0; i < pattern.length; ) {
    const token = TOKENS.find(([t]) => pattern.startsWith(t, i));
    if (token) {
      source += token[1];
      fields.push(token[0]);
      i += token[0].length;
    } else {
      source += pattern[i]!.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      i++;
    }
  }
  hit = { regex: new RegExp(`^${source}$`), fields };
  compiled.set(pattern, hit);
  return hit;
}

function offsetOf(text: string): number {
  if (text === "Z") return 0;
  const digits = text.replace(":", "");
  const sign = digits[0] === "-" ? -1 : 1;
  return sign * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5)));
}

/** Reads `text` by `pattern` (ISO 8601 when absent); null when it does not match or is not a real time. */
export function readWallTime(text: string, pattern?: string): WallTime | null {
  const value = text.trim();
  if (!pattern) {
    const iso = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/.exec(value);
    if (!iso) return null;
    return check(iso[1]!, Number(iso[2]), Number(iso[3]), Number(iso[4] ?? 0), iso[5] === undefined ? undefined : offsetOf(iso[5]));
  }
  const { regex, fields } = compile(pattern);
  const match = regex.exec(value);
  if (!match) return null;
  const got: Record<string, string> = {};
  fields.forEach((field, i) => (got[field] = match[i + 1]!));
  const year = got.YYYY ?? (got.YY === undefined ? undefined : `20${got.YY}`);
  const monthName = got.MMM === undefined ? undefined : MONTHS.indexOf(got.MMM.toLowerCase()) + 1;
  if (monthName === 0) return null;
  const month = got.MM ?? got.M ?? (monthName === undefined ? undefined : String(monthName));
  const day = got.DD ?? got.D;
  if (!year || !month || !day) return null;
  const date = `${year}-${month.padStart(2, "0")}-${day.padStart(2, "0")}`;
  const zone = got.Z ?? got.ZZ;
  let hour = Number(got.HH ?? got.H ?? got.hh ?? got.h ?? 0);
  if (got.A !== undefined) {
    if ((got.hh ?? got.h) === undefined || hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (got.A.toLowerCase() === "pm" ? 12 : 0);
  }
  return check(date, hour, Number(got.mm ?? 0), Number(got.ss ?? 0), zone === undefined ? undefined : offsetOf(zone));
}

function check(date: string, hour: number, minute: number, second: number, offsetMinutes: number | undefined): WallTime | null {
  // A real date in the supported range (dates.ts): no Date.UTC, which reads years 0-99 as 19xx.
  if (dateProblem(date)) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  return { date, minutes: hour * 60 + minute, seconds: second, ...(offsetMinutes === undefined ? {} : { offsetMinutes }) };
}
