// Calendar searches are bounded: no working time never spins, and counting is not day by day.
import { describe, expect, it } from "vitest";
import { addWorkingDays, nextWorkingDay } from "../../../src/domain/calendar-days.js";
import { addDays, MAX_DATE } from "../../../src/domain/dates.js";
import { calendarNamed, startForFinish, workingDaysBetween, works, type WorkCalendar } from "../../../src/domain/planner/calendars.js";
import type { Manifest } from "../../../src/model/files.js";

const manifest = {
  calendars: {
    business: { hours: { mon: ["09:00-18:00"], tue: ["09:00-18:00"], wed: ["09:00-18:00"], thu: ["09:00-18:00"], fri: ["09:00-18:00"] }, holidays: ["2026-11-04", "2026-02-30", { date: "2026-12-31" }, "2026-11-07"] },
    never: { hours: { mon: [] } },
    sundays: { hours: { sun: ["10:00-12:00"] } },
  },
} as unknown as Manifest;

function naive(cal: WorkCalendar, from: string, to: string): number {
  let count = 0;
  for (let day = from; day <= to; day = addDays(day, 1)) if (works(cal, day)) count++;
  return count;
}

describe("working-day arithmetic", () => {
  it("counts working days by weeks, the same as day by day", () => {
    for (const name of ["business", "never", "sundays", "24x7", undefined]) {
      const cal = calendarNamed(name, manifest);
      for (let a = 0; a < 40; a += 3) for (let b = -2; b < 30; b += 5) {
        const from = addDays("2026-10-28", a);
        const to = addDays(from, b);
        expect(workingDaysBetween(cal, from, to), `${name} ${from}..${to}`).toBe(naive(cal, from, to));
      }
    }
  });

  it("a calendar with no working time returns at once instead of spinning", () => {
    const cal = calendarNamed("never", manifest);
    expect(addWorkingDays(cal.calendar, "2026-11-02", 5, cal.holidays)).toEqual({ start: "2026-11-02", finish: "2026-11-02" });
    expect(nextWorkingDay(cal.calendar, "2026-11-02", cal.holidays)).toBe("2026-11-02");
    expect(startForFinish(cal, "2026-11-02", 5)).toBe("2026-11-02");
  });

  it("stops at the end of the supported range of dates", () => {
    const cal = calendarNamed("business", manifest);
    expect(addWorkingDays(cal.calendar, "9999-12-01", 1_000_000, cal.holidays).finish).toBe(MAX_DATE);
    expect(addWorkingDays(cal.calendar, "2026-11-02", Number.POSITIVE_INFINITY, cal.holidays).finish).toBe("2026-11-02");
    expect(workingDaysBetween(cal, "1000-01-01", MAX_DATE)).toBeGreaterThan(2_000_000);
  });
});
