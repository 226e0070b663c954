// One pluralisation for every sentence tam writes: "1 incident", "2 incidents", "1 breach", "0 breaches".
// No "(s)": a client reads the report, and "1 breach(es)" reads as a tool talking.

/** Nouns whose plural is not the regular one (regular: +s, +es after s/x/z/ch/sh, consonant+y -> ies). */
const IRREGULAR: Record<string, string> = {
  person: "people",
  child: "children",
  criterion: "criteria",
};

/** The plural of an English noun (only the last word changes: "open incident" -> "open incidents"). */
export function pluralOf(singular: string): string {
  const match = /^(.*?)([A-Za-z]+)$/.exec(singular);
  if (!match) return singular;
  const [, head, word] = match as unknown as [string, string, string];
  const irregular = IRREGULAR[word.toLowerCase()];
  if (irregular) return head + irregular;
  if (/(s|x|z|ch|sh)$/i.test(word)) return `${head}${word}es`;
  if (/[^aeiou]y$/i.test(word)) return `${head}${word.slice(0, -1)}ies`;
  return `${head}${word}s`;
}

/** The noun for `count` of it, without the number: plural(1, "day") = "day", plural(3, "day") = "days". */
export function plural(count: number, singular: string, pluralForm?: string): string {
  return count === 1 ? singular : (pluralForm ?? pluralOf(singular));
}

/** The count and the noun: count(1, "breach") = "1 breach", count(0, "breach") = "0 breaches". */
export function count(n: number, singular: string, pluralForm?: string): string {
  return `${n} ${plural(n, singular, pluralForm)}`;
}
