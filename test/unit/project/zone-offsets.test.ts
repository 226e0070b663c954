// The zone offsets read from Date with TZ set are Intl's, and TZ is the user's again afterwards.
import { afterEach, describe, expect, it } from "vitest";
import { processZoneOffsets } from "../../../src/project/zone-offsets.js";

const formats = new Map<string, Intl.DateTimeFormat>();

/** The offset at an instant as src/domain/zone.ts asks Intl for it. */
function intlOffset(epoch: number, zone: string): number {
  let format = formats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", { timeZone: zone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" });
    formats.set(zone, format);
  }
  const parts = format.formatToParts(new Date(epoch));
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  const utc = new Date(0);
  utc.setUTCFullYear(get("year"), get("month") - 1, get("day"));
  utc.setUTCHours(get("hour"), get("minute"), get("second"));
  return utc.getTime() - epoch;
}

describe.skipIf(process.platform === "win32")("processZoneOffsets", () => {
  const saved = process.env.TZ;
  afterEach(() => {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  });

  it("gives Intl's offsets in zones with DST, odd offsets, a changed base offset and local mean time, at instants from 1000 to 9999", () => {
    // Intl's canonical name of a zone varies with ICU's version (Asia/Calcutta, Asia/Kolkata): both are listed, the canonical one is read.
    const canonical = new Set(Intl.supportedValuesOf("timeZone"));
    const zones = [
      "Europe/Moscow",
      "Europe/Berlin",
      "America/New_York",
      "America/Sao_Paulo",
      "Australia/Lord_Howe",
      "Asia/Kolkata",
      "Asia/Calcutta",
      "Asia/Kathmandu",
      "Asia/Katmandu",
      "Africa/Casablanca",
      "Pacific/Apia",
      "America/Argentina/Buenos_Aires",
      "America/Buenos_Aires",
      "Europe/Dublin",
    ].filter((zone) => canonical.has(zone));
    expect(zones.length).toBeGreaterThanOrEqual(11);
    const instants: number[] = [];
    for (let year = 1000; year <= 9999; year += year < 1850 ? 97 : year < 2040 ? 1 : 331) {
      const start = Date.UTC(2000, 0, 1) + (year - 2000) * 365.2425 * 86_400_000;
      for (let k = 0; k < 12; k++) instants.push(Math.floor((start + k * 30.5 * 86_400_000 + k * 3_601_000) / 1000) * 1000);
    }
    for (const zone of zones) {
      const got = processZoneOffsets(zone, instants);
      expect(got, zone).toBeDefined();
      instants.forEach((instant, i) => expect(got![i], `${zone} ${new Date(instant).toISOString()}`).toBe(intlOffset(instant, zone)));
    }
  });

  it("gives Intl's offsets every 15 minutes around transitions, two of them within a week (Noronha, 2000) or two (Vienna, 1945)", () => {
    const spans: [string, string, number][] = [
      ["America/Noronha", "2000-10-01T00:00:00Z", 20],
      ["Europe/Vienna", "1945-03-25T00:00:00Z", 25],
      ["Europe/Berlin", "2026-03-28T00:00:00Z", 3],
      ["America/New_York", "2026-10-31T00:00:00Z", 3],
      ["Africa/Casablanca", "2012-07-18T00:00:00Z", 40],
      ["Africa/Casablanca", "2013-07-05T00:00:00Z", 40],
      ["Europe/Moscow", "2011-03-25T00:00:00Z", 3],
      ["Europe/Moscow", "2014-10-24T00:00:00Z", 3],
    ];
    for (const [zone, from, days] of spans) {
      const start = Date.parse(from);
      const instants: number[] = [];
      for (let t = start; t < start + days * 86_400_000; t += 15 * 60_000) instants.push(t);
      const got = processZoneOffsets(zone, instants)!;
      instants.forEach((instant, i) => expect(got[i], `${zone} ${new Date(instant).toISOString()}`).toBe(intlOffset(instant, zone)));
    }
  });

  it("leaves the user's TZ as it was, set or not", () => {
    for (const tz of [undefined, "America/New_York", "", ":/etc/localtime"]) {
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
      const before = new Date(Date.UTC(2026, 0, 1)).getTimezoneOffset();
      expect(processZoneOffsets("Asia/Tokyo", [Date.UTC(2026, 0, 1)])).toEqual([9 * 3_600_000]);
      expect(process.env.TZ).toBe(tz);
      expect("TZ" in process.env).toBe(tz !== undefined);
      expect(new Date(Date.UTC(2026, 0, 1)).getTimezoneOffset()).toBe(before);
    }
  });

  it("leaves to Intl the zones whose names TZ does not read exactly: digits, short names, aliases, unknown names", () => {
    for (const zone of ["Etc/GMT+3", "UTC", "EST", "CET", "EST5EDT", "US/Eastern", "Europe/Nowhere", "Europe/Moscow ", "europe/moscow"]) expect(processZoneOffsets(zone, [0]), zone).toBeUndefined();
  });
});
