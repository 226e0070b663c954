// What tam rec and tam meeting share: each keeps a register (recommendations.yaml, meetings.yaml)
// that is listed as of a day and written one recorded fact at a time, each write one commit.
import { type Formatter, pickFormatter } from "../format/registry.js";
import { type GlobalOptions, type Output, plainOutput } from "./context.js";
import type { WriteFlags } from "./write-flags.js";

export interface RegisterListOptions {
  format: string;
  asOf?: string;
}

export interface RegisterWriteFlags extends WriteFlags {
  format: string;
  asOf?: string;
  commit: boolean;
}

/** Prints the register as of the day asked (default today). */
export function runRegisterList<R>(
  globals: GlobalOptions,
  options: RegisterListOptions,
  output: Output,
  formatters: Record<string, Formatter<R>>,
  list: (request: { project?: string; asOf?: string }) => R,
): number {
  const format = pickFormatter(formatters, options.format);
  output.out(format(list({ project: globals.project, asOf: options.asOf }), { color: false, width: process.stdout.columns }));
  return 0;
}

/**
 * Runs one write of a register and prints its one-line report (or its JSON). The use case takes the
 * command's options as they are, with the project and where its warnings go; the format is checked first,
 * so that a misspelt one writes nothing.
 */
export async function runRegisterWrite<O extends RegisterWriteFlags, R>(
  globals: GlobalOptions,
  options: O,
  output: Output,
  formatters: Record<string, Formatter<R>>,
  write: (request: O & { project?: string; warn: (text: string) => void }) => Promise<R>,
): Promise<number> {
  const format = pickFormatter(formatters, options.format);
  output.out(format(await write({ ...options, project: globals.project, warn: plainOutput(output).err }), { color: false }));
  return 0;
}
