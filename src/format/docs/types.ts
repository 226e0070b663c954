// What the docs formatters render: the result of the checkDocs use case.
export { FAILING_STATES, type FailOn } from "../../domain/freshness/fail-on.js";
export type { CheckDocsResult as DocsCheckResult } from "../../app/check-docs.js";
