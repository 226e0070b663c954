// The per-day zone offsets a run learns from Intl, handed to a later run (src/domain/zone.ts): the
// later run answers exactly as Intl does, and asks Intl nothing on the days it was given.
import { createRequire } from "node:module";
import { describe, expect, it, vi } from "vitest";

type ZoneModule = typeof import("../../src/domain/zone.js");

/** zone.ts with none of its memo: a process of its own, as far as the memo goes. */
async function freshZone(): Promise<ZoneModule> {
  vi.resetModules();
  return await import("../../src/domain/zone.js");
}

const { countingDateFormats } = createRequire(import.meta.url)("../helpers/count-date-formats.cjs") as {
  countingDateFormats: (real: typeof Intl.DateTimeFormat, onMade: () => void) => typeof Intl.DateTimeFormat;
};

/** `run`'s result and how many Intl.DateTimeFormat it made. */
function formattersMade<T>(run: () => T): { value: T; made: number } {
  const real = Intl.DateTimeFormat;
  let made = 0;
  Intl.DateTimeFormat = countingDateFormats(real, () => made++);
  try {
    return { value: run(), made };
  } finally {
    Intl.DateTimeFormat = real;
  }
}

function lcg(seed: number) {
  let state = seed >>> 0;
  return () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

const DAY = 86_400_000;
// DST north and south, 30- and 45-minute offsets (Adelaide's with DST), UTC, and Moscow's changes of rules.
const ZONES = ["America/New_York", "Europe/Berlin", "Australia/Sydney", "Australia/Adelaide", "Asia/Kolkata", "Asia/Kathmandu", "UTC", "Europe/Moscow"];
// Transition days of those zones (each a plain day for the others): every 17 minutes and 7 seconds over two days.
const TRANSITIONS = ["2026-03-08", "2026-03-29", "2026-04-05", "2026-10-04", "2026-10-25", "2026-11-01", "2011-03-27", "2014-10-26", "1986-01-01"];

const instants = (() => {
  const random = lcg(27);
  const out: number[] = [];
  for (let i = 0; i < 400; i++) out.push(Date.UTC(1970 + Math.floor(random() * 70), 0, 1) + Math.floor(random() * 365 * DAY));
  for (const date of TRANSITIONS) for (let t = Date.parse(date) - DAY; t < Date.parse(date) + DAY; t += 17 * 60_000 + 7_000) out.push(t);
  return out;
})();

/** Everything zone.ts answers about `zone` at the instants, by the module given. */
function answers(zone: ZoneModule, name: string) {
  return instants.map((t) => {
    const date = new Date(t).toISOString().slice(0, 10);
    const minutes = Math.floor((t % DAY) / 60_000);
    return [zone.zoneOffsetMs(t, name), zone.wallClock(t, name), zone.dateInZone(t, name), zone.zonedToEpoch(date, minutes, name)];
  });
}

describe("zone offsets remembered across runs", () => {
  it("answer as Intl does, at every instant, for the days a run learned", async () => {
    const teacher = await freshZone();
    for (const zone of ZONES) answers(teacher, zone);
    const learned = teacher.learnedZoneOffsets();
    expect([...learned.keys()].sort()).toEqual([...ZONES].sort());
    // Transition days are remembered as such (null): the test covers them.
    expect([...learned.get("America/New_York")!.values()]).toContain(null);
    expect([...learned.get("Australia/Adelaide")!.values()]).toContain(null);
    expect([...learned.get("UTC")!.values()]).not.toContain(null);

    const plain = await freshZone();
    const student = await freshZone();
    const recalled: string[] = [];
    student.recallZoneOffsets((zone) => {
      recalled.push(zone);
      return learned.get(zone);
    });
    for (const zone of ZONES) {
      const { value, made } = formattersMade(() => answers(student, zone));
      expect(value, zone).toEqual(answers(plain, zone));
      // Only a transition day asks Intl, per instant.
      expect(made > 0, zone).toBe([...learned.get(zone)!.values()].includes(null));
    }
    expect(recalled).toEqual(ZONES);
    // Nothing new was learned: the CLI writes no file.
    expect(student.learnedZoneOffsets().size).toBe(0);
  });

  it("asks Intl nothing on a known day, and reports a zone with the days it learned beside those it was given", async () => {
    const teacher = await freshZone();
    const july = Date.parse("2026-07-15T10:00:00Z");
    teacher.zoneOffsetMs(july, "Europe/Berlin");
    const given = teacher.learnedZoneOffsets();
    const student = await freshZone();
    student.recallZoneOffsets((zone) => given.get(zone));
    expect(formattersMade(() => [student.zoneOffsetMs(july + 3_600_000, "Europe/Berlin"), student.dateInZone(july, "Europe/Berlin")])).toEqual({
      value: [7_200_000, "2026-07-15"],
      made: 0,
    });
    expect(student.learnedZoneOffsets().size).toBe(0);
    expect(formattersMade(() => student.zoneOffsetMs(july + 30 * DAY, "Europe/Berlin")).made).toBe(1);
    const july15 = Math.floor(july / DAY);
    expect([...student.learnedZoneOffsets()]).toEqual([
      [
        "Europe/Berlin",
        new Map([
          [july15, 7_200_000],
          [july15 + 30, 7_200_000],
        ]),
      ],
    ]);
  });

  it("asks the recall once per zone, and works without one (the library)", async () => {
    const zone = await freshZone();
    expect(zone.zoneOffsetMs(Date.parse("2026-01-15T00:00:00Z"), "Asia/Kolkata")).toBe(19_800_000);
    const student = await freshZone();
    let asked = 0;
    student.recallZoneOffsets(() => {
      asked++;
      return undefined;
    });
    for (const t of instants.slice(0, 50)) student.zoneOffsetMs(t, "Asia/Kolkata");
    expect(asked).toBe(1);
  });
});
