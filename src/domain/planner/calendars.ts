// Which calendar a department works on: its own `calendar`, else the project's default business
// calendar (with its holidays), else Monday to Friday 09:00-18:00 in the project's zone.
import type { Calendar, Department, Manifest } from "../../model/files.js";
import { ALWAYS_CALENDAR, holidayDates } from "../work-clock.js";

/** The built-in calendar when the project has none: Monday to Friday, 09:00-18:00, no holidays. */
const DEFAULT_CALENDAR_NAME = "mon-fri";
const WEEKDAY_HOURS = ["09:00-18:00"];
const MON_FRI: Calendar = { hours: { mon: WEEKDAY_HOURS, tue: WEEKDAY_HOURS, wed: WEEKDAY_HOURS, thu: WEEKDAY_HOURS, fri: WEEKDAY_HOURS } };

export interface NamedCalendar {
  name: string;
  /** undefined: around the clock. */
  calendar: Calendar | undefined;
  /** Why this calendar applies, for `tam validate` and the docs. */
  source: "department" | "default_calendar" | "business" | "only-calendar" | "built-in";
}

/**
 * The project's default business calendar: `default_calendar` in tam.yaml, else the calendar named
 * "business", else the only calendar with weekly hours, else the built-in Monday-Friday one.
 */
export function projectCalendar(manifest: Manifest | undefined): NamedCalendar {
  const calendars = manifest?.calendars ?? {};
  const named = manifest?.default_calendar;
  if (named === ALWAYS_CALENDAR) return { name: named, calendar: undefined, source: "default_calendar" };
  if (named && calendars[named]) return { name: named, calendar: calendars[named], source: "default_calendar" };
  if (calendars.business) return { name: "business", calendar: calendars.business, source: "business" };
  const withHours = Object.keys(calendars).filter((name) => calendars[name]?.hours);
  if (withHours.length === 1) return { name: withHours[0]!, calendar: calendars[withHours[0]!], source: "only-calendar" };
  return { name: DEFAULT_CALENDAR_NAME, calendar: MON_FRI, source: "built-in" };
}

export function departmentCalendar(department: Department | undefined, manifest: Manifest | undefined): NamedCalendar {
  const name = department?.calendar;
  if (name === ALWAYS_CALENDAR) return { name, calendar: undefined, source: "department" };
  const own = name !== undefined ? manifest?.calendars?.[name] : undefined;
  if (name !== undefined && own) return { name, calendar: own, source: "department" };
  return projectCalendar(manifest);
}

/** Holidays of the project's default calendar, sorted: the gantt shades them. */
export function projectHolidays(manifest: Manifest | undefined): string[] {
  return [...holidayDates(projectCalendar(manifest).calendar)].sort();
}
