import type { StatusReport } from "../../domain/tracking/status.js";
import type { FormatName } from "../names.js";
import type { Formatter } from "../registry.js";
import { formatJson } from "./json.js";
import { formatMarkdown } from "./markdown.js";
import { formatTable } from "./table.js";

export const statusFormatters: Record<FormatName<"status">, Formatter<StatusReport>> = {
  table: formatTable,
  json: (report) => formatJson(report),
  markdown: (report) => formatMarkdown(report),
};
