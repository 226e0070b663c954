import type { FormatName } from "../names.js";
import type { Formatter } from "../registry.js";
import { formatGithub } from "./github.js";
import { formatJson } from "./json.js";
import { formatMarkdown } from "./markdown.js";
import { formatTable } from "./table.js";
import type { CheckDocsResult } from "./types.js";

export const docsFormatters: Record<FormatName<"docs">, Formatter<CheckDocsResult>> = {
  table: formatTable,
  markdown: (result) => formatMarkdown(result),
  json: (result) => formatJson(result),
  github: (result) => formatGithub(result),
};
