// tam rec: the register as a table or JSON, and the one-line report of each write.
import type { RecListResult, RecWriteResult } from "../../app/recommendation.js";
import type { RecordLine } from "../../domain/recommendations/register.js";
import { committedNote } from "../committed-note.js";
import type { FormatName } from "../names.js";
import type { Formatter } from "../registry.js";
import { fittedTable } from "../table-width.js";
import { inlineSafe, jsonText, terminalSafe } from "../text.js";

/** One recommendation in the JSON outputs (version 1, documented in docs/commands/rec.md). */
function recordJson(line: RecordLine) {
  return { ...line };
}

export const recFormatters: Record<FormatName<"rec">, Formatter<RecListResult>> = {
  table: (result, options) => {
    if (!result.recommendations.length) return `No recommendations on record as of ${result.asOf} (add one with \`tam rec add\`).\n`;
    const rows = result.recommendations.map((r) => [r.recommendation, terminalSafe(r.risk ?? `proposal by ${r.author}`), terminalSafe(r.title), terminalSafe(r.text)]);
    return `${fittedTable(["id", "origin", "recommendation", "on record"], rows, Math.max(options.width ?? 120, 80))}\nas of ${result.asOf}\n`;
  },
  json: (result) => jsonText({ version: 1, asOf: result.asOf, recommendations: result.recommendations.map(recordJson) }),
};

const DONE: Record<RecWriteResult["action"], string> = { add: "Added", present: "Recorded as presented", accept: "Recorded as accepted", decline: "Recorded as declined" };

export const recWriteFormatters: Record<FormatName<"recWrite">, Formatter<RecWriteResult>> = {
  text: (result) => inlineSafe(`${DONE[result.action]} ${result.recommendation.recommendation} in ${result.file}: ${result.recommendation.text}${committedNote(result, " (not committed)")}.`),
  json: (result) => jsonText({ version: 1, action: result.action, file: result.file, written: result.written, commit: result.commit ?? null, recommendation: recordJson(result.recommendation) }),
};
