// "Bad news does not improve with age": what tam says to the client when a promised date does not
// hold, instead of repeating the date.
import type { ChangeSchedule } from "./schedule.js";

/** Why the promise does not hold, said as such: a blocked step, a past date, a forecast after it. */
export function promiseNotKept(timing: ChangeSchedule, today: string): string | null {
  const promised = timing.promisedDate;
  // A block with no expected date leaves the date open; one expected to clear on a day is in the forecast (checked below).
  if (timing.dateOpen?.length) return `date open: a blocked step has no date yet; we will not make ${promised} as things stand (new date to agree)`;
  if (promised < today) return `we did not make ${promised}; new date to agree`;
  if (timing.finish > promised) return `we will not make ${promised} (forecast ${timing.finish}); new date to agree`;
  return null;
}
