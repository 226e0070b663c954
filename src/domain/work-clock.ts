// Working time at millisecond precision: the one clock of SLA targets and of plans. A clock is a
// calendar (weekly hours, holidays, zone), plus for a department's work on a change the change's
// window as extra working time, minus the blackouts that apply. Each local date's working hours
// become instants through the zone (Intl, zone.ts), so DST days are as long as they really are;
// nothing here reads the machine's time zone.
import type { Calendar } from "../model/files.js";
import { WEEKDAYS } from "../model/files.js";
import { DAY_MS, dateFromDayNumber, weekdayIndex } from "./dates.js";
import { MAX_DURATION_DAYS, parseDuration } from "./duration.js";
import { dateInZone, zonedToEpoch, zoneOffsetMs } from "./zone.js";

/** The built-in calendar name: round the clock, every day. */
export const ALWAYS_CALENDAR = "24x7";

/** [start, end) epoch milliseconds. */
export type Interval = [number, number];

export interface WorkClock {
  /** Calendar name, for people ("business", "24x7"). */
  readonly name: string;
  /** The zone its days are counted in. */
  readonly zone: string;
  /** Working time of one day and one week ("1d", "1w") on this calendar. */
  readonly dayMs: number;
  readonly weekMs: number;
  /** The first working instant at or after `t` (Infinity when the calendar never works). */
  next(t: number): number;
  /** The instant at which `ms` of working time have passed since `t` (`t` itself for 0). */
  add(t: number, ms: number): number;
  /** The latest instant from which `ms` of working time end at `t`. */
  subtract(t: number, ms: number): number;
  /** Working milliseconds in [a, b); negative when b is before a. */
  between(a: number, b: number): number;
  /** The day (in the clock's zone) of an instant; a finish at midnight belongs to the day before. */
  dateOf(t: number): string;
  finishDateOf(t: number): string;
}

export interface WorkClockSpec {
  name: string;
  /** Undefined, or a calendar without `hours`: around the clock. */
  calendar: Calendar | undefined;
  /** The zone when the calendar has none of its own (the project's). */
  zone: string;
  /** Non-working time on top of the calendar (blackouts that apply). */
  blackouts?: readonly Interval[];
  /** Working time on top of the calendar (an agreed change window). */
  extra?: readonly Interval[];
}

/** The longest search for a working instant, in days (the longest duration tam reads). */
const MAX_DAYS = MAX_DURATION_DAYS;
const HOUR = 3_600_000;

export function holidayDates(calendar: Calendar | undefined): Set<string> {
  const dates = new Set<string>();
  for (const holiday of calendar?.holidays ?? []) dates.add(typeof holiday === "string" ? holiday : holiday.date);
  return dates;
}

function minutesOf(text: string): number {
  const [h, m] = text.trim().split(":").map(Number) as [number, number];
  return h * 60 + (m || 0);
}

function merge(ranges: Interval[]): Interval[] {
  ranges.sort((a, b) => a[0] - b[0]);
  const out: Interval[] = [];
  for (const [from, to] of ranges) {
    const last = out[out.length - 1];
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else out.push([from, to]);
  }
  return out;
}

function subtract(ranges: Interval[], holes: readonly Interval[]): Interval[] {
  let out = ranges;
  for (const [hf, ht] of holes) {
    const next: Interval[] = [];
    for (const [from, to] of out) {
      if (ht <= from || hf >= to) next.push([from, to]);
      else {
        if (hf > from) next.push([from, hf]);
        if (ht < to) next.push([ht, to]);
      }
    }
    out = next;
  }
  return out;
}

/** "HH:MM-HH:MM" ranges of each weekday (0 = Monday) as minutes after midnight, merged so overlapping ranges count once. */
function weeklyRanges(calendar: Calendar): Interval[][] {
  return WEEKDAYS.map((day) =>
    merge(
      (calendar.hours?.[day] ?? [])
        .map((text) => String(text).split("-"))
        .filter((parts) => parts.length === 2)
        .map(([from, to]) => [minutesOf(from!), minutesOf(to!)] as Interval)
        .filter(([from, to]) => Number.isFinite(from) && Number.isFinite(to) && to > from),
    ),
  );
}

/** A calendar's working ranges of each local day, as instants: shared by every clock on that calendar and zone. */
interface CalendarDays {
  weekly: Interval[][];
  holidays: Set<string>;
  /** Per day number: that day's ranges, sorted and disjoint. */
  days: Map<number, Interval[]>;
}

const daysByCalendar = new WeakMap<Calendar, Map<string, CalendarDays>>();

function calendarDays(calendar: Calendar, zone: string): CalendarDays {
  let perZone = daysByCalendar.get(calendar);
  if (!perZone) daysByCalendar.set(calendar, (perZone = new Map()));
  let found = perZone.get(zone);
  if (!found) perZone.set(zone, (found = { weekly: weeklyRanges(calendar), holidays: holidayDates(calendar), days: new Map() }));
  return found;
}

function calendarRanges(c: CalendarDays, zone: string, day: number): Interval[] {
  let ranges = c.days.get(day);
  if (ranges) return ranges;
  const date = dateFromDayNumber(day);
  ranges = [];
  if (!c.holidays.has(date)) {
    for (const [from, to] of c.weekly[weekdayIndex(date)]!) {
      const start = zonedToEpoch(date, from, zone);
      const end = to >= 1440 ? zonedToEpoch(dateFromDayNumber(day + 1), to - 1440, zone) : zonedToEpoch(date, to, zone);
      if (end > start) ranges.push([start, end]);
    }
  }
  c.days.set(day, ranges);
  return ranges;
}

/** Working minutes of each weekday (0 = Monday); a calendar without hours works all day. */
function weeklyMinutes(calendar: Calendar | undefined): number[] {
  if (!calendar?.hours) return WEEKDAYS.map(() => 1440);
  return weeklyRanges(calendar).map((ranges) => ranges.reduce((sum, [from, to]) => sum + Math.min(to, 1440 * 2) - from, 0));
}

export function makeWorkClock(spec: WorkClockSpec): WorkClock {
  const zone = spec.calendar?.timezone ?? spec.zone;
  const blackouts = merge((spec.blackouts ?? []).filter(([a, b]) => b > a).map(([a, b]) => [a, b] as Interval));
  const extra = merge((spec.extra ?? []).filter(([a, b]) => b > a).map(([a, b]) => [a, b] as Interval));
  const minutes = weeklyMinutes(spec.calendar);
  const workdays = minutes.filter((m) => m > 0).length;
  const weekMs = minutes.reduce((a, b) => a + b, 0) * 60_000;
  const dayMs = workdays ? weekMs / workdays : 24 * HOUR;
  const overlays = extra.length > 0 || blackouts.length > 0;
  /** Round the clock with nothing on top: working time is elapsed time. */
  const always = !spec.calendar?.hours && !overlays;
  const days = spec.calendar?.hours ? calendarDays(spec.calendar, zone) : undefined;
  const dayStart = (day: number) => zonedToEpoch(dateFromDayNumber(day), 0, zone);
  const baseRanges = (day: number): Interval[] => (days ? calendarRanges(days, zone, day) : [[dayStart(day), dayStart(day + 1)]]);

  const cache = new Map<number, readonly Interval[]>();
  const ranges = (day: number): readonly Interval[] => {
    if (days && !overlays) return calendarRanges(days, zone, day);
    let found = cache.get(day);
    if (found) return found;
    let list: Interval[] = baseRanges(day).map(([a, b]) => [a, b] as Interval);
    if (overlays) {
      const start = dayStart(day);
      const end = dayStart(day + 1);
      const clip = (list: readonly Interval[]) => list.filter(([a, b]) => a < end && b > start).map(([a, b]) => [Math.max(a, start), Math.min(b, end)] as Interval);
      if (extra.length) list = merge([...list, ...clip(extra)]);
      if (blackouts.length) list = subtract(list, clip(blackouts));
    }
    found = list;
    cache.set(day, found);
    return found;
  };
  // The local day of an instant: UTC day of the instant shifted by the zone's offset then.
  const dayOf = (t: number) => Math.floor((t + zoneOffsetMs(t, zone)) / DAY_MS);
  const hasWork = always || overlays || minutes.some((m) => m > 0);

  const clock: WorkClock = {
    name: spec.name,
    zone,
    dayMs,
    weekMs,
    next(t) {
      if (!Number.isFinite(t) || always) return t;
      if (!hasWork) return Number.POSITIVE_INFINITY;
      const first = dayOf(t);
      for (let day = first; day < first + MAX_DAYS; day++) {
        for (const [from, to] of ranges(day)) if (to > t) return Math.max(from, t);
      }
      return Number.POSITIVE_INFINITY;
    },
    add(t, ms) {
      if (ms <= 0 || !Number.isFinite(t)) return t;
      if (always) return t + ms <= dayStart(dayOf(t) + MAX_DAYS) ? t + ms : Number.POSITIVE_INFINITY;
      if (!hasWork) return Number.POSITIVE_INFINITY;
      let left = ms;
      const first = dayOf(t);
      for (let day = first; day < first + MAX_DAYS; day++) {
        for (const [start, end] of ranges(day)) {
          const from = Math.max(start, t);
          if (end <= from) continue;
          if (left <= end - from) return from + left;
          left -= end - from;
        }
      }
      return Number.POSITIVE_INFINITY;
    },
    subtract(t, ms) {
      if (ms <= 0 || !Number.isFinite(t)) return t;
      if (!hasWork) return Number.NEGATIVE_INFINITY;
      let left = ms;
      const last = dayOf(t);
      for (let day = last; day > last - MAX_DAYS; day--) {
        const list = ranges(day);
        for (let i = list.length - 1; i >= 0; i--) {
          const [start, end] = list[i]!;
          const to = Math.min(end, t);
          if (to <= start) continue;
          if (left <= to - start) return to - left;
          left -= to - start;
        }
      }
      return Number.NEGATIVE_INFINITY;
    },
    between(a, b) {
      if (!Number.isFinite(a) || !Number.isFinite(b)) return 0;
      if (b < a) return -clock.between(b, a);
      const last = dayOf(b);
      // Working time further back than the longest search does not count (and keeps a span of centuries quick).
      if (last - dayOf(a) > MAX_DAYS) a = dayStart(last - MAX_DAYS);
      if (always) return b - a;
      let total = 0;
      for (let day = dayOf(a); day <= last; day++) {
        for (const [start, end] of ranges(day)) {
          const overlap = Math.min(end, b) - Math.max(start, a);
          if (overlap > 0) total += overlap;
        }
      }
      return total;
    },
    dateOf: (t) => dateInZone(t, zone),
    finishDateOf: (t) => dateInZone(t - 1, zone),
  };
  return clock;
}

/**
 * Working milliseconds of a duration on a clock: a day is that calendar's working day (its weekly
 * working time over the days it works), a week its working week, hours and minutes as written.
 * On a 24x7 calendar a day is 24 hours and a week 7 days. Null when the text is not a duration.
 */
export function durationMs(text: string, clock: Pick<WorkClock, "dayMs" | "weekMs">): number | null {
  const parts = parseDuration(text);
  if (!parts) return null;
  return parts.weeks * clock.weekMs + parts.days * clock.dayMs + parts.hours * HOUR + parts.minutes * 60_000;
}
