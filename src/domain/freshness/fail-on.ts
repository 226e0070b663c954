// `--fail-on` of tam docs check: which document states make the check fail.
import type { DocState } from "./types.js";

export type FailOn = "stale" | "due" | "never";

/** Which states make `tam docs check` exit 1. */
export const FAILING_STATES: Record<FailOn, readonly DocState[]> = {
  stale: ["stale", "broken"],
  due: ["due", "stale", "broken"],
  never: [],
};
