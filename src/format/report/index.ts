import type { ClientReport } from "../../domain/report/types.js";
import type { Formatter } from "../registry.js";
import { formatReportHtml } from "./html.js";
import { formatReportMarkdown } from "./markdown.js";
import { jsonText } from "../text.js";

export const reportFormatters: Record<string, Formatter<ClientReport>> = {
  markdown: formatReportMarkdown,
  html: formatReportHtml,
  json: (report) => jsonText(report),
};
