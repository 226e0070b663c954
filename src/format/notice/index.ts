// Formats of tam change notify: markdown (default), text (an e-mail body), json.
import type { ClientNotice } from "../../domain/tracking/notice.js";
import type { FormatName } from "../names.js";
import type { Formatter } from "../registry.js";
import { jsonText } from "../text.js";
import { formatNoticeMarkdown } from "./markdown.js";
import { formatNoticeText } from "./text.js";

export const noticeFormatters: Record<FormatName<"notice">, Formatter<ClientNotice>> = {
  markdown: formatNoticeMarkdown,
  text: formatNoticeText,
  json: (notice) => jsonText({ version: 1, ...notice }),
};
