// tam change dispatch --format jira-csv: a file for Jira Cloud's CSV importer (one row per task).
// The header uses the importer's field names without punctuation; repeated columns (Labels, Blocked By)
// are how the importer takes several values. Issue Id numbers the rows so that "Blocked By" can
// name the ticket of a predecessor in the same file (map it to the link "Blocks").
import type { DispatchResult } from "../../app/change-dispatch.js";
import { csvRow } from "../csv-cell.js";

export function formatDispatchJira(result: DispatchResult): string {
  const ids = new Map(result.tickets.map((t, i) => [t.ref, String(i + 1)]));
  const labels = Math.max(1, ...result.tickets.map((t) => t.labels.length));
  const links = Math.max(1, ...result.tickets.map((t) => t.blockedBy.length));
  const header = ["Summary", "Issue Id", "Issue Type", "Project Key", "Description", "Due Date", ...Array(labels).fill("Labels"), ...Array(links).fill("Blocked By")];
  const pad = (values: string[], n: number) => [...values, ...Array(n - values.length).fill("")];
  const rows = result.tickets.map((t) =>
    csvRow([
      t.summary,
      ids.get(t.ref)!,
      "Task",
      t.queue.jira ?? "",
      t.description,
      t.finish?.date ?? "",
      ...pad(t.labels, labels),
      ...pad(
        t.blockedBy.map((ref) => ids.get(ref)!),
        links,
      ),
    ]),
  );
  return `${[csvRow(header), ...rows].join("\r\n")}\r\n`;
}
