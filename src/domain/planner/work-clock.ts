// Working time of one department for one change, at millisecond precision: the department's
// calendar (weekly hours, holidays, zone), plus the change's window as extra working time, minus
// the blackouts that apply to the change. Every date the planner gives comes through one of these.
import type { Calendar } from "../../model/files.js";
import { dayWorkingRanges, weeklyWorkingMinutes } from "../calendar.js";
import { dateFromDayNumber } from "../dates.js";
import { dateInZone, zonedToEpoch, zoneOffsetMs } from "../zone.js";

/** [start, end) epoch milliseconds. */
export type Interval = [number, number];

export interface WorkClock {
  /** Calendar name, for people ("business", "24x7"). */
  readonly name: string;
  /** The zone its days are counted in. */
  readonly zone: string;
  /** Working time of one day and one week of an estimate ("1d", "1w") on this calendar. */
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
  calendar: Calendar | undefined;
  zone: string;
  /** Non-working time on top of the calendar (blackouts that apply). */
  blackouts?: readonly Interval[];
  /** Working time on top of the calendar (an agreed change window). */
  extra?: readonly Interval[];
}

/** Ten years of days: the longest search for a working instant. */
const MAX_DAYS = 3660;
const HOUR = 3_600_000;

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

export function makeWorkClock(spec: WorkClockSpec): WorkClock {
  const zone = spec.calendar?.timezone ?? spec.zone;
  const blackouts = merge((spec.blackouts ?? []).filter(([a, b]) => b > a).map(([a, b]) => [a, b] as Interval));
  const extra = merge((spec.extra ?? []).filter(([a, b]) => b > a).map(([a, b]) => [a, b] as Interval));
  const cache = new Map<number, readonly Interval[]>();
  const minutes = weeklyWorkingMinutes(spec.calendar);
  const workdays = minutes.filter((m) => m > 0).length;
  const weekMs = minutes.reduce((a, b) => a + b, 0) * 60_000;
  const dayMs = workdays ? weekMs / workdays : 24 * HOUR;

  const ranges = (day: number): readonly Interval[] => {
    let found = cache.get(day);
    if (found) return found;
    let list: Interval[] = dayWorkingRanges(spec.calendar, zone, day).map(([a, b]) => [a, b] as Interval);
    if (extra.length || blackouts.length) {
      const dayStart = zonedToEpoch(dateFromDayNumber(day), 0, zone);
      const dayEnd = zonedToEpoch(dateFromDayNumber(day + 1), 0, zone);
      const clip = (list: readonly Interval[]) => list.filter(([a, b]) => a < dayEnd && b > dayStart).map(([a, b]) => [Math.max(a, dayStart), Math.min(b, dayEnd)] as Interval);
      if (extra.length) list = merge([...list, ...clip(extra)]);
      if (blackouts.length) list = subtract(list, clip(blackouts));
    }
    found = list;
    cache.set(day, found);
    return found;
  };
  // The local day of an instant: UTC day of the instant shifted by the zone's offset then.
  const dayOf = (t: number) => Math.floor((t + zoneOffsetMs(t, zone)) / 86_400_000);

  const clock: WorkClock = {
    name: spec.name,
    zone,
    dayMs,
    weekMs,
    next(t) {
      if (!Number.isFinite(t)) return t;
      const first = dayOf(t);
      for (let day = first; day < first + MAX_DAYS; day++) {
        for (const [from, to] of ranges(day)) if (to > t) return Math.max(from, t);
      }
      return Number.POSITIVE_INFINITY;
    },
    add(t, ms) {
      if (ms <= 0 || !Number.isFinite(t)) return t;
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
      let total = 0;
      const last = dayOf(b);
      // Working time further back than the longest search does not matter (and a year-1 timestamp would take long).
      if (last - dayOf(a) > MAX_DAYS) a = zonedToEpoch(dateFromDayNumber(last - MAX_DAYS), 0, zone);
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
