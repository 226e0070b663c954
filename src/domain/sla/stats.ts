// Summary statistics of durations: median, 90th percentile (nearest rank) and maximum.

export interface DurationStats {
  count: number;
  medianMs: number | null;
  p90Ms: number | null;
  maxMs: number | null;
}

/** Nearest-rank percentile of sorted values: the smallest value with at least p% of values at or below it. */
export function nearestRank(sorted: readonly number[], percent: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil((percent / 100) * sorted.length));
  return sorted[rank - 1]!;
}

export function durationStats(values: readonly number[]): DurationStats {
  const sorted = [...values].sort((a, b) => a - b);
  return { count: sorted.length, medianMs: nearestRank(sorted, 50), p90Ms: nearestRank(sorted, 90), maxMs: sorted.length ? sorted[sorted.length - 1]! : null };
}
