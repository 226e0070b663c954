// Dates in service-desk exports, read by a pattern such as "DD-MM-YYYY HH:mm" (dayjs-style tokens:
// YYYY YY MMMM MMM MM M DD D HH H hh h mm ss A, Z for +03:00, ZZ for +0300; MMM/MMMM is a month name,
// abbreviated or not, English or localized as Jira writes it (Nov, Okt, déc., September), A is AM/PM
// with hh/h). The Java forms ServiceNow and Jira show (yyyy, yy, dd, d, a) are read as the same tokens,
// so "MM-dd-yyyy HH:mm:ss" and "dd/MMM/yy h:mm a" work as written. Without a pattern, ISO 8601.
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
  ["MMMM", "(\\p{L}+\\.?)"],
  ["MMM", "(\\p{L}+\\.?)"],
  ["MM", "(\\d{2})"],
  ["M", "(\\d{1,2})"],
  ["DD", "(\\d{2})"],
  ["D", "(\\d{1,2})"],
  ["HH", "(\\d{2})"],
  ["H", "(\\d{1,2})"],
  ["hh", "(\\d{2})"],
  ["h", "(\\d{1,2})"],
  ["A", "([AaPp]\\.?[Mm]\\.?)"],
  ["mm", "(\\d{2})"],
  ["ss", "(\\d{2})"],
  ["ZZ", "([+-]\\d{4}|Z)"],
  ["Z", "([+-]\\d{2}:\\d{2}|Z)"],
];

/** Java-style tokens (ServiceNow's and Jira's date format settings) -> the tokens above. */
const JAVA: [string, string][] = [
  ["yyyy", "YYYY"],
  ["yy", "YY"],
  ["dd", "DD"],
  ["d", "D"],
  ["a", "A"],
];

/** Month names and abbreviations, English and the languages Jira and ServiceNow localize exports in; none is two months. */
const MONTH_NAMES: string[][] = [
  ["jan", "january", "januar", "janvier", "janv", "ene", "enero", "gen", "gennaio", "janeiro", "januari", "янв", "январь", "января"],
  ["feb", "february", "februar", "février", "févr", "fév", "fev", "febrero", "febbraio", "fevereiro", "februari", "фев", "февраль", "февраля"],
  ["mar", "march", "märz", "mär", "mrz", "mars", "marzo", "março", "maart", "mrt", "мар", "март", "марта"],
  ["apr", "april", "avril", "avr", "abr", "abril", "aprile", "апр", "апрель", "апреля"],
  ["may", "mai", "mayo", "mag", "maggio", "maio", "mei", "май", "мая"],
  ["jun", "june", "juni", "juin", "junio", "giu", "giugno", "junho", "июн", "июнь", "июня"],
  ["jul", "july", "juli", "juillet", "juil", "julio", "lug", "luglio", "julho", "июл", "июль", "июля"],
  ["aug", "august", "août", "aoû", "ago", "agosto", "augustus", "авг", "август", "августа"],
  ["sep", "sept", "september", "septembre", "septiembre", "set", "settembre", "setembro", "сен", "сент", "сентябрь", "сентября"],
  ["oct", "october", "okt", "oktober", "octobre", "octubre", "ott", "ottobre", "out", "outubro", "окт", "октябрь", "октября"],
  ["nov", "november", "novembre", "noviembre", "novembro", "ноя", "нояб", "ноябрь", "ноября"],
  ["dec", "december", "dez", "dezember", "décembre", "déc", "dic", "diciembre", "dicembre", "dezembro", "дек", "декабрь", "декабря"],
];
const MONTHS = new Map<string, number>(MONTH_NAMES.flatMap((names, i) => names.map((name) => [name, i + 1] as [string, number])));

/** 1-12 for a month name or abbreviation (any case, a trailing dot allowed); 0 when it is none. */
function monthNumber(text: string): number {
  return MONTHS.get(text.toLowerCase().replace(/\.$/, "")) ?? 0;
}

interface Part {
  text: string;
  token: boolean;
}

/** The pattern cut into tokens and literal text (Java-style tokens already translated). */
export function tokenize(pattern: string): Part[] {
  const parts: Part[] = [];
  for (let i = 0; i < pattern.length; ) {
    const token = TOKENS.find(([t]) => pattern.startsWith(t, i));
    if (token) {
      parts.push({ text: token[0], token: true });
      i += token[0].length;
      continue;
    }
    const java = JAVA.find(([t]) => pattern.startsWith(t, i));
    if (java) {
      parts.push({ text: java[1], token: true });
      i += java[0].length;
      continue;
    }
    parts.push({ text: pattern[i]!, token: false });
    i++;
  }
  return parts;
}

/** The pattern with day and month swapped (DD-MM-YYYY <-> MM-DD-YYYY); null when it has no numeric day and month. */
export function swappedPattern(pattern: string): string | null {
  const parts = tokenize(pattern);
  const swap: Record<string, string> = { DD: "MM", MM: "DD", D: "M", M: "D" };
  const hasDay = parts.some((p) => p.token && (p.text === "DD" || p.text === "D"));
  const hasMonth = parts.some((p) => p.token && (p.text === "MM" || p.text === "M"));
  if (!hasDay || !hasMonth) return null;
  return parts.map((p) => (p.token && swap[p.text] ? swap[p.text] : p.text)).join("");
}

/** "day first", "month first", or null when the pattern does not have a numeric day and month (ISO, month names). */
export function dateOrder(pattern: string | undefined): "day first" | "month first" | null {
  if (!pattern || swappedPattern(pattern) === null) return null;
  const parts = tokenize(pattern).filter((p) => p.token);
  const day = parts.findIndex((p) => p.text === "DD" || p.text === "D");
  const month = parts.findIndex((p) => p.text === "MM" || p.text === "M");
  const year = parts.findIndex((p) => p.text === "YYYY" || p.text === "YY");
  if (year !== -1 && year < day && year < month) return null; // YYYY-MM-DD: a form of its own
  return day < month ? "day first" : "month first";
}

const compiled = new Map<string, { regex: RegExp; fields: string[] }>();

function compile(pattern: string): { regex: RegExp; fields: string[] } {
  let hit = compiled.get(pattern);
  if (hit) return hit;
  let source = "";
  const fields: string[] = [];
  for (const part of tokenize(pattern)) {
    if (part.token) {
      source += TOKENS.find(([t]) => t === part.text)![1];
      fields.push(part.text === "MMMM" ? "MMM" : part.text);
    } else source += part.text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }
  hit = { regex: new RegExp(`^${source}$`, "u"), fields };
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
  const monthName = got.MMM === undefined ? undefined : monthNumber(got.MMM);
  if (monthName === 0) return null;
  const month = got.MM ?? got.M ?? (monthName === undefined ? undefined : String(monthName));
  const day = got.DD ?? got.D;
  if (!year || !month || !day) return null;
  const date = `${year}-${month.padStart(2, "0")}-${day.padStart(2, "0")}`;
  const zone = got.Z ?? got.ZZ;
  let hour = Number(got.HH ?? got.H ?? got.hh ?? got.h ?? 0);
  if (got.A !== undefined) {
    if ((got.hh ?? got.h) === undefined || hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (got.A.toLowerCase().startsWith("p") ? 12 : 0);
  }
  return check(date, hour, Number(got.mm ?? 0), Number(got.ss ?? 0), zone === undefined ? undefined : offsetOf(zone));
}

function check(date: string, hour: number, minute: number, second: number, offsetMinutes: number | undefined): WallTime | null {
  // A real date in the supported range (dates.ts): no Date.UTC, which reads years 0-99 as 19xx.
  if (dateProblem(date)) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  return { date, minutes: hour * 60 + minute, seconds: second, ...(offsetMinutes === undefined ? {} : { offsetMinutes }) };
}
