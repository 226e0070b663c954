// The zone offsets per UTC day that earlier runs of the CLI learned from Intl (src/domain/zone.ts),
// kept in the user's cache folder: a command whose days are all known then never starts ICU's date
// formats. One small file per zone and tz data, named by both: the offsets Intl gives depend on the
// zone rules Node ships (process.versions.tz, within ICU, process.versions.icu), so a file of other
// rules is never read, and without both versions nothing is kept. Like the code caches
// (src/launch.ts), a memo is only ever an optimisation: a missing, foreign, corrupt or unwritable
// file costs asking Intl and is never reported (src/project/cache-file.ts).
import { join } from "node:path";
import type { ZoneOffsetsRecall } from "../domain/zone.js";
import { pruneCacheFiles, readCacheFile, writeCacheFile } from "./cache-file.js";

/** The versions of the zone rules Intl uses (process.versions). */
export interface TzData {
  tz?: string;
  icu?: string;
}

/** IANA names and the like: safe as part of a file name once `/` is replaced. */
const ZONE_NAME = /^[A-Za-z0-9_+-]{1,40}(?:\/[A-Za-z0-9_+-]{1,40}){0,3}$/;
const VERSION = /^[A-Za-z0-9._-]{1,20}$/;
const PREFIX = "tam-zone-offsets-";
/** More days than any file tam writes holds (a report over decades): a larger file is not read. */
const MAX_DAYS = 100_000;
/** No zone is a day away from UTC. */
const MAX_OFFSET_MS = 86_400_000;

function versionsOf(tzData: TzData): string | undefined {
  const { tz, icu } = tzData;
  return tz !== undefined && icu !== undefined && VERSION.test(tz) && VERSION.test(icu) ? `tz-${tz}-icu-${icu}` : undefined;
}

/** The memo file of `zone` under these zone rules, or undefined when none is kept. */
export function zoneMemoFile(folder: string, zone: string, tzData: TzData): string | undefined {
  const versions = versionsOf(tzData);
  return versions === undefined || !ZONE_NAME.test(zone) ? undefined : join(folder, `${PREFIX}${versions}-${zone.replaceAll("/", "~")}`);
}

/** First line of a memo: what it was made for, checked in full (two zones can share a file name on a case-insensitive disk). */
const header = (zone: string, tzData: TzData) => `tam zone offsets 1 ${zone} ${versionsOf(tzData)}`;

/** The memo's text after its header: one line per run of consecutive days with the same offset, `first-day count offset-ms` (`-` for a transition day). */
function zoneMemoText(days: ReadonlyMap<number, number | null>): string {
  const sorted = [...days.keys()].sort((a, b) => a - b);
  const lines: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    const first = sorted[i]!;
    const offset = days.get(first)!;
    let count = 1;
    while (i + count < sorted.length && sorted[i + count] === first + count && days.get(first + count) === offset) count++;
    lines.push(`${first} ${count} ${offset ?? "-"}`);
    i += count;
  }
  return `${lines.join("\n")}\n`;
}

/** The days of a memo's text after its header, or undefined when it is not whole. */
function parseZoneMemo(body: string): Map<number, number | null> | undefined {
  const days = new Map<number, number | null>();
  for (const line of body.slice(0, -1).split("\n")) {
    const match = /^(-?\d{1,7}) (\d{1,6}) (-?\d{1,8}|-)$/.exec(line);
    if (!match) return undefined;
    const first = Number(match[1]);
    const count = Number(match[2]);
    const offset = match[3] === "-" ? null : Number(match[3]);
    if (count < 1 || days.size + count > MAX_DAYS || (offset !== null && (Math.abs(offset) >= MAX_OFFSET_MS || offset % 1000 !== 0))) return undefined;
    for (let day = first; day < first + count; day++) days.set(day, offset);
  }
  return days;
}

/** The kept days of `zone`, or undefined (no file, another's, a corrupt one). Never fails. */
export function readZoneMemo(folder: string, zone: string, tzData: TzData): Map<number, number | null> | undefined {
  const file = zoneMemoFile(folder, zone, tzData);
  const body = file === undefined ? undefined : readCacheFile(file, header(zone, tzData));
  return body === undefined ? undefined : parseZoneMemo(body);
}

/** Writes the memo of `zone` atomically (a concurrent run reads the old file or the new one). Never fails. */
export function writeZoneMemo(folder: string, zone: string, days: ReadonlyMap<number, number | null>, tzData: TzData): void {
  const file = zoneMemoFile(folder, zone, tzData);
  if (file === undefined || days.size > MAX_DAYS) return;
  writeCacheFile(file, header(zone, tzData), zoneMemoText(days));
}

/** Deletes the memos of other zone rules in `folder` not written for a week (two installed Nodes keep theirs). Never fails. */
export function pruneZoneMemos(folder: string, tzData: TzData, now = Date.now()): void {
  const versions = versionsOf(tzData);
  if (versions === undefined) return;
  const current = `${PREFIX}${versions}-`;
  pruneCacheFiles(folder, PREFIX, (name) => name.startsWith(current), now);
}

/** The CLI's memo in `folder`: `recall` for src/domain/zone.ts, `keep` after the command writes what it learned. */
export function zoneMemo(folder: string, tzData: TzData = process.versions as TzData): { recall: ZoneOffsetsRecall; keep: (learned: ReadonlyMap<string, ReadonlyMap<number, number | null>>) => void } {
  return {
    recall: (zone) => readZoneMemo(folder, zone, tzData),
    keep: (learned) => {
      if (learned.size === 0) return;
      for (const [zone, days] of learned) writeZoneMemo(folder, zone, days, tzData);
      pruneZoneMemos(folder, tzData);
    },
  };
}
