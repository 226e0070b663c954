// Checks of answers typed at a wizard's prompt, each with a message that says what to type.
// `true` when fine, else the message (inquirer's validate convention).
import { dateProblem } from "./dates.js";
import { isValidTimeZone } from "./zone.js";
import { closest } from "../util/suggest.js";

export function nonEmpty(what: string): (answer: string) => true | string {
  return (answer) => answer.trim() !== "" || `${what} is needed`;
}

export function optionalEmail(answer: string): true | string {
  const text = answer.trim();
  return text === "" || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text) || `"${text}" is not an e-mail address (name@example.com), or leave it empty`;
}

export function optionalDate(answer: string): true | string {
  const text = answer.trim();
  return text === "" || !dateProblem(text) || `${dateProblem(text)} (YYYY-MM-DD, or leave it empty)`;
}

/** An IANA zone like "Europe/Moscow" which a city alone ("Moscow", "new york") is taken to mean. */
function timeZoneSuggestion(answer: string, zones: readonly string[] = supportedZones()): string | undefined {
  const wanted = answer.trim().replace(/\s+/g, "_").toLowerCase();
  if (!wanted) return undefined;
  const byCity = zones.filter((zone) => zone.split("/").at(-1)!.toLowerCase() === wanted);
  if (byCity.length === 1) return byCity[0];
  const exact = zones.find((zone) => zone.toLowerCase() === wanted);
  if (exact) return exact;
  return (
    closest(wanted, zones) ??
    (() => {
      const city = closest(
        wanted,
        zones.map((zone) => zone.split("/").at(-1)!),
      );
      return city === undefined ? undefined : zones.find((zone) => zone.endsWith(`/${city}`));
    })()
  );
}

export function timeZone(answer: string): true | string {
  const text = answer.trim();
  if (isValidTimeZone(text)) return true;
  const guess = timeZoneSuggestion(text);
  return `"${text}" is not an IANA time zone${guess ? `: did you mean ${guess}?` : " (e.g. Europe/Moscow, America/New_York, UTC)"}`;
}

/** A new id: the schema's pattern, and not one of `taken`. */
export function newId(taken: readonly string[]): (answer: string) => true | string {
  return (answer) => {
    const id = answer.trim();
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(id)) return `"${id}" is not an id: letters, digits, ".", "_" and "-", starting with a letter or digit`;
    if (taken.includes(id)) return `${id} already exists`;
    return true;
  };
}

function supportedZones(): string[] {
  const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] };
  return [...(intl.supportedValuesOf?.("timeZone") ?? []), "UTC"];
}
