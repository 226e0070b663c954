import type { Plan, Proposal } from "../../domain/planner/index.js";

export interface PlanReport {
  /** The plan shown: the written one when the change's tasks are written, else the proposal (see planToShow). */
  plan: Plan;
  /** What re-planning would change, when the change's tasks are written and it would change one. */
  proposal?: Proposal;
  /** The change file, relative to the project root. */
  file: string;
  /** Whether this run stored the tasks in the file (--write). */
  stored: boolean;
  /** Short hash of the commit, when one was made. */
  commit?: string;
  /** --as-of date (the gantt's marker) and the project calendar's holidays (shaded in the gantt). */
  asOf: string;
  holidays?: string[];
  /** Whether a baseline was stored by this write. */
  baselineWritten?: boolean;
}
