// Zone offsets from the process's own clock instead of Intl. The first Intl.DateTimeFormat loads
// ICU's date formats (docs/benchmarks.md, "Read commands on the example against node -e 0"), which
// a read command on a small project paid for its zone offsets alone. `Date` reads its local time
// from the same ICU time-zone data, for the zone named by TZ: with TZ set to a zone, a Date's local
// fields are that zone's wall clock. So each instant is read with TZ set to the zone and TZ is put
// back before the reader returns (synchronously: nothing else runs meanwhile, and a child process
// started later inherits the user's TZ, not this one).
//
// Only where it provably gives what Intl gives, else the domain asks Intl (src/domain/zone.ts):
// - canonical zone names of letters, '_', '-' and '/' with at least one '/': ICU takes TZ for a zone
//   name only without digits (Etc/GMT+3 would be the machine's zone) and checks names of 3-4
//   letters against the C library (EST, CET), and an unknown name would give the machine's zone;
// - not on Windows, where Node does not put the host's zone back when TZ is removed;
// - only if setting TZ works in this process, checked once with two zones (in a worker thread
//   process.env is a copy: setting TZ there changes nothing);
// - V8 caches the offsets it has read and infers offsets between them by its own rules: setting TZ
//   again before each read clears that cache, so each read is ICU's answer for that instant, as
//   Intl's is.
import { isCanonicalTimeZone } from "../domain/dates.js";
import type { ZoneOffsetReader } from "../domain/zone.js";

const ZONE_NAME = /^[A-Za-z]+(?:[_-][A-Za-z]+)*(?:\/[A-Za-z]+(?:[_-][A-Za-z]+)*)+$/;

/** Offsets of `zone` at whole-second instants, read from Date with TZ set; TZ is the user's again on return. */
function readWithTz(zone: string, instants: readonly number[]): number[] {
  const env = process.env;
  const saved = env.TZ;
  try {
    return instants.map((instant) => {
      env.TZ = zone; // again for each instant: clears V8's cache of offsets (see the top of this file)
      const local = new Date(instant);
      // Whole minutes (every offset since the 1970s): getTimezoneOffset is exact; else from the fields.
      if (local.getSeconds() === local.getUTCSeconds()) return 0 - local.getTimezoneOffset() * 60_000;
      return Date.UTC(local.getFullYear(), local.getMonth(), local.getDate(), local.getHours(), local.getMinutes(), local.getSeconds()) - instant;
    });
  } finally {
    if (saved === undefined) delete env.TZ;
    else env.TZ = saved;
  }
}

let works: boolean | undefined;

/** Whether setting TZ changes the zone of Date in this process: two zones, each at a known offset. */
function tzWorks(): boolean {
  const january2020 = Date.UTC(2020, 0, 1);
  return readWithTz("Asia/Tokyo", [january2020])[0] === 9 * 3_600_000 && readWithTz("America/New_York", [january2020])[0] === -5 * 3_600_000;
}

/** The reader for src/domain/zone.ts: undefined (ask Intl) for a zone or a process it cannot read exactly. */
export const processZoneOffsets: ZoneOffsetReader = (zone, instants) => {
  if (process.platform === "win32" || !ZONE_NAME.test(zone) || !isCanonicalTimeZone(zone)) return undefined;
  works ??= tzWorks();
  return works ? readWithTz(zone, instants) : undefined;
};
