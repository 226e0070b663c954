import type { FormatName } from "../names.js";
import type { Formatter } from "../registry.js";
import { formatGraphDot } from "./graph-dot.js";
import { formatGraphJson } from "./graph-json.js";
import { formatGraphMermaid } from "./graph-mermaid.js";
import { formatRisksJson } from "./risks-json.js";
import { formatRisksMarkdown } from "./risks-markdown.js";
import { formatRisksTable } from "./risks-table.js";
import type { GraphResult, RisksResult } from "./types.js";

export type { GraphResult, RisksResult } from "./types.js";

export const graphFormatters: Record<FormatName<"graph">, Formatter<GraphResult>> = {
  mermaid: (graph) => formatGraphMermaid(graph),
  dot: (graph) => formatGraphDot(graph),
  json: (graph) => formatGraphJson(graph),
};

export const risksFormatters: Record<FormatName<"risks">, Formatter<RisksResult>> = {
  table: formatRisksTable,
  markdown: (result) => formatRisksMarkdown(result),
  json: (result) => formatRisksJson(result),
};
