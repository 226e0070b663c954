import type { FormatName } from "../names.js";
import type { Formatter } from "../registry.js";
import { formatJson } from "./json.js";
import { formatMarkdown } from "./markdown.js";
import { formatMermaid } from "./mermaid.js";
import { formatTable } from "./table.js";
import type { PlanReport } from "./types.js";

export type { PlanReport } from "./types.js";

export const planFormatters: Record<FormatName<"plan">, Formatter<PlanReport>> = {
  table: formatTable,
  markdown: (report) => formatMarkdown(report),
  json: (report) => formatJson(report),
  mermaid: (report) => formatMermaid(report),
};
