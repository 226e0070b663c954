// Summary statistics of durations: median, 90th percentile and maximum.
// The median is the spreadsheet one (MEDIAN, pandas): the middle value, or for an even count the mean
// of the two middle values. p90 is the nearest-rank percentile: an actual duration, the smallest with
// at least 90% of the values at or below it (so "90% were handled within p90" holds literally).

export interface DurationStats {
  count: number;
  medianMs: number | null;
  p90Ms: number | null;
  maxMs: number | null;
}

/** Nearest-rank percentile of sorted values: the smallest value with at least p% of values at or below it. */
function nearestRank(sorted: readonly number[], percent: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil((percent / 100) * sorted.length));
  return sorted[rank - 1]!;
}

/** Median of sorted values: the middle one, or the mean of the two middle ones for an even count. */
function median(sorted: readonly number[]): number | null {
  if (sorted.length === 0) return null;
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function durationStats(values: readonly number[]): DurationStats {
  const sorted = [...values].sort((a, b) => a - b);
  return { count: sorted.length, medianMs: median(sorted), p90Ms: nearestRank(sorted, 90), maxMs: sorted.length ? sorted[sorted.length - 1]! : null };
}
