// What every command needs: the project, the clock, the output sink.
import { UsageError } from "../errors.js";
import { resolveClock, type Clock } from "../domain/clock.js";
import { isValidTimeZone } from "../domain/dates.js";
import { findProjectRoot } from "../project/discover.js";
import { loadProject, type LoadPart, type Project } from "../project/load.js";

export interface GlobalOptions {
  project?: string;
  debug?: boolean;
  color?: boolean;
}

export interface Output {
  out(text: string): void;
  err(text: string): void;
}

export const processOutput: Output = {
  out: (text) => process.stdout.write(text.endsWith("\n") || text === "" ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith("\n") || text === "" ? text : `${text}\n`),
};

export function openProject(options: GlobalOptions, parts?: LoadPart[]): Project {
  return loadProject(findProjectRoot(options.project), parts);
}

export function clockFor(project: Project | undefined, asOf: string | undefined): Clock {
  const zone = typeof project?.manifest?.timezone === "string" ? project.manifest.timezone : "UTC";
  // A bad zone in tam.yaml is reported by validation; the clock falls back to UTC meanwhile.
  const clock = resolveClock(asOf, isValidTimeZone(zone) ? zone : "UTC", Date.now());
  if (typeof clock === "string") throw new UsageError(clock);
  return clock;
}
