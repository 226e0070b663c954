// Formats of tam task sync: text (one line per update and per finding), json.
import type { TaskSyncResult } from "../../app/task-sync.js";
import type { FormatName } from "../names.js";
import type { Formatter } from "../registry.js";
import { inlineSafe, jsonText } from "../text.js";

function formatSyncText(result: TaskSyncResult): string {
  const lines: string[] = [];
  for (const a of result.applied) {
    lines.push(`${a.change}/${a.task} ← ${a.ticket}: ${a.from} → ${a.to} by ${a.by} at ${a.at}`);
    if (a.forced) lines.push(`  forced (recorded in the task's history): ${a.forced}`);
    if (a.changeStatus) lines.push(`  ${a.change}: ${a.changeStatus.from} → ${a.changeStatus.to}`);
  }
  for (const f of result.findings) lines.push(`${f.where.length ? `${f.where.join(" ")} ` : ""}${f.severity} ${f.code} ${f.message}`);
  const errors = result.findings.filter((f) => f.severity === "error").length;
  lines.push(
    `${result.rows} row${result.rows === 1 ? "" : "s"}, ${result.tickets} ticket${result.tickets === 1 ? "" : "s"}: ${result.applied.length} update${result.applied.length === 1 ? "" : "s"} applied, ${result.unchanged} already recorded, ${result.ticketRecords} ticket record${result.ticketRecords === 1 ? "" : "s"} written${errors ? `, ${errors} not applied (see above)` : ""}`,
  );
  return lines.map(inlineSafe).join("\n");
}

export const syncFormatters: Record<FormatName<"sync">, Formatter<TaskSyncResult>> = {
  text: formatSyncText,
  json: (result) => {
    const { write, ...rest } = result;
    return jsonText({ version: 1, ...rest, ...(write ? { commit: write.commit ?? null, written: write.written } : {}) });
  },
};
