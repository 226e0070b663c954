// --format choices of `tam sla report`.
import type { SlaReport } from "../../domain/sla/report.js";
import type { FormatName } from "../names.js";
import type { Formatter } from "../registry.js";
import { formatCsv } from "./csv.js";
import { formatJson } from "./json.js";
import { formatMarkdown } from "./markdown.js";
import { formatTable } from "./table.js";
import { formatText } from "./text.js";

export const slaFormatters: Record<FormatName<"sla">, Formatter<SlaReport>> = {
  table: formatTable,
  markdown: formatMarkdown,
  json: formatJson,
  csv: formatCsv,
  text: formatText,
};
