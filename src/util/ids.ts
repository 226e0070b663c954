// Ids typed on the command line are matched ignoring case (`tam change plan chg-0003`), the way
// people type them; the project's own spelling is used from then on (messages, commits).

/** The id as the project spells it: the exact match, else the only one equal ignoring case. */
export function canonicalId(given: string, known: readonly string[]): string | undefined {
  if (known.includes(given)) return given;
  const folded = given.toLowerCase();
  const matches = [...new Set(known.filter((id) => id.toLowerCase() === folded))];
  return matches.length === 1 ? matches[0] : undefined;
}
