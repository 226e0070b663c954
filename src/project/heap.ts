// How far V8 lets the heap grow on a large project. Reading 100,000 incidents keeps about 120 MB
// of data alive while the parse allocates several times that in short-lived objects; V8's default
// growth (up to 4 × what survived the last full collection) then let `tam report` on the bench's
// L project peak at about 620 MiB with 230 MB live. Capping the growth at 1.25 × trades a few more
// full collections for a peak near the live data: on L, `report --audience internal` peaked at
// 533–539 MiB with a cap of 1.5 × and 431–444 MiB with 1.25 ×, at the same CPU time (4.5–4.6 s);
// validate and sla report moved by less than the noise.

/** Text size of a read (or of a streamed incident log) from which the heap's growth is capped. */
export const LARGE_READ_CHARS = 4_000_000;

let capped = false;

/** Caps the heap's growth for the rest of the process, once; small projects never reach here. */
export function capHeapGrowth(): void {
  if (capped) return;
  capped = true;
  // node:v8 loaded here: a small project never needs it (about 1 ms to load).
  process.getBuiltinModule("node:v8").setFlagsFromString("--heap-growing-percent=25");
}
