// Durations as written in project files: "30m", "4h", "2d", "1w", "1d4h".

export interface DurationParts {
  weeks: number;
  days: number;
  hours: number;
  minutes: number;
}

const DURATION = /^(?:(\d+)w)?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?$/;

export function parseDuration(text: string): DurationParts | null {
  if (typeof text !== "string" || text.length < 2) return null;
  const match = DURATION.exec(text.trim());
  if (!match) return null;
  const [, w, d, h, m] = match;
  return { weeks: Number(w ?? 0), days: Number(d ?? 0), hours: Number(h ?? 0), minutes: Number(m ?? 0) };
}

/** Absolute length in minutes, a day being 24 hours and a week 7 days. */
export function durationMinutes(text: string): number | null {
  const parts = parseDuration(text);
  if (!parts) return null;
  return ((parts.weeks * 7 + parts.days) * 24 + parts.hours) * 60 + parts.minutes;
}

/** Length in whole days, rounding partial days up: used for review intervals and task estimates in days. */
export function durationDays(text: string): number | null {
  const minutes = durationMinutes(text);
  return minutes === null ? null : Math.ceil(minutes / (24 * 60));
}

/** "1d 4h 30m" style, for people. */
export function formatMinutes(total: number): string {
  const sign = total < 0 ? "-" : "";
  let rest = Math.round(Math.abs(total));
  const days = Math.floor(rest / 1440);
  rest -= days * 1440;
  const hours = Math.floor(rest / 60);
  const minutes = rest - hours * 60;
  const parts: string[] = [];
  if (days) parts.push(`${days}d`);
  if (hours) parts.push(`${hours}h`);
  if (minutes || parts.length === 0) parts.push(`${minutes}m`);
  return sign + parts.join(" ");
}
