// Day-granularity calendar searches are bounded: no working time never spins, and arithmetic stops
// at the end of the supported range of dates.
import { describe, expect, it } from "vitest";
import { addWorkingDays, holidayDates, nextWorkingDay } from "../../../src/domain/calendar-days.js";
import { MAX_DATE } from "../../../src/domain/dates.js";
import type { Calendar } from "../../../src/model/files.js";

const H = ["09:00-18:00"];
const business: Calendar = { hours: { mon: H, tue: H, wed: H, thu: H, fri: H }, holidays: ["2026-11-04"] };
const never: Calendar = { hours: { mon: [] } };

describe("working-day arithmetic", () => {
  it("a calendar with no working time returns at once instead of spinning", () => {
    expect(addWorkingDays(never, "2026-11-02", 5)).toEqual({ start: "2026-11-02", finish: "2026-11-02" });
    expect(nextWorkingDay(never, "2026-11-02")).toBe("2026-11-02");
  });

  it("skips weekends and holidays", () => {
    expect(addWorkingDays(business, "2026-11-03", 3, holidayDates(business))).toEqual({ start: "2026-11-03", finish: "2026-11-06" });
  });

  it("stops at the end of the supported range of dates", () => {
    expect(addWorkingDays(business, "9999-12-01", 1_000_000).finish).toBe(MAX_DATE);
    expect(addWorkingDays(business, "2026-11-02", Number.POSITIVE_INFINITY).finish).toBe("2026-11-02");
  });
});
