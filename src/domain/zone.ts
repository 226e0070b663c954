// Time-zone arithmetic with Intl only (no dependence on the machine's TZ), on instants inside the
// supported range of dates.ts.
import { civilToDays, clampEpoch, DAY_MS, dayNumber, MIN_EPOCH } from "./dates.js";

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(zone, f);
  }
  return f;
}

/** The zone's offset at an instant, asked of Intl (slow: a formatToParts call). */
function exactOffsetMs(epochMs: number, zone: string): number {
  const w = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const part of formatter(zone).formatToParts(new Date(epochMs))) {
    if (part.type in w) (w as Record<string, number>)[part.type] = Number(part.value);
  }
  const asUtc = civilToDays(w.year, w.month, w.day) * DAY_MS + ((w.hour * 60 + w.minute) * 60 + w.second) * 1000;
  return asUtc - Math.floor(epochMs / 1000) * 1000;
}

/** Per zone and UTC day: the offset when it is the same at the day's start and end; null on a transition day. */
const offsetsByDay = new Map<string, Map<number, number | null>>();

/** The zones of which this process asked Intl about a day (a day no earlier run had kept). */
const learned = new Set<string>();

/** Per-day offsets of a zone as an earlier run learned them from Intl; undefined when none are kept. */
export type ZoneOffsetsRecall = (zone: string) => ReadonlyMap<number, number | null> | undefined;

let recall: ZoneOffsetsRecall | undefined;

/**
 * Where the per-day offsets of earlier runs come from, asked once per zone on its first use: the
 * CLI keeps them in the user's cache folder, because the first Intl.DateTimeFormat of a process
 * starts ICU's date formats, which a command whose days are all known then never pays. Set once, at
 * start; the library sets none.
 */
export function recallZoneOffsets(from: ZoneOffsetsRecall | undefined): void {
  recall = from;
}

/** Per zone this process asked Intl about: every day known of it, recalled or learned (what the CLI keeps for the next run). */
export function learnedZoneOffsets(): Map<string, ReadonlyMap<number, number | null>> {
  const out = new Map<string, ReadonlyMap<number, number | null>>();
  for (const zone of learned) out.set(zone, offsetsByDay.get(zone)!);
  return out;
}

/** The known days of a zone: those recalled from earlier runs on the zone's first use. */
function daysOf(zone: string): Map<number, number | null> {
  let byDay = offsetsByDay.get(zone);
  if (!byDay) {
    const recalled = recall?.(zone);
    offsetsByDay.set(zone, (byDay = new Map(recalled ?? [])));
  }
  return byDay;
}

/**
 * The zone's offset from UTC at an instant, in milliseconds (east positive). Reports over
 * 100,000 incidents ask this millions of times, so it is cached per UTC day: a day whose offset is
 * the same at its start and its end has no transition (zones change offset at most a few times a
 * year), and only transition days ask Intl for each instant.
 */
export function zoneOffsetMs(epochMs: number, zone: string): number {
  // Instants outside the supported range (dates.ts), an endless deadline among them, are read at its ends.
  epochMs = clampEpoch(epochMs);
  if (Number.isNaN(epochMs)) return 0;
  const byDay = daysOf(zone);
  const day = Math.floor(epochMs / DAY_MS);
  let offset = byDay.get(day);
  if (offset === undefined) {
    const start = exactOffsetMs(day * DAY_MS, zone);
    offset = start === exactOffsetMs(day * DAY_MS + DAY_MS - 1000, zone) ? start : null;
    byDay.set(day, offset);
    learned.add(zone);
  }
  return offset ?? exactOffsetMs(epochMs, zone);
}

/** Wall-clock fields of an instant in a zone. */
export function wallClock(epochMs: number, zone: string): { year: number; month: number; day: number; hour: number; minute: number; second: number } {
  epochMs = Number.isNaN(epochMs) ? MIN_EPOCH : clampEpoch(epochMs);
  const local = new Date(Math.floor(epochMs / 1000) * 1000 + zoneOffsetMs(epochMs, zone));
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    second: local.getUTCSeconds(),
  };
}

/**
 * The instant at which the zone's wall clock shows `date` `minutes` after midnight.
 * In a spring-forward gap the later offset is used (the time does not exist; we move past it);
 * in a fall-back overlap the first occurrence wins.
 */
export function zonedToEpoch(date: string, minutesOfDay: number, zone: string): number {
  const guess = dayNumber(date) * DAY_MS + minutesOfDay * 60_000;
  // The offsets a day before and a day after: any transition near this wall time lies between them.
  const before = zoneOffsetMs(guess - DAY_MS, zone);
  const after = zoneOffsetMs(guess + DAY_MS, zone);
  if (before === after) return guess - before;
  const valid = [guess - before, guess - after].filter((epoch) => zoneOffsetMs(epoch, zone) === guess - epoch);
  // Both readings exist in an overlap: the first occurrence. Neither exists in a gap: the later instant.
  return valid.length > 0 ? Math.min(...valid) : Math.max(guess - before, guess - after);
}

export function dateInZone(epochMs: number, zone: string): string {
  const w = wallClock(epochMs, zone);
  return `${String(w.year).padStart(4, "0")}-${String(w.month).padStart(2, "0")}-${String(w.day).padStart(2, "0")}`;
}

/** The canonical IANA zones, and UTC, which every implementation has (ECMA-402). */
let knownZones: Set<string> | undefined;

/** `zone` when Intl takes it as a time zone, else UTC: what tam computes with while validation reports a bad zone. */
export function zoneOrUtc(zone: unknown): string {
  return typeof zone === "string" && isValidTimeZone(zone) ? zone : "UTC";
}

/** Whether Intl takes `zone` as a time zone. */
export function isValidTimeZone(zone: string): boolean {
  // A zone whose offsets an earlier run kept under these zone rules (recallZoneOffsets) is one Intl
  // answered for: that spares listing Intl's zones. Most zones given are canonical: looking them up
  // spares the first Intl.DateTimeFormat (ICU's date formats), which `validate` would pay for this
  // check alone. Aliases (Asia/Calcutta, US/Eastern, …) and invalid names are decided by Intl.
  if (daysOf(zone).size > 0) return true;
  knownZones ??= new Set([...Intl.supportedValuesOf("timeZone"), "UTC"]);
  if (knownZones.has(zone)) return true;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
