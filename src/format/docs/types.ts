// What the docs formatters render: the result of the checkDocs use case.
export type { CheckDocsResult } from "../../app/check-docs.js";
