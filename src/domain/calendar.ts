// Working time of a calendar at millisecond precision, for SLA clocks.
// Interval arithmetic over local dates: each date's working hours become instants
// through the calendar's zone (Intl, zone.ts), so DST days are as long as they really are.
// Nothing here reads the machine's time zone.
import type { Calendar } from "../model/files.js";
import { WEEKDAYS } from "../model/files.js";
import { ALWAYS_CALENDAR, holidayDates } from "./calendar-days.js";
import { dateFromDayNumber, dayNumber, weekdayIndex } from "./dates.js";
import { dateInZone, zonedToEpoch } from "./zone.js";

/** Working ranges of a day as [start, end) epoch milliseconds, sorted, disjoint. */
type Ranges = [number, number][];

interface Compiled {
  always: boolean;
  zone: string;
  /** Minutes after midnight, per weekday (0 = Monday). */
  weekly: [number, number][][];
  holidays: Set<string>;
  /** Per day number: that day's ranges as instants. */
  days: Map<number, Ranges>;
  hasWork: boolean;
}

const compiledByCalendar = new WeakMap<object, Map<string, Compiled>>();
const ALWAYS: Compiled = { always: true, zone: "UTC", weekly: [], holidays: new Set(), days: new Map(), hasWork: true };

/** Is this calendar (or calendar name) around the clock? */
export function isAlways(calendar: Calendar | undefined, name?: string): boolean {
  return name === ALWAYS_CALENDAR || !calendar || !calendar.hours;
}

function minutesOf(text: string): number {
  const [h, m] = text.trim().split(":").map(Number) as [number, number];
  return h * 60 + (m || 0);
}

/** Parses "HH:MM-HH:MM" ranges of each weekday, merged so overlapping ranges count once. */
function weeklyRanges(calendar: Calendar): [number, number][][] {
  return WEEKDAYS.map((day) => {
    const ranges = (calendar.hours?.[day] ?? [])
      .map((text) => String(text).split("-"))
      .filter((parts) => parts.length === 2)
      .map(([from, to]) => [minutesOf(from!), minutesOf(to!)] as [number, number])
      .filter(([from, to]) => Number.isFinite(from) && Number.isFinite(to) && to > from)
      .sort((a, b) => a[0] - b[0]);
    const merged: [number, number][] = [];
    for (const range of ranges) {
      const last = merged[merged.length - 1];
      if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
      else merged.push([...range]);
    }
    return merged;
  });
}

/** Working minutes of each weekday (0 = Monday), overlapping ranges counted once. */
export function weeklyWorkingMinutes(calendar: Calendar | undefined): number[] {
  if (!calendar?.hours) return WEEKDAYS.map(() => 1440);
  return weeklyRanges(calendar).map((ranges) => ranges.reduce((sum, [from, to]) => sum + Math.min(to, 1440 * 2) - from, 0));
}

function compile(calendar: Calendar | undefined, zone: string): Compiled {
  if (!calendar?.hours) return ALWAYS;
  let perZone = compiledByCalendar.get(calendar);
  if (!perZone) compiledByCalendar.set(calendar, (perZone = new Map()));
  let compiled = perZone.get(zone);
  if (!compiled) {
    const weekly = weeklyRanges(calendar);
    compiled = { always: false, zone, weekly, holidays: holidayDates(calendar), days: new Map(), hasWork: weekly.some((day) => day.length > 0) };
    perZone.set(zone, compiled);
  }
  return compiled;
}

function dayRanges(c: Compiled, day: number): Ranges {
  let ranges = c.days.get(day);
  if (ranges) return ranges;
  const date = dateFromDayNumber(day);
  ranges = [];
  if (!c.holidays.has(date)) {
    for (const [from, to] of c.weekly[weekdayIndex(date)]!) {
      const start = zonedToEpoch(date, from, c.zone);
      const end = to >= 1440 ? zonedToEpoch(dateFromDayNumber(day + 1), to - 1440, c.zone) : zonedToEpoch(date, to, c.zone);
      if (end > start) ranges.push([start, end]);
    }
  }
  c.days.set(day, ranges);
  return ranges;
}

/**
 * The working ranges of one local day (a day number in the calendar's zone) as [start, end)
 * instants, sorted and disjoint; a calendar without hours works the whole day. For the planner's
 * working-time clocks, which add blackouts and change windows on top.
 */
export function dayWorkingRanges(calendar: Calendar | undefined, zone: string, day: number): [number, number][] {
  const c = compile(calendar, calendar?.timezone ?? zone);
  if (c.always) {
    const start = zonedToEpoch(dateFromDayNumber(day), 0, zone);
    return [[start, zonedToEpoch(dateFromDayNumber(day + 1), 0, zone)]];
  }
  return dayRanges(c, day);
}

/** Working milliseconds between two instants. `zone` applies when the calendar has no zone of its own. */
export function workingMs(calendar: Calendar | undefined, zone: string, fromEpoch: number, toEpoch: number): number {
  if (!(toEpoch > fromEpoch)) return 0;
  const c = compile(calendar, calendar?.timezone ?? zone);
  if (c.always) return toEpoch - fromEpoch;
  const first = dayNumber(dateInZone(fromEpoch, c.zone));
  const last = dayNumber(dateInZone(toEpoch, c.zone));
  let total = 0;
  for (let day = first; day <= last; day++) {
    for (const [start, end] of dayRanges(c, day)) {
      const overlap = Math.min(end, toEpoch) - Math.max(start, fromEpoch);
      if (overlap > 0) total += overlap;
    }
  }
  return total;
}

/** Longest search for a deadline: ten years of days. */
const MAX_DAYS = 3660;

/**
 * The instant at which `ms` of working time have passed since `startEpoch`
 * (Infinity when the calendar never works). Zero working time is the start itself.
 */
export function addWorkingMs(calendar: Calendar | undefined, zone: string, startEpoch: number, ms: number): number {
  if (ms <= 0) return startEpoch;
  const c = compile(calendar, calendar?.timezone ?? zone);
  if (c.always) return startEpoch + ms;
  if (!c.hasWork) return Number.POSITIVE_INFINITY;
  let left = ms;
  const first = dayNumber(dateInZone(startEpoch, c.zone));
  for (let day = first; day < first + MAX_DAYS; day++) {
    for (const [start, end] of dayRanges(c, day)) {
      const from = Math.max(start, startEpoch);
      if (end <= from) continue;
      if (left <= end - from) return from + left;
      left -= end - from;
    }
  }
  return Number.POSITIVE_INFINITY;
}
