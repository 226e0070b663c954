// Durations as written in project files: "30m", "4h", "2d", "1w", "1d4h".

export interface DurationParts {
  weeks: number;
  days: number;
  hours: number;
  minutes: number;
}

const DURATION = /^(?:(\d+)w)?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?$/;

/**
 * The longest duration tam reads: ten years (3660 days), the span its calendar searches cover.
 * A longer one is a finding (duration-out-of-range); the functions below read it as no duration,
 * so no schedule or deadline runs off past the supported range of dates.
 */
export const MAX_DURATION_DAYS = 3660;
const MAX_DURATION_MINUTES = MAX_DURATION_DAYS * 24 * 60;

/** Why a duration text is too long, or null (also for text that is not a duration: the schema reports that). */
export function durationProblem(text: unknown): string | null {
  if (typeof text !== "string") return null;
  const parts = readDuration(text);
  if (!parts) return null;
  return totalMinutes(parts) > MAX_DURATION_MINUTES ? `"${text}" is longer than the supported ${MAX_DURATION_DAYS} days (ten years)` : null;
}

function totalMinutes(parts: DurationParts): number {
  return ((parts.weeks * 7 + parts.days) * 24 + parts.hours) * 60 + parts.minutes;
}

/** The parts of a duration within the supported length, or null. */
export function parseDuration(text: string): DurationParts | null {
  const parts = readDuration(text);
  return parts && totalMinutes(parts) <= MAX_DURATION_MINUTES ? parts : null;
}

function readDuration(text: string): DurationParts | null {
  if (typeof text !== "string" || text.length < 2) return null;
  const match = DURATION.exec(text.trim());
  if (!match) return null;
  const [, w, d, h, m] = match;
  return { weeks: Number(w ?? 0), days: Number(d ?? 0), hours: Number(h ?? 0), minutes: Number(m ?? 0) };
}

/** Absolute length in minutes, a day being 24 hours and a week 7 days. */
export function durationMinutes(text: string): number | null {
  const parts = parseDuration(text);
  return parts ? totalMinutes(parts) : null;
}

/** Length in whole days, rounding partial days up: used for review intervals and task estimates in days. */
export function durationDays(text: string): number | null {
  const minutes = durationMinutes(text);
  return minutes === null ? null : Math.ceil(minutes / (24 * 60));
}
