// The working calendar of each department, for day-granularity planning.
import type { Calendar, Department, Manifest } from "../../model/files.js";
import { ALWAYS_CALENDAR, holidayDates, isWorkingDay } from "../calendar-days.js";
import { addDays } from "../dates.js";

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

/** The last working day on or before `date`. */
export function previousWorkingDay(cal: WorkCalendar, date: string): string {
  let day = date;
  for (let i = 0; i < 3660 && !works(cal, day); i++) day = addDays(day, -1);
  return day;
}

/** The first day of a task of `days` working days that finishes on `finish` (a working day). */
export function startForFinish(cal: WorkCalendar, finish: string, days: number): string {
  let start = finish;
  for (let left = Math.max(days, 1) - 1; left > 0; ) {
    start = addDays(start, -1);
    if (works(cal, start)) left--;
  }
  return start;
}

/** Working days in [from, to], both included; 0 when to is before from. */
export function workingDaysBetween(cal: WorkCalendar, from: string, to: string): number {
  let count = 0;
  for (let day = from; day <= to; day = addDays(day, 1)) if (works(cal, day)) count++;
  return count;
}
