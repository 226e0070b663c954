// The working calendar of each department, for day-granularity planning.
import type { Calendar, Department, Manifest } from "../../model/files.js";
import { WEEKDAYS } from "../../model/files.js";
import { ALWAYS_CALENDAR, hasWorkingWeekday, holidayDates, isWorkingDay, searchLimit } from "../calendar-days.js";
import { addDays, dateProblem, dayNumber, weekdayIndex } from "../dates.js";

/** Used for a department without a `calendar`: Monday to Friday, no holidays. */
export const DEFAULT_CALENDAR_NAME = "mon-fri";
const WEEKDAY_HOURS = ["09:00-18:00"];
const MON_FRI: Calendar = { hours: { mon: WEEKDAY_HOURS, tue: WEEKDAY_HOURS, wed: WEEKDAY_HOURS, thu: WEEKDAY_HOURS, fri: WEEKDAY_HOURS } };

export interface WorkCalendar {
  name: string;
  /** undefined means every day is a working day. */
  calendar: Calendar | undefined;
  holidays: Set<string>;
}

export function calendarNamed(name: string | undefined, manifest: Manifest | undefined): WorkCalendar {
  if (name === ALWAYS_CALENDAR) return { name, calendar: undefined, holidays: new Set() };
  const calendar = name !== undefined ? manifest?.calendars?.[name] : undefined;
  if (name === undefined || !calendar) return { name: DEFAULT_CALENDAR_NAME, calendar: MON_FRI, holidays: new Set() };
  return { name, calendar, holidays: holidayDates(calendar) };
}

export function departmentCalendar(department: Department | undefined, manifest: Manifest | undefined): WorkCalendar {
  return calendarNamed(department?.calendar, manifest);
}

export function works(cal: WorkCalendar, date: string): boolean {
  return isWorkingDay(cal.calendar, date, cal.holidays);
}

/** The last working day on or before `date` (bounded like nextWorkingDay). */
export function previousWorkingDay(cal: WorkCalendar, date: string): string {
  let day = date;
  const limit = searchLimit(cal.holidays);
  for (let i = 0; i < limit && !works(cal, day); i++) day = addDays(day, -1);
  return works(cal, day) ? day : date;
}

/** The first day of a task of `days` working days that finishes on `finish` (a working day). Bounded like addWorkingDays. */
export function startForFinish(cal: WorkCalendar, finish: string, days: number): string {
  const wanted = Math.max(Number.isFinite(days) ? days : 0, 1) - 1;
  if (wanted > 0 && !hasWorkingWeekday(cal.calendar)) return finish;
  let start = finish;
  let steps = wanted * 7 + searchLimit(cal.holidays);
  for (let left = wanted; left > 0 && steps > 0; steps--) {
    const previous = addDays(start, -1);
    if (previous === start) break; // the start of the supported range
    start = previous;
    if (works(cal, start)) left--;
  }
  return start;
}

/**
 * Working days in [from, to], both included; 0 when to is before from. O(1) per call plus the
 * holidays: whole weeks are counted by the weekly pattern, not day by day (a plan can span years).
 */
export function workingDaysBetween(cal: WorkCalendar, from: string, to: string): number {
  const first = dayNumber(from);
  const last = dayNumber(to);
  if (last < first) return 0;
  const total = last - first + 1;
  if (!cal.calendar?.hours) return total;
  const weekly = WEEKDAYS.map((day) => {
    const ranges = cal.calendar!.hours![day];
    return Array.isArray(ranges) && ranges.length > 0;
  });
  const perWeek = weekly.filter(Boolean).length;
  let count = Math.floor(total / 7) * perWeek;
  const startWeekday = weekdayIndex(from);
  for (let i = 0; i < total % 7; i++) if (weekly[(startWeekday + Math.floor(total / 7) * 7 + i) % 7]) count++;
  for (const holiday of cal.holidays) {
    if (dateProblem(holiday)) continue; // never equal to a real day (validate reports it)
    const day = dayNumber(holiday);
    if (day >= first && day <= last && weekly[weekdayIndex(holiday)]) count--;
  }
  return count;
}
