// tam change notify as markdown, to paste into a ticket, a chat or an HTML mail.
import type { ClientNotice } from "../../domain/tracking/notice.js";
import { markdownEscape } from "../text.js";
import { noticeIntro, noticeSections, noticeTitle } from "./lines.js";

export function formatNoticeMarkdown(notice: ClientNotice): string {
  const lines = [`## ${markdownEscape(noticeTitle(notice))}`, "", ...noticeIntro(notice).map((l) => `${markdownEscape(l)}  `)];
  lines[lines.length - 1] = lines[lines.length - 1]!.trimEnd();
  for (const section of noticeSections(notice)) lines.push("", `### ${markdownEscape(section.heading)}`, "", ...section.items.map((i) => `- ${markdownEscape(i)}`));
  if (notice.tam) lines.push("", `${markdownEscape(notice.tam)}, Technical Account Manager${notice.project ? `, ${markdownEscape(notice.project)}` : ""}`);
  return `${lines.join("\n")}\n`;
}
