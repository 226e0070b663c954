export { assessFreshness, ownedBy, DEFAULT_REVIEW_INTERVAL, DEFAULT_WARN_WITHIN } from "./assess.js";
export { coverageOf } from "./coverage.js";
export { doneTasksByComponent } from "./changes.js";
export * from "./types.js";
