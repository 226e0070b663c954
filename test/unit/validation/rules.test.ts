import { describe, expect, it } from "vitest";
import { validateProject, type ProjectView } from "../../../src/domain/validation/index.js";
import type { Change, Component, Department, Incident, Manifest } from "../../../src/model/files.js";

/** A view whose locator names the entity's id and field path instead of a file position. */
function view(parts: Partial<ProjectView>): ProjectView {
  return {
    manifest: { format: 1, client: { name: "C" }, project: { id: "p", name: "P" }, tam: { name: "T" }, timezone: "UTC" } as Manifest,
    departments: [{ id: "network", name: "Network", owns: ["vlan", "firewall"] }] as Department[],
    components: [],
    changes: [],
    incidents: [],
    docs: [],
    where: (entity, ...field) => ({ file: `${(entity as { id?: string }).id ?? "manifest"}`, line: field.length, col: 1, path: field.join(".") }) as never,
    ...parts,
  };
}

const codes = (v: ProjectView) => validateProject(v).map((i) => i.code);

describe("cross-file validation", () => {
  it("accepts a consistent project", () => {
    const components: Component[] = [
      { id: "fw", name: "FW", kind: "firewall" },
      { id: "vlan", name: "VLAN", kind: "vlan", depends_on: ["fw"] },
    ];
    expect(validateProject(view({ components }))).toEqual([]);
  });

  it("finds dangling references with a did-you-mean", () => {
    const components: Component[] = [
      { id: "core-fw", name: "FW", kind: "firewall" },
      { id: "vlan", name: "VLAN", kind: "vlan", depends_on: ["core-fx"], department: "netwrok" },
    ];
    const issues = validateProject(view({ components }));
    expect(issues.map((i) => i.message)).toEqual(expect.arrayContaining(['unknown component "core-fx": did you mean "core-fw"?', 'unknown department "netwrok": did you mean "network"?']));
  });

  it("reports a dependency cycle once, as a path starting at its smallest id", () => {
    const components: Component[] = [
      { id: "c", name: "C", kind: "vlan", depends_on: ["a"] },
      { id: "a", name: "A", kind: "vlan", depends_on: ["b"] },
      { id: "b", name: "B", kind: "vlan", depends_on: ["c"] },
    ];
    const cycles = validateProject(view({ components })).filter((i) => i.code === "dependency-cycle");
    expect(cycles).toHaveLength(1);
    expect(cycles[0]!.message).toMatch(/^dependency cycle a → b → c → a: a → b \(a:2\); b → c \(b:2\); c → a \(c:2\)$/);
  });

  it("finds duplicate ids and components no department owns", () => {
    const components: Component[] = [
      { id: "x", name: "X", kind: "vlan" },
      { id: "x", name: "X2", kind: "quantum-computer" },
    ];
    expect(codes(view({ components }))).toEqual(expect.arrayContaining(["duplicate-id", "no-owner"]));
  });

  it("checks dates, offsets and the order of incident times", () => {
    const incidents = [
      {
        id: "INC-1",
        title: "t",
        priority: "P1",
        opened: "2026-10-02T10:00:00",
        responded: "2026-10-02T09:00:00+03:00",
        resolved: "2026-02-30T10:00:00+03:00",
        status: "resolved",
      },
      {
        id: "INC-2",
        title: "t",
        priority: "P1",
        opened: "2026-10-02T10:00:00+03:00",
        responded: "2026-10-02T09:00:00+03:00",
        status: "responded",
        pauses: [{ from: "2026-10-02T08:00:00+03:00", to: "2026-10-02T07:00:00+03:00", reason: "client" }],
      },
    ] as Incident[];
    const found = codes(view({ incidents }));
    expect(found).toEqual(expect.arrayContaining(["timestamp-without-offset", "invalid-timestamp", "time-order"]));
    expect(found.filter((c) => c === "time-order").length).toBe(3); // response before opening, pause reversed, pause before opening
  });

  it("the order of an incident's times and pauses, each finding at its field, the end being the resolution or else the closing", () => {
    const at = (opened: string, h: number, m = 0) => `${opened}T${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}:00+03:00`;
    const d = "2026-10-02";
    const incidents = [
      // Every pair out of order: response before opening, resolution before opening and before response, closing before resolution.
      { id: "INC-1", title: "t", priority: "P1", opened: at(d, 10), responded: at(d, 9), resolved: at(d, 8), closed: at(d, 7), status: "closed" },
      // No resolution: a pause is measured against the closing; one without an end by its start.
      {
        id: "INC-2",
        title: "t",
        priority: "P1",
        opened: at(d, 10),
        closed: at(d, 12),
        status: "closed",
        pauses: [
          { from: at(d, 11), to: at(d, 13), reason: "client" },
          { from: at(d, 12, 30), reason: "client" },
          { from: at(d, 9), to: "2026-10-02T11:00", reason: "client" },
        ],
      },
      // A resolution that is no timestamp: no order finding against it, its own finding only.
      { id: "INC-3", title: "t", priority: "P1", opened: at(d, 10), resolved: "2026-10-02", closed: at(d, 9), status: "closed", pauses: [{ from: at(d, 11), to: at(d, 12), reason: "client" }] },
    ] as Incident[];
    const v = { ...view({ incidents }), where: (entity: object, ...field: unknown[]) => ({ file: `${(entity as { id: string }).id} ${field.join(".")}`, line: 1, col: 1 }) } as ProjectView;
    const found = validateProject(v)
      .filter((i) => ["time-order", "invalid-timestamp", "timestamp-without-offset"].includes(i.code))
      .map((i) => `${i.file}: ${i.code}: ${i.message}`)
      .sort();
    expect(found).toEqual(
      [
        "INC-1 responded: time-order: first response (2026-10-02T09:00:00+03:00) is before the incident was opened (2026-10-02T10:00:00+03:00)",
        "INC-1 resolved: time-order: resolution (2026-10-02T08:00:00+03:00) is before the incident was opened (2026-10-02T10:00:00+03:00)",
        "INC-1 resolved: time-order: resolution (2026-10-02T08:00:00+03:00) is before the first response (2026-10-02T09:00:00+03:00)",
        "INC-1 closed: time-order: closing (2026-10-02T07:00:00+03:00) is before the resolution (2026-10-02T08:00:00+03:00)",
        "INC-2 pauses.0.to: time-order: the pause runs past the resolution (2026-10-02T12:00:00+03:00)",
        "INC-2 pauses.1.from: time-order: the pause runs past the resolution (2026-10-02T12:00:00+03:00)",
        'INC-2 pauses.2.to: timestamp-without-offset: "2026-10-02T11:00" has no UTC offset: write it as 2026-10-02T11:00+03:00 or 2026-10-02T11:00Z so it means the same everywhere',
        "INC-2 pauses.2.from: time-order: the pause starts before the incident was opened (2026-10-02T10:00:00+03:00)",
        'INC-3 resolved: invalid-timestamp: "2026-10-02" is not an ISO 8601 timestamp (e.g. 2026-10-05T09:30:00+03:00)',
      ].sort(),
    );
  });

  it("asks for a rollback plan on open normal and emergency changes only", () => {
    const base = { title: "t", scope: [], status: "planned" } as const;
    const changes = [
      { ...base, id: "CHG-1", type: "normal" },
      { ...base, id: "CHG-2", type: "standard" },
      { ...base, id: "CHG-3", type: "emergency", status: "done" },
      { ...base, id: "CHG-4", type: "emergency", rollback: "restore the snapshot" },
    ] as unknown as Change[];
    const issues = validateProject(view({ changes })).filter((i) => i.code === "missing-rollback");
    expect(issues.map((i) => i.file)).toEqual(["CHG-1"]);
  });

  it("does not crash on data that failed its schema", () => {
    const components = [{ id: "a", name: "A", kind: "vlan", depends_on: "b" }, { id: 7 }] as unknown as Component[];
    const changes = [{ id: "CHG-1", type: "normal", scope: "x", tasks: "y", status: "draft", rollback: 5 }] as unknown as Change[];
    expect(() => validateProject(view({ components, changes }))).not.toThrow();
  });

  it("skips references into a file that could not be read", () => {
    const components: Component[] = [{ id: "a", name: "A", kind: "vlan", department: "ghost" }];
    expect(codes(view({ components, departments: [], unavailable: new Set(["department"]) }))).toEqual([]);
  });

  it("says which calendar a department without one works on when the project's default is a guess", () => {
    const hours = { mon: ["09:00-18:00"] };
    const base = view({}).manifest!;
    const ambiguous = { ...base, calendars: { msk: { hours }, ny: { hours } } } as Manifest;
    expect(codes(view({ manifest: ambiguous }))).toEqual(["default-calendar"]);
    expect(codes(view({ manifest: { ...ambiguous, default_calendar: "msk" } as Manifest }))).toEqual([]);
    expect(codes(view({ manifest: { ...ambiguous, default_calendar: "nope" } as Manifest }))).toEqual(["unknown-reference"]);
    expect(codes(view({ manifest: { ...base, calendars: { business: { hours }, ny: { hours } } } as Manifest }))).toEqual([]);
  });

  it("says where an SLA target in days or weeks on a business calendar now counts working days", () => {
    const weekdays = (range: string) => ({ mon: [range], tue: [range], wed: [range], thu: [range], fri: [range] });
    const base = view({}).manifest!;
    const manifest = {
      ...base,
      calendars: { business: { hours: weekdays("09:00-18:00") }, allday: { hours: { ...weekdays("00:00-24:00"), sat: ["00:00-24:00"], sun: ["00:00-24:00"] } }, flat: { description: "no hours" } },
      sla: {
        P1: { response: "1h", resolution: "1d", calendar: "24x7", goal: 95 },
        P2: { response: "30m", resolution: "2d", calendar: "allday", goal: 90 },
        P3: { response: "4h", resolution: "3d", calendar: "business", goal: 90 },
        P4: { response: "1w", resolution: "40h", calendar: "flat", goal: 85 },
      },
    } as Manifest;
    const issues = validateProject(view({ manifest }));
    expect(issues.map((i) => [i.severity, i.code, (i as { path?: string }).path])).toEqual([["info", "sla-working-days", "sla.P3.resolution"]]);
    expect(issues[0]!.message).toBe(
      'P3 resolution "3d" counts working days of calendar "business": 27h of working time (a working day there is 9h, a week 45h); before, a day of a target was 24 working hours (72h); write 72h to keep that',
    );
    const weekly = { ...manifest, sla: { P4: { response: "8h", resolution: "1w", calendar: "business", goal: 85 } } } as Manifest;
    expect(validateProject(view({ manifest: weekly })).map((i) => i.message)).toEqual([
      'P4 resolution "1w" counts working weeks of calendar "business": 45h of working time (a working day there is 9h, a week 45h); before, a week of a target was 168 working hours (168h); write 168h to keep that',
    ]);
    // A calendar whose hours failed the schema is reported by the schema, not here.
    const broken = { ...manifest, calendars: { business: { hours: { mon: "09:00-18:00" } } } } as unknown as Manifest;
    expect(codes(view({ manifest: broken }))).not.toContain("sla-working-days");
  });
});
