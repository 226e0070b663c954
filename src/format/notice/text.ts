// tam change notify as plain text, for the body of an e-mail.
import type { ClientNotice } from "../../domain/tracking/notice.js";
import { terminalSafe } from "../text.js";
import { noticeIntro, noticeSections, noticeTitle } from "./lines.js";

export function formatNoticeText(notice: ClientNotice): string {
  const title = noticeTitle(notice);
  const lines = [title, "=".repeat(title.length), "", ...noticeIntro(notice)];
  for (const section of noticeSections(notice)) lines.push("", `${section.heading}:`, ...section.items.map((i) => `  - ${i}`));
  if (notice.tam) lines.push("", "Best regards,", `${notice.tam}, Technical Account Manager${notice.project ? `, ${notice.project}` : ""}`);
  return `${lines.map(terminalSafe).join("\n")}\n`;
}
