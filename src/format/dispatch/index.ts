// Formats of tam change dispatch: jira-csv, servicenow-csv (each tool's CSV importer), json.
import type { DispatchResult } from "../../app/change-dispatch.js";
import type { FormatName } from "../names.js";
import type { Formatter } from "../registry.js";
import { jsonText } from "../text.js";
import { formatDispatchJira } from "./jira-csv.js";
import { formatDispatchServiceNow } from "./servicenow-csv.js";

export const dispatchFormatters: Record<FormatName<"dispatch">, Formatter<DispatchResult>> = {
  "jira-csv": formatDispatchJira,
  "servicenow-csv": formatDispatchServiceNow,
  json: (result) => jsonText({ version: 1, ...result }),
};
