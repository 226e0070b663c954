// The zone offsets per UTC day that earlier runs of the CLI learned from Intl (src/domain/zone.ts),
// kept in the user's cache folder: a command whose days are all known then never starts ICU's date
// formats. One small file per zone and tz data, named by both: the offsets Intl gives depend on the
// zone rules Node ships (process.versions.tz, within ICU, process.versions.icu), so a file of other
// rules is never read, and without both versions nothing is kept. Like the code caches
// (src/launch.ts), a memo is only ever an optimisation: a missing, foreign, corrupt or unwritable
// file costs asking Intl and is never reported.
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { ZoneOffsetsRecall } from "../domain/zone.js";

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
const header = (zone: string, tzData: TzData) => `tam zone offsets 1 ${zone} ${versionsOf(tzData)}\n`;

/** The memo's text: one line per run of consecutive days with the same offset, `first-day count offset-ms` (`-` for a transition day). */
function zoneMemoText(zone: string, days: ReadonlyMap<number, number | null>, tzData: TzData): string {
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
  return `${header(zone, tzData)}${lines.join("\n")}\n`;
}

/** The days of a memo's text, or undefined when it is not one of `zone` under these rules, or not whole. */
function parseZoneMemo(text: string, zone: string, tzData: TzData): Map<number, number | null> | undefined {
  const head = header(zone, tzData);
  if (!text.startsWith(head) || !text.endsWith("\n")) return undefined;
  const days = new Map<number, number | null>();
  for (const line of text.slice(head.length, -1).split("\n")) {
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
  if (file === undefined) return undefined;
  try {
    return parseZoneMemo(readFileSync(file, "latin1"), zone, tzData);
  } catch {
    return undefined;
  }
}

/** Writes the memo of `zone` atomically (a concurrent run reads the old file or the new one). Never fails. */
export function writeZoneMemo(folder: string, zone: string, days: ReadonlyMap<number, number | null>, tzData: TzData): void {
  const file = zoneMemoFile(folder, zone, tzData);
  if (file === undefined || days.size > MAX_DAYS) return;
  try {
    mkdirSync(folder, { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, zoneMemoText(zone, days, tzData), "latin1");
    renameSync(temporary, file);
  } catch {
    // A read-only home, a full disk: the next run asks Intl again.
  }
}

/** Memos of other zone rules untouched this long are deleted when tam writes one (two installed Nodes keep theirs). */
const STALE_MS = 7 * 86_400_000;

/** Deletes the memos of other zone rules in `folder` not written for STALE_MS. Never fails. */
export function pruneZoneMemos(folder: string, tzData: TzData, now = Date.now()): void {
  const versions = versionsOf(tzData);
  if (versions === undefined) return;
  const current = `${PREFIX}${versions}-`;
  try {
    for (const name of readdirSync(folder)) {
      if (!name.startsWith(PREFIX) || name.startsWith(current)) continue;
      const path = join(folder, name);
      if (now - statSync(path).mtimeMs > STALE_MS) unlinkSync(path);
    }
  } catch {
    // Another tam pruning at the same time, a folder that went away: nothing to do.
  }
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
