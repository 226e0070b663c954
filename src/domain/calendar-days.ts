// Working days of a calendar, for planning at day granularity.
// (Minute-level working time for SLA lives in calendar.ts.)
import type { Calendar } from "../model/files.js";
import { WEEKDAYS } from "../model/files.js";
import { addDays, MAX_DAY, MIN_DAY, weekdayIndex } from "./dates.js";

export const ALWAYS_CALENDAR = "24x7";

export function holidayDates(calendar: Calendar | undefined): Set<string> {
  const dates = new Set<string>();
  for (const holiday of calendar?.holidays ?? []) dates.add(typeof holiday === "string" ? holiday : holiday.date);
  return dates;
}

/** A calendar without weekly hours works every day; otherwise days with hours that are not holidays. */
export function isWorkingDay(calendar: Calendar | undefined, date: string, holidays = holidayDates(calendar)): boolean {
  if (!calendar?.hours) return true;
  if (holidays.has(date)) return false;
  const ranges = calendar.hours[WEEKDAYS[weekdayIndex(date)]!];
  return Array.isArray(ranges) && ranges.length > 0;
}

/**
 * How far any search for a working day looks, in days: ten years, plus one day per holiday (each
 * can push the next working day one further). A calendar that has no working day in that span
 * never works; validate reports it (no-working-time), and the searches stop here instead of spinning.
 */
export const SEARCH_DAYS = 3660;
export function searchLimit(holidays: ReadonlySet<string>): number {
  return SEARCH_DAYS + holidays.size;
}

/** Does the calendar have working hours on some weekday? (A calendar without `hours` works every day.) */
export function hasWorkingWeekday(calendar: Calendar | undefined): boolean {
  if (!calendar?.hours) return true;
  return WEEKDAYS.some((day) => {
    const ranges = calendar.hours?.[day];
    return Array.isArray(ranges) && ranges.length > 0;
  });
}

/** The first working day on or after `date` (the date itself past the search limit: see SEARCH_DAYS). */
export function nextWorkingDay(calendar: Calendar | undefined, date: string, holidays = holidayDates(calendar)): string {
  let day = date;
  const limit = searchLimit(holidays);
  for (let i = 0; i < limit && !isWorkingDay(calendar, day, holidays); i++) day = addDays(day, 1);
  return isWorkingDay(calendar, day, holidays) ? day : date;
}

/**
 * The last day of a task that starts on `start` (moved to a working day) and takes `days` working days.
 * A zero-day task finishes on its start day.
 */
export function addWorkingDays(calendar: Calendar | undefined, start: string, days: number, holidays = holidayDates(calendar)): { start: string; finish: string } {
  const first = nextWorkingDay(calendar, start, holidays);
  // Bounded: a calendar without working days would never count down, and the supported range of
  // dates ends (addDays stops at 9999-12-31): at most a week per working day plus the search limit.
  const wanted = Math.max(Number.isFinite(days) ? days : 0, 1) - 1;
  if (wanted > 0 && !hasWorkingWeekday(calendar)) return { start: first, finish: first };
  let finish = first;
  let steps = Math.min(wanted * 7 + searchLimit(holidays), MAX_DAY - MIN_DAY);
  for (let left = wanted; left > 0 && steps > 0; steps--) {
    const next = addDays(finish, 1);
    if (next === finish) break; // the end of the supported range
    finish = next;
    if (isWorkingDay(calendar, finish, holidays)) left--;
  }
  return { start: first, finish };
}
