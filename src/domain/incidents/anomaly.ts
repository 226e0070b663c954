// Anomalies of an export: an incident that can be imported, but only after tam decided something
// (clamped a time, fell back to a default). Each says where (incident, CSV line) and what was done.

export const ANOMALY_KINDS = [
  "event-before-opened",
  "no-opened",
  "resolved-before-opened",
  "closed-before-resolved",
  "closed-without-resolution",
  "unknown-priority",
  "unknown-department",
  "unknown-component",
  "unknown-cause",
] as const;
export type AnomalyKind = (typeof ANOMALY_KINDS)[number];

export interface Anomaly {
  kind: AnomalyKind;
  externalId: string;
  /** CSV line of the row concerned (the line a text editor shows; a quoted cell may span several). */
  line: number;
  /** What is wrong and what was done about it. */
  message: string;
}

export type NoteAnomaly = (kind: AnomalyKind, line: number, message: string) => void;
