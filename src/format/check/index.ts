// Formats of tam change check: text (default), json.
import type { ChangeCheckResult } from "../../app/change-check.js";
import type { FormatName } from "../names.js";
import type { Formatter } from "../registry.js";
import { jsonText } from "../text.js";
import { formatCheckText } from "./text.js";

export const checkFormatters: Record<FormatName<"check">, Formatter<ChangeCheckResult>> = {
  text: formatCheckText,
  json: (result) => jsonText({ version: 1, ...result }),
};
