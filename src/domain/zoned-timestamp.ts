// Instants written the way project files hold them: local time of a zone with its offset.
import { wallClock, zoneOffsetMs } from "./zone.js";

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** "2026-10-05T09:30:00+03:00": the zone's wall clock and offset at that instant. */
export function formatZoned(epochMs: number, zone: string): string {
  const w = wallClock(epochMs, zone);
  const offsetMin = Math.round(zoneOffsetMs(epochMs, zone) / 60_000);
  const sign = offsetMin < 0 ? "-" : "+";
  const abs = Math.abs(offsetMin);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** "2026-10-05 09:30", for people. */
export function formatZonedShort(epochMs: number, zone: string): string {
  return formatZoned(epochMs, zone).slice(0, 16).replace("T", " ");
}
