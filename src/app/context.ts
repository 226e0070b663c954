// What every use case needs: the project read from disk, and the clock (`--as-of` or now).
import { UsageError } from "../errors.js";
import { resolveClock, type Clock } from "../domain/clock.js";
import { isValidTimeZone } from "../domain/dates.js";
import { findProjectRoot } from "../project/discover.js";
import { loadProject, type LoadOptions, type LoadPart, type Project } from "../project/load.js";

/** Options every use case takes: where the project is (default: the nearest folder upward with tam.yaml). */
export interface ProjectOptions {
  project?: string;
}

/** Options of use cases that depend on the date: `asOf` as the user wrote it, `now` injectable for tests and scripts. */
export interface ClockOptions {
  asOf?: string;
  now?: number;
}

export function openProject(options: ProjectOptions, parts?: LoadPart[], load?: LoadOptions): Project {
  return loadProject(findProjectRoot(options.project), parts, load);
}

export function clockFor(project: Project | undefined, asOf: string | undefined, now: number = Date.now()): Clock {
  const zone = typeof project?.manifest?.timezone === "string" ? project.manifest.timezone : "UTC";
  // A bad zone in tam.yaml is reported by validation; the clock falls back to UTC meanwhile.
  const clock = resolveClock(asOf, isValidTimeZone(zone) ? zone : "UTC", now);
  if (typeof clock === "string") throw new UsageError(clock);
  return clock;
}
