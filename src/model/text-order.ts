// The order of names, ids and messages: what String#localeCompare gives (the user's locale), without
// building ICU's collator where code units give the same order. The collator's first use costs about
// as much as a read command's reading of a small project's files (docs/benchmarks.md, "Read commands
// on the example against node -e 0"), and most strings tam sorts are ids, dates and paths.
//
// Why code units agree there: in the root collation, which English uses untailored, printable ASCII
// has no contractions and nothing ignorable, and case is only a tie-breaker (a < A < b). Two strings
// of printable ASCII are then ordered by their first differing character, and for two of
// space - . / 0-9 a-z, or of space - . / 0-9 A-Z, the collation order of that character is the order
// of its code. Anything else (another locale, other characters, letters of different cases at the
// first difference) is compared by localeCompare.

let rootOrder: boolean | undefined;

/** Whether the default locale collates as the root collation: English or none (LANG empty). */
function defaultLocaleIsRoot(): boolean {
  // Plural rules carry the default locale as the collator would resolve it, without ICU's collation data.
  rootOrder ??= /^(?:en|und)(?:-|$)/.test(new Intl.PluralRules().resolvedOptions().locale);
  return rootOrder;
}

/** 1: space - . / or a digit; 2: a-z; 3: A-Z; 0: other printable ASCII; -1: not printable ASCII. */
function kind(code: number): number {
  if (code >= 97 && code <= 122) return 2;
  if (code >= 65 && code <= 90) return 3;
  if ((code >= 48 && code <= 57) || code === 32 || (code >= 45 && code <= 47)) return 1;
  return code > 32 && code < 127 ? 0 : -1;
}

function printableAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (kind(text.charCodeAt(i)) < 0) return false;
  return true;
}

/** a.localeCompare(b), by code units where that is the same order (see the top of this file). */
export function compareText(a: string, b: string): number {
  if (a === b) return 0;
  if (printableAscii(a) && printableAscii(b) && defaultLocaleIsRoot()) {
    const length = Math.min(a.length, b.length);
    let i = 0;
    while (i < length && a.charCodeAt(i) === b.charCodeAt(i)) i++;
    if (i === length) return a.length < b.length ? -1 : 1;
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    const kx = kind(x);
    const ky = kind(y);
    if (kx > 0 && ky > 0 && (kx === 1 || ky === 1 || kx === ky)) return x < y ? -1 : 1;
  }
  return a.localeCompare(b);
}
