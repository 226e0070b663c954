// Working days of a calendar, for planning at day granularity.
// (Minute-level working time for SLA lives in calendar.ts.)
import type { Calendar } from "../model/files.js";
import { WEEKDAYS } from "../model/files.js";
import { addDays, weekdayIndex } from "./dates.js";

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

/** The first working day on or after `date`. */
export function nextWorkingDay(calendar: Calendar | undefined, date: string, holidays = holidayDates(calendar)): string {
  let day = date;
  for (let i = 0; i < 3660 && !isWorkingDay(calendar, day, holidays); i++) day = addDays(day, 1);
  return day;
}

/**
 * The last day of a task that starts on `start` (moved to a working day) and takes `days` working days.
 * A zero-day task finishes on its start day.
 */
export function addWorkingDays(calendar: Calendar | undefined, start: string, days: number, holidays = holidayDates(calendar)): { start: string; finish: string } {
  const first = nextWorkingDay(calendar, start, holidays);
  let finish = first;
  for (let left = Math.max(days, 1) - 1; left > 0; ) {
    finish = addDays(finish, 1);
    if (isWorkingDay(calendar, finish, holidays)) left--;
  }
  return { start: first, finish };
}
