// Formatters are chosen by --format from a per-command registry.
import { UsageError } from "../errors.js";

export interface FormatOptions {
  color: boolean;
  /** Terminal width, when known. */
  width?: number;
  /** Every item in full rather than the compact, grouped view (where a formatter has one). */
  verbose?: boolean;
}

export type Formatter<R> = (result: R, options: FormatOptions) => string;

export function pickFormatter<R>(registry: Record<string, Formatter<R>>, name: string): Formatter<R> {
  const formatter = Object.hasOwn(registry, name) ? registry[name] : undefined;
  if (!formatter) throw new UsageError(`unknown format "${name}": choose one of ${Object.keys(registry).join(", ")}`);
  return formatter;
}

/**
 * Whether to colour, by the conventions chalk documents and no-color.org sets, strongest first:
 * `--no-color`; `FORCE_COLOR=0` or `false`; `NO_COLOR` set and not empty; `FORCE_COLOR=1|2|3|true`
 * (an empty FORCE_COLOR counts as unset); `TERM=dumb`; otherwise only on a terminal.
 */
export function useColor(explicit: boolean | undefined, stream: { isTTY?: boolean } = process.stdout, env: NodeJS.ProcessEnv = process.env): boolean {
  if (explicit === false) return false;
  const force = env.FORCE_COLOR?.trim().toLowerCase();
  if (force === "0" || force === "false") return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  if (force !== undefined && force !== "") return true;
  if (env.TERM === "dumb") return false;
  return Boolean(stream.isTTY);
}
