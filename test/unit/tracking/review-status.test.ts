// tam status's post-incident review section: reviews to hold and open actions per owner, in every format.
import { describe, expect, it } from "vitest";
import { reviewStatus, type StatusReport } from "../../../src/domain/tracking/status.js";
import { zonedToEpoch } from "../../../src/domain/zone.js";
import { formatJson } from "../../../src/format/status/json.js";
import { formatMarkdown } from "../../../src/format/status/markdown.js";
import { formatTable } from "../../../src/format/status/table.js";
import type { Incident, Manifest } from "../../../src/model/files.js";

const ZONE = "Europe/Moscow";
const manifest = { format: 1, timezone: ZONE, sla: { P1: { response: "15m", resolution: "4h", calendar: "24x7", goal: 95 } } } as unknown as Manifest;
const base = {
  id: "",
  title: "Shop down",
  priority: "P1" as const,
  opened: "2026-11-02T10:00:00+03:00",
  responded: "2026-11-02T10:05:00+03:00",
  resolved: "2026-11-02T11:00:00+03:00",
  status: "resolved" as const,
};
const action = (id: string, owner: string, due: string, state: "open" | "done" = "open") => ({ id, text: `fix ${id}`, owner, side: "provider" as const, due, state });
const incidents: Incident[] = [
  { ...base, id: "INC-1", review: { held: "2026-11-03", actions: [action("A1", "unix", "2026-11-10"), action("A2", "Elena", "2026-11-30"), action("A3", "unix", "2026-11-05", "done")] } },
  { ...base, id: "INC-2", review: { held: "2026-11-03", actions: [action("A1", "unix", "2026-11-25")] } },
  { ...base, id: "INC-3", title: "VPN down" },
];
const today = "2026-11-20";
const input = { manifest, incidents, today, timezone: ZONE, now: zonedToEpoch(today, 23 * 60, ZONE) };

describe("tam status: post-incident reviews", () => {
  it("lists the open actions per owner, overdue first, and the reviews to hold", () => {
    const status = reviewStatus(input);
    expect(status.actions.map((o) => `${o.owner}: ${o.actions.map((a) => `${a.incident}/${a.id} +${a.overdueDays}`).join(", ")}`)).toEqual(["Elena: INC-1/A2 +0", "unix: INC-1/A1 +10, INC-2/A1 +0"]);
    // Resolved Monday 2026-11-02; 5 working days on the built-in Monday-Friday calendar: due Monday 2026-11-09.
    expect(status.due).toEqual([{ incident: "INC-3", title: "VPN down", reason: "a P1", resolvedOn: "2026-11-02", due: "2026-11-09", overdueDays: 11 }]);
    expect(reviewStatus({ ...input, department: "unix" }).actions.map((o) => o.owner)).toEqual(["unix"]);
    expect(reviewStatus({ ...input, department: "unix" }).due).toEqual([]);
  });

  it("prints the section in the table, markdown and JSON, even without open changes", () => {
    const report: StatusReport = { today, changes: [], readyByDepartment: [], departments: [], findings: [], reviews: reviewStatus(input) };
    const table = formatTable(report, { color: false, width: 200 });
    expect(table).toContain("no open changes");
    expect(table).toContain("Post-incident reviews");
    expect(table).toContain("INC-3 VPN down (a P1, resolved 2026-11-02): review due 2026-11-09, 11 days overdue");
    expect(table).toMatch(/ {4}unix:\n {6}INC-1\/A1 fix A1 \(provider side\): due 2026-11-10, 10 days overdue\n {6}INC-2\/A1 fix A1 \(provider side\): due 2026-11-25\n/);
    expect(formatMarkdown(report)).toContain("- unix: INC-1/A1 fix A1 (provider side): **due 2026-11-10, 10 days overdue**");
    expect(JSON.parse(formatJson(report)).reviews.actions[1].actions[0]).toEqual({ incident: "INC-1", id: "A1", text: "fix A1", owner: "unix", side: "provider", due: "2026-11-10", overdueDays: 10 });
    expect(formatTable({ ...report, reviews: { actions: [], due: [] } }, { color: false, width: 200 })).not.toContain("Post-incident reviews");
  });
});
