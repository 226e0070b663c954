// Timestamps as tam writes them: the project's wall clock with its offset, 2026-11-20T14:05:00+03:00.
import { wallClock, zoneOffsetMs } from "./zone.js";

export function formatTimestamp(epochMs: number, zone: string): string {
  const w = wallClock(epochMs, zone);
  const two = (n: number) => String(n).padStart(2, "0");
  const offset = Math.round(zoneOffsetMs(epochMs, zone) / 60_000);
  const sign = offset < 0 ? "-" : "+";
  const abs = Math.abs(offset);
  return `${String(w.year).padStart(4, "0")}-${two(w.month)}-${two(w.day)}T${two(w.hour)}:${two(w.minute)}:${two(w.second)}${sign}${two(Math.floor(abs / 60))}:${two(abs % 60)}`;
}
