// "Did you mean …" for misspelt keys, ids and enum values.
// Bounded work: a word longer than MAX_SUGGEST_LENGTH gets no suggestion (ids, keys and enum
// values are short; a multi-megabyte value is not a typo), and a candidate whose length differs
// by more than the allowed distance is skipped without computing anything. Each remaining
// comparison is O(|a|·|b|) with both at most MAX_SUGGEST_LENGTH, and stops as soon as the
// distance must exceed the limit: the whole search is O(candidates · 64²) at worst.

const MAX_SUGGEST_LENGTH = 64;

/** Levenshtein distance; with `limit`, any value above it may be returned as limit + 1. */
function editDistance(a: string, b: string, limit = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    let best = row[0];
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
      if (row[j]! < best) best = row[j]!;
    }
    if (best > limit) return limit + 1;
  }
  return row[b.length]!;
}

/** The closest candidate, if it is close enough to be a likely typo. */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  if (typeof word !== "string" || word.length > MAX_SUGGEST_LENGTH) return undefined;
  const allowed = Math.max(1, Math.floor(word.length / 3));
  let best: string | undefined;
  let bestDistance = Infinity;
  const lower = word.toLowerCase();
  for (const candidate of candidates) {
    // Candidates come from files that may not have passed validation: an id can be a number or a list.
    if (typeof candidate !== "string" || candidate.length > MAX_SUGGEST_LENGTH) continue;
    const distance = editDistance(lower, candidate.toLowerCase(), Math.min(allowed, bestDistance));
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best !== undefined && bestDistance <= allowed ? best : undefined;
}

export function didYouMean(word: string, candidates: Iterable<string>): string | undefined {
  const match = closest(word, candidates);
  return match === undefined ? undefined : `did you mean "${match}"?`;
}
