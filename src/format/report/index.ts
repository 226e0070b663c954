import type { ClientReport } from "../../domain/report/types.js";
import type { Formatter } from "../registry.js";
import { formatReportMarkdown } from "./markdown.js";

export const reportFormatters: Record<string, Formatter<ClientReport>> = {
  markdown: formatReportMarkdown,
  json: (report) => `${JSON.stringify(report, null, 2)}\n`,
};
