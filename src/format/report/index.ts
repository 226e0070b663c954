import type { ClientReport } from "../../domain/report/types.js";
import type { FormatName } from "../names.js";
import type { Formatter } from "../registry.js";
import { formatReportHtml } from "./html.js";
import { formatReportMarkdown } from "./markdown.js";
import { jsonText } from "../text.js";

export const reportFormatters: Record<FormatName<"report">, Formatter<ClientReport>> = {
  markdown: formatReportMarkdown,
  html: formatReportHtml,
  json: (report) => jsonText(report),
};
