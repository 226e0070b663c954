import type { Plan } from "../../domain/planner/index.js";

export interface PlanReport {
  plan: Plan;
  /** The change file, relative to the project root. */
  file: string;
  /** Whether the tasks were written to the file. */
  written: boolean;
  /** Short hash of the commit, when one was made. */
  commit?: string;
  /** --as-of date (the gantt's marker) and the project calendar's holidays (shaded in the gantt). */
  asOf: string;
  holidays?: string[];
  /** Whether a baseline was stored by this write. */
  baselineWritten?: boolean;
}
