// A later export's edits on an incidents file: only the edited keys change; comments and the other
// incidents stay byte for byte.
import { describe, expect, it } from "vitest";
import { planReimport } from "../../../src/domain/incidents/reimport.js";
import { applyImportEdits, applyImportUpdates } from "../../../src/project/incident-files.js";
import type { Incident } from "../../../src/model/files.js";

const text = `# yaml-language-server: $schema=../schemas/incidents.schema.json
incidents:
  - id: INC-0001
    external_id: SD-1
    title: Shop 502 # renamed by the TAM
    priority: P2
    opened: 2026-11-02T09:00:00+03:00
    responded: 2026-11-02T09:10:00+03:00
    resolved: 2026-11-02T11:00:00+03:00
    pauses:
      - from: 2026-11-02T10:00:00+03:00
        to: 2026-11-02T10:30:00+03:00
        reason: client
        note: waiting for the restart approval
    cause:
      category: capacity # checked with the DBA
    status: resolved

  # the other incident
  - id: INC-0002
    external_id: SD-2
    title: other
    priority: P4
    opened: 2026-11-03T09:00:00+03:00
    status: open
`;

describe("applyImportEdits", () => {
  it("a reopening: removes the resolution, extends the pause keeping its note, keeps title, cause and comments", () => {
    const existing: Incident = {
      id: "INC-0001",
      external_id: "SD-1",
      title: "Shop 502",
      priority: "P2",
      opened: "2026-11-02T09:00:00+03:00",
      responded: "2026-11-02T09:10:00+03:00",
      resolved: "2026-11-02T11:00:00+03:00",
      pauses: [{ from: "2026-11-02T10:00:00+03:00", to: "2026-11-02T10:30:00+03:00", reason: "client", note: "waiting for the restart approval" }],
      cause: { category: "capacity" },
      status: "resolved",
    };
    const imported = {
      external_id: "SD-1",
      title: "Shop returns 502",
      priority: "P1" as const,
      opened: "2026-11-02T06:00:00Z",
      responded: "2026-11-02T09:10:00+03:00",
      pauses: [{ from: "2026-11-02T10:00:00+03:00", to: "2026-11-02T10:45:00+03:00", reason: "client" as const }],
      status: "responded" as const,
    };
    const update = planReimport(existing, imported)!;
    // 06:00Z is 09:00+03:00: the same instant, not an edit.
    expect(update.edits.map((e) => e.key)).toEqual(["priority", "resolved", "pauses", "status"]);
    const after = applyImportEdits(text, 0, update.edits);
    expect(after).toBe(
      text
        .replace("    priority: P2\n", "    priority: P1\n")
        .replace("    resolved: 2026-11-02T11:00:00+03:00\n", "")
        .replace("to: 2026-11-02T10:30:00+03:00", "to: 2026-11-02T10:45:00+03:00")
        .replace("    status: resolved\n", "    status: responded\n"),
    );
  });

  it("many incidents of a file, each edited as its own small document, give what one-by-one edits give", () => {
    const updates = [
      {
        index: 1,
        edits: [
          { key: "resolved" as const, value: "2026-11-03T12:00:00+03:00" },
          { key: "status" as const, value: "resolved" },
        ],
      },
      { index: 0, edits: [{ key: "resolved" as const }, { key: "status" as const, value: "responded" }] },
    ];
    const oneByOne = updates.reduce((t, u) => applyImportEdits(t, u.index, u.edits), text);
    expect(applyImportUpdates(text, updates)).toBe(oneByOne);
    expect(oneByOne).toContain("  # the other incident\n  - id: INC-0002");
    expect(oneByOne.endsWith("    resolved: 2026-11-03T12:00:00+03:00\n    status: resolved\n")).toBe(true);
  });

  it("nothing to change is no update", () => {
    const existing: Incident = { id: "INC-0002", external_id: "SD-2", title: "other", priority: "P4", opened: "2026-11-03T09:00:00+03:00", status: "open" };
    expect(planReimport(existing, { external_id: "SD-2", title: "renamed", priority: "P4", opened: "2026-11-03T09:00:00+03:00", status: "open" })).toBeNull();
  });
});
