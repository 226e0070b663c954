// The fast paths of timestamp parsing and zone offsets give exactly what the slow, obvious ways give.
import { describe, expect, it } from "vitest";
import { parseTimestamp } from "../../src/domain/dates.js";
import { dateInZone, wallClock, zoneOffsetMs } from "../../src/domain/zone.js";

function lcg(seed: number) {
  let state = seed >>> 0;
  return () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

describe("parseTimestamp", () => {
  it("agrees with Date.parse on valid timestamps with offsets and fractions", () => {
    const random = lcg(7);
    const pad = (n: number, w = 2) => String(n).padStart(w, "0");
    for (let i = 0; i < 2000; i++) {
      const year = i % 11 === 0 ? Math.floor(random() * 100) : i % 13 === 0 ? 1000 + Math.floor(random() * 9000) : 1990 + Math.floor(random() * 60);
      const month = 1 + Math.floor(random() * 12);
      const day = 1 + Math.floor(random() * 28);
      const offsetMinutes = Math.floor(random() * 28 * 4 - 14 * 4) * 15;
      const sign = offsetMinutes < 0 ? "-" : "+";
      const offset = i % 7 === 0 ? "Z" : `${sign}${pad(Math.floor(Math.abs(offsetMinutes) / 60))}:${pad(Math.abs(offsetMinutes) % 60)}`;
      const fraction = i % 3 === 0 ? `.${Math.floor(random() * 1e6)}` : "";
      const seconds = i % 5 === 0 ? "" : `:${pad(Math.floor(random() * 60))}${fraction}`;
      const text = `${pad(year, 4)}-${pad(month)}-${pad(day)}T${pad(Math.floor(random() * 24))}:${pad(Math.floor(random() * 60))}${seconds}${offset}`;
      // Years before 1000 are outside the supported range (dates.ts): not a timestamp tam reads.
      expect(parseTimestamp(text), text).toBe(year < 1000 ? Number.NaN : Date.parse(text));
    }
  });

  it("is NaN for what is not a valid timestamp with an offset", () => {
    for (const text of ["2026-02-30T10:00:00+03:00", "2026-10-05T24:61:00Z", "2026-10-05T10:00:00", "2026-10-05T10:00:00+15:00", "yesterday"]) expect(parseTimestamp(text), text).toBeNaN();
  });
});

describe("cached zone offsets", () => {
  const exact = (epoch: number, zone: string) => {
    const parts = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    }).formatToParts(new Date(epoch));
    const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
    return Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second")) - Math.floor(epoch / 1000) * 1000;
  };

  it("match Intl at every quarter hour around DST changes in Europe, the US, Australia and India", () => {
    const spans: [string, string][] = [
      ["Europe/Berlin", "2026-03-28T12:00:00Z"],
      ["Europe/Berlin", "2026-10-24T12:00:00Z"],
      ["America/New_York", "2026-03-07T12:00:00Z"],
      ["America/New_York", "2026-10-31T12:00:00Z"],
      ["Australia/Lord_Howe", "2026-04-04T00:00:00Z"],
      ["Asia/Kolkata", "2026-06-01T00:00:00Z"],
      ["Europe/Moscow", "2011-03-26T00:00:00Z"],
    ];
    for (const [zone, from] of spans) {
      const start = Date.parse(from);
      for (let t = start; t < start + 2 * 86_400_000; t += 15 * 60_000 + 7_000) {
        expect(zoneOffsetMs(t, zone), `${zone} ${new Date(t).toISOString()}`).toBe(exact(t, zone));
      }
    }
  });

  it("give the wall clock and the local date", () => {
    const t = Date.parse("2026-10-25T00:30:00Z"); // 02:30 CEST in Berlin, before the clocks go back
    expect(wallClock(t, "Europe/Berlin")).toEqual({ year: 2026, month: 10, day: 25, hour: 2, minute: 30, second: 0 });
    expect(dateInZone(Date.parse("2026-10-31T22:30:00Z"), "Europe/Moscow")).toBe("2026-11-01");
  });
});
