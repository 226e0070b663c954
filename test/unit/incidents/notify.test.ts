// Client updates during an incident: the notice (snapshots in markdown and text), the cadence, the record on
// the incident, and the open incidents overdue for an update.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { Output } from "../../../src/commands/context.js";
import { runIncidentNotify } from "../../../src/commands/incident-notify.js";
import { incidentNotice, updateCadence, updatesDue } from "../../../src/domain/incidents/notify.js";
import { parseTimestamp } from "../../../src/domain/dates.js";
import { incidentNoticeFormatters } from "../../../src/format/notice/incident.js";
import type { Incident, Manifest } from "../../../src/model/files.js";
import { loadProject } from "../../../src/project/load.js";
import { committedCopy, EXAMPLE, git, REPO } from "../../helpers/run.js";

process.env.GIT_AUTHOR_NAME = "Test Author";
process.env.GIT_AUTHOR_EMAIL = "author@example.com";
process.env.GIT_COMMITTER_NAME = "Test Author";
process.env.GIT_COMMITTER_EMAIL = "author@example.com";

const snapshot = (name: string) => join(REPO, "test/snapshots", name);
/** The notices are plain text or markdown: no colour, no terminal width. */
const PLAIN = { color: false };
const ZONE = "Europe/Moscow";
const at = (text: string) => parseTimestamp(text);

function sink(): Output & { text: () => string } {
  const lines: string[] = [];
  return { out: (t) => lines.push(t), err: (t) => lines.push(t), text: () => lines.join("\n") };
}

describe("tam incident notify", () => {
  const project = loadProject(EXAMPLE);
  const find = (id: string) => project.incidents.find((i) => i.id === id)!;
  const input = (incident: Incident, now: string) => ({ incident, manifest: project.manifest, components: project.components, departments: project.departments, now: at(now), timezone: ZONE });

  it("an open P2 waiting for the vendor, and a resolved P1, in markdown and text", async () => {
    const open = incidentNotice(input(find("INC-0056"), "2026-11-20T10:00:00+03:00"));
    expect(open).toMatchObject({ status: "in progress", previous: 3, next: "2026-11-20 12:00" });
    await expect(incidentNoticeFormatters.markdown(open, PLAIN)).toMatchFileSnapshot(snapshot("incident-notice-open.md"));
    await expect(incidentNoticeFormatters.text(open, PLAIN)).toMatchFileSnapshot(snapshot("incident-notice-open.txt"));
    const resolved = incidentNotice({ ...input(find("INC-0047"), "2026-11-07T12:00:00+03:00"), doing: "The disk was extended and the archive path is now monitored." });
    expect(resolved.next).toBeUndefined();
    await expect(incidentNoticeFormatters.markdown(resolved, PLAIN)).toMatchFileSnapshot(snapshot("incident-notice-resolved.md"));
    await expect(incidentNoticeFormatters.text(resolved, PLAIN)).toMatchFileSnapshot(snapshot("incident-notice-resolved.txt"));
  });

  it("the cadence: P1 30m and P2 2h by default, tam.yaml's updates replace the defaults", () => {
    expect([updateCadence(undefined, "P1"), updateCadence(undefined, "P2"), updateCadence(undefined, "P3")]).toEqual([30, 120, undefined]);
    const manifest = { updates: { P1: "15m", P3: "1d" } } as unknown as Manifest;
    expect([updateCadence(manifest, "P1"), updateCadence(manifest, "P2"), updateCadence(manifest, "P3")]).toEqual([15, undefined, 1440]);
    expect(updateCadence({ updates: {} } as unknown as Manifest, "toString" as never)).toBeUndefined();
  });

  it("lists open incidents past their promised update, by how much; a resolved one or one on time is not", () => {
    const opened = "2026-11-20T09:00:00+03:00";
    const p1: Incident = { id: "INC-1", title: "Shop down", priority: "P1", opened, status: "open" };
    const told: Incident = { ...p1, id: "INC-2", notices: [{ at: "2026-11-20T09:10:00+03:00", next: "2026-11-20T11:00:00+03:00" }] };
    const done: Incident = { ...p1, id: "INC-3", resolved: "2026-11-20T09:20:00+03:00", status: "resolved" };
    const p3: Incident = { ...p1, id: "INC-4", priority: "P3" };
    const due = updatesDue([p1, told, done, p3], undefined, at("2026-11-20T10:05:00+03:00"), ZONE);
    expect(due).toEqual([{ incident: "INC-1", title: "Shop down", priority: "P1", due: "2026-11-20 09:30", overdueBy: "35m" }]);
    expect(updatesDue([told], undefined, at("2026-11-20T12:00:00+03:00"), ZONE)).toEqual([
      { incident: "INC-2", title: "Shop down", priority: "P1", lastNotice: "2026-11-20 09:10", due: "2026-11-20 11:00", overdueBy: "1h" },
    ]);
  });

  it("records the update on the incident and commits it; --no-record writes nothing", async () => {
    const dir = committedCopy(EXAMPLE);
    const head = git(dir, ["rev-parse", "HEAD"]);
    const preview = sink();
    expect(await runIncidentNotify({ project: dir }, "INC-0056", { format: "text", record: false, asOf: "2026-11-20T10:00:00+03:00" }, preview)).toBe(0);
    expect(git(dir, ["rev-parse", "HEAD"])).toBe(head);
    const output = sink();
    expect(await runIncidentNotify({ project: dir }, "inc-0056", { format: "markdown", by: "Anna Volkova", asOf: "2026-11-20T10:00:00+03:00" }, output)).toBe(0);
    expect(output.text()).toMatch(/recorded the update in incidents\/2026-11\.yaml as a notice at 2026-11-20T10:00:00\+03:00, next due 2026-11-20T12:00:00\+03:00 \(commit [0-9a-f]+\)/);
    const incident = (parse(readFileSync(join(dir, "incidents/2026-11.yaml"), "utf8")).incidents as Incident[]).find((i) => i.id === "INC-0056")!;
    expect(incident.notices?.at(-1)).toEqual({ at: "2026-11-20T10:00:00+03:00", by: "Anna Volkova", next: "2026-11-20T12:00:00+03:00" });
    expect(git(dir, ["show", "--name-only", "--format=%s", "HEAD"]).trim().split("\n").filter(Boolean)).toEqual(["INC-0056: client update 2026-11-20T10:00:00+03:00", "incidents/2026-11.yaml"]);
    // The update is no longer overdue at 11:00; it is at 12:30.
    const later = loadProject(dir);
    expect(updatesDue(later.incidents, later.manifest, at("2026-11-20T11:00:00+03:00"), ZONE)).toEqual([]);
    expect(updatesDue(later.incidents, later.manifest, at("2026-11-20T12:30:00+03:00"), ZONE).map((u) => `${u.incident} ${u.overdueBy}`)).toEqual(["INC-0056 30m"]);
  });
});
