// The state of every document of the docs index, with all its reasons, and coverage.
import type { Department, DocEntry } from "../../model/files.js";
import { durationDays } from "../duration.js";
import { knownPeople } from "../validation/references.js";
import { doneTasksByComponent } from "./changes.js";
import { componentsBeingBuilt, coverageOf } from "./coverage.js";
import { brokenReasons, changeReasons, componentReasons, componentTimeline, fileReasons, intervalReasons, removedReasons } from "./reasons.js";
import { DOC_STATES, type DocFreshness, type DocState, type FreshnessInput, type FreshnessReport, type Reason, type ReasonSeverity } from "./types.js";
import { compareText } from "../../model/text-order.js";

const DEFAULT_REVIEW_INTERVAL = "180d";
const DEFAULT_WARN_WITHIN = "14d";

const SEVERITY_ORDER: ReasonSeverity[] = ["broken", "stale", "due", "note"];

function stateOf(reasons: readonly Reason[]): DocState {
  for (const severity of ["broken", "stale", "due"] as const) if (reasons.some((reason) => reason.severity === severity)) return severity;
  return "fresh";
}

function compareReasons(a: Reason, b: Reason): number {
  return SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) || compareText(a.date ?? "", b.date ?? "") || compareText(a.message, b.message);
}

/**
 * Whether `name` owns the doc: the owner itself, or a department named by id or by name.
 * ("Network group" and "network" both select the network department's docs.)
 */
function ownedBy(doc: DocEntry, name: string, departments: readonly Department[]): boolean {
  if (doc.owner === name) return true;
  return departments.some((department) => department.id === doc.owner && department.name === name);
}

export function assessFreshness(input: FreshnessInput, options: { owner?: string } = {}): FreshnessReport {
  const reviewInterval = input.manifest?.docs?.review_interval ?? DEFAULT_REVIEW_INTERVAL;
  const warnWithin = input.manifest?.docs?.warn_within ?? DEFAULT_WARN_WITHIN;
  const warnDays = durationDays(warnWithin) ?? 14;
  const owners = new Set([...input.departments.map((department) => department.id), ...knownPeople(input)]);
  const doneTasks = doneTasksByComponent(input.changes, input.timezone);
  const timeline = componentTimeline(input.git, input.today, input.timezone);
  const selected = options.owner === undefined ? input.docs : input.docs.filter((doc) => ownedBy(doc, options.owner!, input.departments));

  const docs = selected.map((doc): DocFreshness => {
    const location = input.locations.get(doc.location);
    const covers = [...new Set(doc.covers ?? [])];
    const interval = doc.review_interval ?? reviewInterval;
    const review = doc.last_review?.date;
    const { dueDate, reasons } = intervalReasons(review, interval, durationDays(interval) ?? 180, warnDays, input.today);
    reasons.push(...brokenReasons(doc, location, owners));
    if (input.git.available) reasons.push(...removedReasons(covers, timeline));
    if (review !== undefined) {
      reasons.push(...changeReasons(covers, review, input.today, doneTasks));
      if (input.git.available) {
        reasons.push(...componentReasons(covers, review, input.today, input.git, timeline));
        reasons.push(...fileReasons(doc.id, location, review, input.today, input.git, input.timezone));
      }
    }
    reasons.sort(compareReasons);
    return {
      id: doc.id,
      title: doc.title,
      owner: doc.owner,
      location: doc.location,
      external: location?.kind === "external",
      covers,
      lastReview: doc.last_review ?? null,
      interval,
      dueDate,
      state: stateOf(reasons),
      reasons,
      ...(input.sourceOf ? { source: input.sourceOf(doc) } : {}),
    };
  });
  docs.sort((a, b) => DOC_STATES.indexOf(a.state) - DOC_STATES.indexOf(b.state) || compareText(a.id, b.id));

  const counts = { fresh: 0, due: 0, stale: 0, broken: 0 } satisfies Record<DocState, number>;
  for (const doc of docs) counts[doc.state]++;
  return {
    today: input.today,
    history: { available: input.git.available, reason: input.git.available ? null : (input.git.unavailableReason ?? "no git history") },
    settings: { reviewInterval, warnWithin },
    docs,
    counts,
    coverage: coverageOf(input.components, input.docs, componentsBeingBuilt(input.changes)),
  };
}
