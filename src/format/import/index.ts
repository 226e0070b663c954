import type { FormatName } from "../names.js";
import type { Formatter } from "../registry.js";
import { formatImportJson } from "./json.js";
import { formatImportText } from "./text.js";
import type { ImportReport } from "../../app/import-incidents.js";

export const importFormatters: Record<FormatName<"import">, Formatter<ImportReport>> = {
  text: (report) => formatImportText(report),
  json: (report) => formatImportJson(report),
};
