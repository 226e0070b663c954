// Formatters are chosen by --format from a per-command registry.
import { UsageError } from "../errors.js";

export interface FormatOptions {
  color: boolean;
  /** Terminal width, when known. */
  width?: number;
}

export type Formatter<R> = (result: R, options: FormatOptions) => string;

export function pickFormatter<R>(registry: Record<string, Formatter<R>>, name: string): Formatter<R> {
  const formatter = Object.hasOwn(registry, name) ? registry[name] : undefined;
  if (!formatter) throw new UsageError(`unknown format "${name}": choose one of ${Object.keys(registry).join(", ")}`);
  return formatter;
}

export function useColor(explicit: boolean | undefined, stream: NodeJS.WriteStream = process.stdout): boolean {
  if (explicit === false) return false;
  if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== "") return false;
  if (process.env.FORCE_COLOR !== undefined && process.env.FORCE_COLOR !== "0") return true;
  return Boolean(stream.isTTY);
}
