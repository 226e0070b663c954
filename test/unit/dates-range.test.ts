// The one date module: a documented range (years 1000-9999), arithmetic without Date.UTC.
import { describe, expect, it } from "vitest";
import { addDays, civilToDays, dateFromDayNumber, dateProblem, dayNumber, MAX_DATE, MIN_DATE, parseTimestamp, timestampProblem, weekdayIndex } from "../../src/domain/dates.js";

describe("dates", () => {
  it("agree with Date.UTC on every day of the supported range's ends and around 1970", () => {
    for (const start of ["1000-01-01", "1899-12-25", "1969-12-01", "2026-02-20", "2400-02-25", "9999-11-01"]) {
      for (let i = 0; i < 60; i++) {
        const date = addDays(start, i);
        const [y, m, d] = date.split("-").map(Number) as [number, number, number];
        const utc = new Date(0);
        utc.setUTCFullYear(y, m - 1, d);
        expect(dayNumber(date) * 86_400_000, date).toBe(utc.getTime());
        expect(dateFromDayNumber(dayNumber(date))).toBe(date);
        expect(weekdayIndex(date), date).toBe((utc.getUTCDay() + 6) % 7);
      }
    }
  });

  it("refuse dates and timestamps outside 1000-01-01 to 9999-12-31", () => {
    expect(dateProblem("0050-12-01")).toMatch(/outside the supported range of dates, 1000-01-01 to 9999-12-31/);
    expect(dateProblem("0999-12-31")).toMatch(/outside the supported range/);
    expect(dateProblem(MIN_DATE)).toBeNull();
    expect(dateProblem(MAX_DATE)).toBeNull();
    expect(timestampProblem("0001-10-02T10:00:00+03:00")?.message).toMatch(/outside the supported range/);
    expect(timestampProblem("1000-01-01T00:00:00Z")).toBeNull();
  });

  it("read years below 100 as themselves, not as 19xx (no Date.UTC)", () => {
    expect(civilToDays(50, 1, 1)).toBeLessThan(civilToDays(1000, 1, 1));
    expect(parseTimestamp("1000-01-01T00:00:00Z")).toBe(civilToDays(1000, 1, 1) * 86_400_000);
  });

  it("never compute a date outside the range", () => {
    expect(addDays(MAX_DATE, 1)).toBe(MAX_DATE);
    expect(addDays("9999-06-01", 10_000_000)).toBe(MAX_DATE);
    expect(addDays(MIN_DATE, -1)).toBe(MIN_DATE);
    expect(dateFromDayNumber(Number.POSITIVE_INFINITY)).toBe(MAX_DATE);
    expect(dateFromDayNumber(Number.NaN)).toBe(MIN_DATE);
  });
});
