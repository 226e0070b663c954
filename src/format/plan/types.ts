import type { Plan } from "../../domain/planner/index.js";

export interface PlanReport {
  plan: Plan;
  /** The change file, relative to the project root. */
  file: string;
  /** Whether the tasks were written to the file. */
  written: boolean;
  /** Short hash of the commit, when one was made. */
  commit?: string;
}
