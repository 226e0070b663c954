// Inputs and results of documentation freshness. Git facts arrive already read
// (src/project/history.ts); this area only reasons about them.
import type { Location } from "../../model/issues.js";
import type { Change, Component, Criticality, DateText, Department, DocEntry, DocReview, Manifest } from "../../model/files.js";

/** One commit as git reported it. */
export interface CommitFact {
  hash: string;
  /** Author time, epoch milliseconds. */
  time: number;
  author: string;
  subject: string;
}

/** One component's value in one version of architecture.yaml, without its id. */
export interface ComponentValue {
  /** Canonical JSON of the value (keys sorted): equal text means equal meaning. */
  content: string;
  value: Record<string, unknown>;
}

export interface ComponentRename {
  from: string;
  to: string;
}

/** What one commit did to the components, compared by meaning (parsed values, not lines). */
export interface ComponentCommit {
  commit: CommitFact;
  changed: string[];
  added: string[];
  removed: string[];
  renamed: ComponentRename[];
}

export interface GitFacts {
  available: boolean;
  /** Why history is missing: "not a git repository", "shallow clone", ... */
  unavailableReason?: string;
  /**
   * The commits that changed, added, removed or renamed components (commits that only
   * reformatted, reordered or added architecture.yaml itself are not here), in any order.
   */
  componentCommits: readonly ComponentCommit[];
  /** Components whose value in the working tree differs from HEAD's (not committed yet). */
  uncommitted: readonly string[];
  /** Project-relative file path → the commits that touched it, newest first. */
  files: ReadonlyMap<string, readonly CommitFact[]>;
}

/** Where a doc's location points, as the file system saw it. */
export type LocationFact = { kind: "external" } | { kind: "file"; path: string; exists: boolean } | { kind: "outside"; path: string };

export interface FreshnessInput {
  today: DateText;
  timezone: string;
  manifest: Manifest | undefined;
  departments: Department[];
  components: Component[];
  changes: Change[];
  docs: DocEntry[];
  /** doc.location → what it points at. */
  locations: ReadonlyMap<string, LocationFact>;
  git: GitFacts;
  /** Where each doc is written in docs.yaml, for annotations. */
  sourceOf?(doc: DocEntry): Location;
}

export type DocState = "fresh" | "due" | "stale" | "broken";
export const DOC_STATES: DocState[] = ["broken", "stale", "due", "fresh"];

export type ReasonSeverity = "broken" | "stale" | "due" | "note";

export type ReasonCode =
  | "path-missing"
  | "path-outside"
  | "owner-unknown"
  | "never-reviewed"
  | "interval-passed"
  | "review-due"
  | "component-changed"
  | "component-removed"
  | "component-renamed"
  | "change-task-done"
  | "file-changed"
  | "uncommitted-edits";

/** A commit as printed: short hash and the date in the project's zone. */
export interface CommitRef {
  hash: string;
  short: string;
  date: DateText;
  author: string;
  subject: string;
}

export interface Reason {
  severity: ReasonSeverity;
  code: ReasonCode;
  /** One line for people; built here so that every format says the same thing. */
  message: string;
  date?: DateText;
  days?: number;
  components?: string[];
  commit?: CommitRef;
  /** component-renamed: the id the component has now. */
  renamedTo?: string;
  change?: string;
  tasks?: { id: string; done: DateText }[];
}

export interface DocFreshness {
  id: string;
  title: string;
  owner: string;
  location: string;
  external: boolean;
  covers: string[];
  lastReview: DocReview | null;
  interval: string;
  /** When the next review falls due; null without a review. */
  dueDate: DateText | null;
  state: DocState;
  reasons: Reason[];
  source?: Location;
}

export interface UncoveredComponent {
  id: string;
  name: string;
  criticality: Criticality | null;
}

export interface Coverage {
  /** Components no doc covers, most critical first. */
  uncovered: UncoveredComponent[];
  /** Covers entries naming components that do not exist. */
  unknown: { doc: string; component: string }[];
}

export interface FreshnessReport {
  today: DateText;
  history: { available: boolean; reason: string | null };
  settings: { reviewInterval: string; warnWithin: string };
  docs: DocFreshness[];
  counts: Record<DocState, number>;
  coverage: Coverage;
}
