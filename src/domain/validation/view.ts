// What the validation rules read: the parsed project and a way to locate values.
import type { Issue, Location, PathSegment, Severity } from "../../model/issues.js";
import type { Change, Component, Department, DocEntry, Incident, Manifest, Meeting, RecommendationEntry } from "../../model/files.js";

export type { PathSegment };

export interface ProjectView {
  manifest: Manifest | undefined;
  departments: Department[];
  components: Component[];
  changes: Change[];
  incidents: Incident[];
  docs: DocEntry[];
  /** recommendations.yaml, when read. */
  recommendations?: RecommendationEntry[];
  /** meetings.yaml, when read. */
  meetings?: Meeting[];
  where(entity: object, ...field: PathSegment[]): Location;
  /** File an entity was read from (for file-name checks). */
  fileOf?(entity: object): string | undefined;
  /**
   * Kinds of ids ("department", "component", "calendar") whose file could not be read:
   * references to them are not checked, so one broken file gives one finding, not a cascade.
   */
  unavailable?: ReadonlySet<string>;
}

export function issueAt(view: ProjectView, severity: Severity, code: string, message: string, entity: object, ...field: PathSegment[]): Issue {
  return { severity, code, message, ...view.where(entity, ...field) };
}

/** The value when it is a list, else an empty one: rules run on data that may have failed its schema. */
export function list<T>(value: readonly T[] | undefined | null): T[] {
  return Array.isArray(value) ? (value as T[]) : [];
}

/**
 * A list of mappings, with any item that is not a mapping (null, text: a file that failed its schema)
 * read as an empty one, so positions stay right and no rule dereferences null (fuzz run, seed 424747).
 */
export function items<T extends object>(value: readonly T[] | undefined | null): T[] {
  return Array.isArray(value) ? value.map((item) => (item !== null && typeof item === "object" && !Array.isArray(item) ? item : ({} as T))) : [];
}

/** The value when it is a mapping, else an empty one. */
export function record<T>(value: Partial<Record<string, T>> | undefined | null): Record<string, T> {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, T>) : {};
}
