// tam change dispatch --format servicenow-csv: a file to load into an import set whose transform
// map (templates/dispatch/servicenow-change-task.yaml) writes change_task records; the columns are
// the target fields' names, so the transform map maps each to itself. correlation_id carries the
// task's reference: coalesce on it and a second dispatch updates the tickets instead of adding more.
import type { DispatchResult } from "../../app/change-dispatch.js";
import { csvRow } from "../csv-cell.js";

const SERVICENOW_COLUMNS = [
  "correlation_id",
  "correlation_display",
  "short_description",
  "description",
  "assignment_group",
  "planned_start_date",
  "planned_end_date",
  "u_tam_change",
  "u_blocked_by",
] as const;

export function formatDispatchServiceNow(result: DispatchResult): string {
  const rows = result.tickets.map((t) =>
    csvRow([t.ref, "tam", t.summary, t.description, t.queue.servicenow ?? "", t.start?.local ?? "", t.finish?.local ?? "", result.change.id, t.blockedBy.join(", ")]),
  );
  return `${[csvRow([...SERVICENOW_COLUMNS]), ...rows].join("\r\n")}\r\n`;
}
