// What every command needs: the project, the clock, the output sink.
import { UsageError } from "../errors.js";
import { safeForTerminal } from "../format/text.js";
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

const line = (text: string) => safeForTerminal(text.endsWith("\n") || text === "" ? text : `${text}\n`);

/** stdout and stderr, through the output-safety sink (format/text.ts): no raw control or bidi character gets out. */
export const processOutput: Output = {
  out: (text) => process.stdout.write(line(text)),
  err: (text) => process.stderr.write(line(text)),
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
