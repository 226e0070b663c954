// Working-time arithmetic (the clock of SLA targets and plans), with answers worked out by hand. Every case runs under several
// process time zones: Node applies a change of process.env.TZ at once (checked below),
// so a stray use of local time would change the answers.
import { afterAll, describe, expect, it } from "vitest";
import { makeWorkClock } from "../../src/domain/work-clock.js";
import type { Calendar } from "../../src/model/files.js";

const H = 3_600_000;
const M = 60_000;
const at = (text: string) => Date.parse(text);
const clock = (calendar: Calendar | undefined, zone: string) => makeWorkClock({ name: "test", calendar, zone });
const workingMs = (calendar: Calendar | undefined, zone: string, from: number, to: number) => clock(calendar, zone).between(from, to);
const addWorkingMs = (calendar: Calendar | undefined, zone: string, from: number, ms: number) => clock(calendar, zone).add(from, ms);
const weekdays = (range: string) => ({ mon: [range], tue: [range], wed: [range], thu: [range], fri: [range] });
const allDays = (range: string) => ({ ...weekdays(range), sat: [range], sun: [range] });

const moscow: Calendar = { timezone: "Europe/Moscow", hours: weekdays("09:00-18:00"), holidays: [{ date: "2026-11-04", name: "National Unity Day" }] };
const berlinOffice: Calendar = { timezone: "Europe/Berlin", hours: weekdays("09:00-18:00") };
const berlinAllDay: Calendar = { timezone: "Europe/Berlin", hours: allDays("00:00-24:00") };
const berlinNight: Calendar = { timezone: "Europe/Berlin", hours: { sun: ["01:00-04:00"] } };
const newYorkAllDay: Calendar = { timezone: "America/New_York", hours: allDays("00:00-24:00") };
const newYorkOffice: Calendar = { timezone: "America/New_York", hours: weekdays("09:00-17:00") };

const originalTz = process.env.TZ;
afterAll(() => {
  if (originalTz === undefined) delete process.env.TZ;
  else process.env.TZ = originalTz;
});

for (const tz of ["UTC", "Europe/Moscow", "America/New_York", "Asia/Kolkata"]) {
  describe(`working time with TZ=${tz}`, () => {
    it("really runs in that process zone", () => {
      process.env.TZ = tz;
      const expected = { UTC: 0, "Europe/Moscow": -180, "America/New_York": 300, "Asia/Kolkata": -330 }[tz];
      expect(new Date(2026, 0, 15).getTimezoneOffset()).toBe(expected);
    });

    it("a Friday 17:50 start has 10 minutes on Friday, the rest on Monday", () => {
      process.env.TZ = tz;
      const friday = at("2026-10-02T17:50:00+03:00");
      expect(addWorkingMs(moscow, "UTC", friday, 15 * M)).toBe(at("2026-10-05T09:05:00+03:00"));
      expect(addWorkingMs(moscow, "UTC", friday, 4 * H)).toBe(at("2026-10-05T12:50:00+03:00"));
      expect(workingMs(moscow, "UTC", friday, at("2026-10-05T09:05:00+03:00"))).toBe(15 * M);
      expect(workingMs(moscow, "UTC", friday, at("2026-10-04T23:00:00+03:00"))).toBe(10 * M);
    });

    it("a holiday does not count", () => {
      process.env.TZ = tz;
      // Tue 17:00 -> 1h on Tuesday, Wednesday 4 Nov is off, 9h Thursday, 6h Friday.
      expect(addWorkingMs(moscow, "UTC", at("2026-11-03T17:00:00+03:00"), 16 * H)).toBe(at("2026-11-06T15:00:00+03:00"));
      expect(workingMs(moscow, "UTC", at("2026-11-04T00:00:00+03:00"), at("2026-11-05T00:00:00+03:00"))).toBe(0);
    });

    it("Europe: the spring-forward Sunday has 23 hours, the fall-back Sunday 25", () => {
      process.env.TZ = tz;
      expect(workingMs(berlinAllDay, "UTC", at("2026-03-28T12:00:00+01:00"), at("2026-03-30T12:00:00+02:00"))).toBe(47 * H);
      expect(workingMs(berlinAllDay, "UTC", at("2026-10-24T12:00:00+02:00"), at("2026-10-26T12:00:00+01:00"))).toBe(49 * H);
      // 01:00-04:00 on the change night: 02:00-03:00 does not exist in March and happens twice in October.
      expect(workingMs(berlinNight, "UTC", at("2026-03-28T00:00:00Z"), at("2026-03-30T00:00:00Z"))).toBe(2 * H);
      expect(workingMs(berlinNight, "UTC", at("2026-10-24T00:00:00Z"), at("2026-10-26T00:00:00Z"))).toBe(4 * H);
    });

    it("Europe: office hours on both sides of the change keep their local times", () => {
      process.env.TZ = tz;
      // Fri 17:30 CET + 1h: 30m on Friday, then Monday 09:00 CEST (07:00Z) + 30m.
      expect(addWorkingMs(berlinOffice, "UTC", at("2026-03-27T17:30:00+01:00"), H)).toBe(at("2026-03-30T07:30:00Z"));
      expect(addWorkingMs(berlinOffice, "UTC", at("2026-10-23T17:30:00+02:00"), H)).toBe(at("2026-10-26T08:30:00Z"));
      expect(workingMs(berlinOffice, "UTC", at("2026-03-27T17:00:00+01:00"), at("2026-03-30T10:00:00+02:00"))).toBe(2 * H);
    });

    it("US: 2026-03-08 has 23 hours and 2026-11-01 has 25 in New York", () => {
      process.env.TZ = tz;
      expect(workingMs(newYorkAllDay, "UTC", at("2026-03-07T00:00:00-05:00"), at("2026-03-09T00:00:00-04:00"))).toBe(47 * H);
      expect(workingMs(newYorkAllDay, "UTC", at("2026-10-31T00:00:00-04:00"), at("2026-11-02T00:00:00-05:00"))).toBe(49 * H);
      // Fri 16:00 EST + 2h working: 1h Friday, Monday 09:00 EDT (13:00Z) + 1h.
      expect(addWorkingMs(newYorkOffice, "UTC", at("2026-03-06T16:00:00-05:00"), 2 * H)).toBe(at("2026-03-09T14:00:00Z"));
      expect(addWorkingMs(newYorkOffice, "UTC", at("2026-10-30T16:00:00-04:00"), 2 * H)).toBe(at("2026-11-02T15:00:00Z"));
    });

    it("24x7 and the default zone", () => {
      process.env.TZ = tz;
      expect(workingMs(undefined, "Europe/Berlin", at("2026-03-28T12:00:00Z"), at("2026-03-30T12:00:00Z"))).toBe(48 * H);
      expect(addWorkingMs({ description: "no hours" }, "UTC", at("2026-03-28T12:00:00Z"), 5 * H)).toBe(at("2026-03-28T17:00:00Z"));
      // A calendar without its own zone uses the one given (the project's).
      const noZone: Calendar = { hours: weekdays("09:00-18:00") };
      expect(workingMs(noZone, "Asia/Tokyo", at("2026-10-05T00:00:00Z"), at("2026-10-05T23:59:00Z"))).toBe(9 * H);
      expect(workingMs(noZone, "Asia/Tokyo", at("2026-10-05T00:00:00Z"), at("2026-10-05T03:00:00Z"))).toBe(3 * H);
    });

    it("nothing for an empty interval, minus for a reversed one, Infinity for a calendar that never works", () => {
      process.env.TZ = tz;
      expect(workingMs(moscow, "UTC", at("2026-10-05T12:00:00Z"), at("2026-10-05T12:00:00Z"))).toBe(0);
      expect(workingMs(moscow, "UTC", at("2026-10-05T12:00:00Z"), at("2026-10-05T11:00:00Z"))).toBe(-H);
      expect(workingMs(undefined, "UTC", at("2026-10-05T12:00:00Z"), at("2026-10-05T11:00:00Z"))).toBe(-H);
      expect(addWorkingMs({ hours: {} }, "UTC", at("2026-10-05T12:00:00Z"), H)).toBe(Number.POSITIVE_INFINITY);
      expect(addWorkingMs(moscow, "UTC", at("2026-10-04T12:00:00Z"), 0)).toBe(at("2026-10-04T12:00:00Z"));
    });
  });
}

describe("one clock for SLA targets and plans", () => {
  it("a day and a week are the calendar's working day and week; on 24x7 24 hours and 7 days", () => {
    expect([clock(moscow, "UTC").dayMs, clock(moscow, "UTC").weekMs]).toEqual([9 * H, 45 * H]);
    expect([clock(berlinNight, "UTC").dayMs, clock(berlinNight, "UTC").weekMs]).toEqual([3 * H, 3 * H]);
    expect([clock(undefined, "UTC").dayMs, clock(undefined, "UTC").weekMs]).toEqual([24 * H, 168 * H]);
    expect([clock({ hours: {} }, "UTC").dayMs, clock({ hours: {} }, "UTC").weekMs]).toEqual([24 * H, 0]);
  });

  it("a calendar with no working time answers at once, never spinning", () => {
    const never = clock({ hours: { mon: [] } }, "UTC");
    const t = at("2026-11-02T12:00:00Z");
    expect(never.next(t)).toBe(Number.POSITIVE_INFINITY);
    expect(never.add(t, H)).toBe(Number.POSITIVE_INFINITY);
    expect(never.subtract(t, H)).toBe(Number.NEGATIVE_INFINITY);
    expect(never.between(t, t + 100 * 24 * H)).toBe(0);
  });

  it("a window adds working time and a blackout takes it away, on any calendar", () => {
    // Saturday 22:00 to Sunday 04:00 Moscow is working time on a Monday-to-Friday calendar.
    const window: [number, number] = [at("2026-10-03T22:00:00+03:00"), at("2026-10-04T04:00:00+03:00")];
    const withWindow = makeWorkClock({ name: "w", calendar: moscow, zone: "UTC", extra: [window] });
    expect(withWindow.between(at("2026-10-03T00:00:00+03:00"), at("2026-10-05T00:00:00+03:00"))).toBe(6 * H);
    expect(withWindow.next(at("2026-10-03T12:00:00+03:00"))).toBe(window[0]);
    expect(withWindow.add(window[0], 7 * H)).toBe(at("2026-10-05T10:00:00+03:00"));
    expect(withWindow.subtract(at("2026-10-05T10:00:00+03:00"), 7 * H)).toBe(window[0]);
    // A blackout over Monday morning on 24x7: the clock skips it.
    const blackout: [number, number] = [at("2026-10-05T00:00:00Z"), at("2026-10-05T06:00:00Z")];
    const dark = makeWorkClock({ name: "b", calendar: undefined, zone: "UTC", blackouts: [blackout] });
    expect(dark.add(at("2026-10-04T23:00:00Z"), 2 * H)).toBe(at("2026-10-05T07:00:00Z"));
    expect(dark.between(at("2026-10-04T00:00:00Z"), at("2026-10-06T00:00:00Z"))).toBe(42 * H);
  });

  it("a span longer than the longest search counts its last ten years", () => {
    const always = clock(undefined, "UTC");
    const office = clock(moscow, "UTC");
    const from = at("1500-01-01T00:00:00Z");
    const to = at("2026-10-05T00:00:00Z");
    const tenYears = to - 3660 * 24 * H;
    expect(always.between(from, to)).toBe(3660 * 24 * H);
    expect(office.between(from, to)).toBe(office.between(tenYears, to));
  });
});
