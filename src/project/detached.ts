// Data that outlives the file it was read from. V8 keeps a string cut from a longer one (13
// characters or more) as a pointer into it, so one timestamp kept from an incident file keeps the
// whole file's text alive (1.4 MB for a month of the bench's L project). A command streaming
// files copies what it keeps with this, so each file's text can go once the file is read.

/** A deep copy of plain data (objects, arrays, scalars) whose strings share no other string's memory. */
export function detached<T>(value: T): T {
  if (typeof value === "string") return (value.length < 13 ? value : ` ${value}`.slice(1)) as T;
  if (Array.isArray(value)) return value.map((item) => detached(item)) as T;
  if (value !== null && typeof value === "object") {
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) copy[key] = detached(item);
    return copy as T;
  }
  return value;
}
