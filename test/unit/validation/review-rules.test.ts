// The incident loop's findings: missing-review, action-overdue, and "never twice" recurrences.
import { describe, expect, it } from "vitest";
import { checkReviews } from "../../../src/domain/validation/review-rules.js";
import type { ProjectView } from "../../../src/domain/validation/index.js";
import { zonedToEpoch } from "../../../src/domain/zone.js";
import type { Incident, Manifest } from "../../../src/model/files.js";

const ZONE = "Europe/Moscow";
const H = ["09:00-18:00"];
const MANIFEST = {
  format: 1,
  timezone: ZONE,
  calendars: { business: { hours: { mon: H, tue: H, wed: H, thu: H, fri: H } } },
  sla: {
    P1: { response: "15m", resolution: "4h", calendar: "24x7", goal: 95 },
    P3: { response: "2h", resolution: "16h", calendar: "24x7", goal: 90 },
  },
} as unknown as Manifest;

function view(incidents: Incident[], manifest: Manifest = MANIFEST): ProjectView {
  return {
    manifest,
    departments: [],
    components: [],
    changes: [],
    docs: [],
    incidents,
    where: (entity, ...field) => ({ file: (entity as { id?: string }).id ?? "?", line: 1, col: 1, path: field.join(".") }) as never,
  };
}

const clock = (today: string) => ({ today, now: zonedToEpoch(today, 23 * 60, ZONE), timezone: ZONE });

const incident = (id: string, extra: Partial<Incident> = {}): Incident => ({
  id,
  title: `incident ${id}`,
  priority: "P1",
  components: ["shop-pg"],
  opened: "2026-10-09T10:00:00+03:00",
  responded: "2026-10-09T10:05:00+03:00",
  resolved: "2026-10-09T12:00:00+03:00",
  cause: { category: "capacity" },
  status: "resolved",
  ...extra,
});

const codes = (issues: { code: string; file: string }[]) => issues.map((i) => `${i.code} ${i.file}`);

describe("missing-review", () => {
  it("a P1 resolved on Friday is due five working days later; reported the day after, not on the day", () => {
    const v = view([incident("INC-1")]);
    expect(checkReviews(v, clock("2026-10-16"))).toEqual([]);
    const issues = checkReviews(v, clock("2026-10-17"));
    expect(codes(issues)).toEqual(["missing-review INC-1"]);
    expect(issues[0]!.message).toMatch(/INC-1 \(a P1\) was resolved on 2026-10-09 .* due within 5 working days, on 2026-10-16, 1 day ago: .*tam incident review INC-1/);
    expect(issues[0]!.severity).toBe("warning");
  });

  it("a P3 needs one only when it breached its SLA; a review recorded, an open incident or `since` silence it", () => {
    const met = incident("INC-2", { priority: "P3" });
    const breached = incident("INC-3", { priority: "P3", responded: "2026-10-09T13:00:00+03:00", resolved: "2026-10-09T13:30:00+03:00" });
    expect(codes(checkReviews(view([met, breached]), clock("2026-11-20")))).toEqual(["missing-review INC-3"]);
    expect(checkReviews(view([breached]), clock("2026-11-20"))[0]!.message).toContain("a P3 that breached its SLA");
    const noBreaches = { ...MANIFEST, reviews: { breaches: false } } as Manifest;
    expect(checkReviews(view([breached], noBreaches), clock("2026-11-20"))).toEqual([]);
    expect(checkReviews(view([incident("INC-4", { review: { held: "2026-10-12" } })]), clock("2026-11-20"))).toEqual([]);
    expect(checkReviews(view([incident("INC-5", { resolved: undefined, status: "responded" })]), clock("2026-11-20"))).toEqual([]);
    const since = { ...MANIFEST, reviews: { since: "2026-10-10" } } as Manifest;
    expect(checkReviews(view([incident("INC-6")], since), clock("2026-11-20"))).toEqual([]);
    const within = { ...MANIFEST, reviews: { within: "10d" } } as Manifest;
    expect(checkReviews(view([incident("INC-7")], within), clock("2026-10-22"))).toEqual([]);
  });
});

describe("action-overdue", () => {
  it("an open action past its due date, located at its due date; a done one is not", () => {
    const review = {
      held: "2026-10-12",
      actions: [
        { id: "A1", text: "Alert on disk", owner: "monitoring", side: "provider" as const, due: "2026-10-20", state: "open" as const },
        { id: "A2", text: "Bigger disk", owner: "Elena", side: "client" as const, due: "2026-10-20", state: "done" as const, done: "2026-10-19" },
      ],
    };
    const issues = checkReviews(view([incident("INC-1", { review })]), clock("2026-10-23"));
    expect(codes(issues)).toEqual(["action-overdue INC-1"]);
    expect(issues[0]!.message).toMatch(/INC-1\/A1 "Alert on disk" \(monitoring, provider side\) was due on 2026-10-20, 3 days ago/);
    expect((issues[0] as unknown as { path: string }).path).toBe("review.actions.0.due");
    expect(checkReviews(view([incident("INC-1", { review })]), clock("2026-10-20"))).toEqual([]);
  });
});

describe("never twice", () => {
  const reviewed = (state: "open" | "done", done?: string) => ({
    held: "2026-10-12",
    actions: [{ id: "A1", text: "Alert on disk", owner: "monitoring", side: "provider" as const, due: "2026-12-20", state, ...(done ? { done } : {}) }],
  });
  const later = incident("INC-2", { opened: "2026-11-02T10:00:00+03:00", responded: "2026-11-02T10:05:00+03:00", resolved: "2026-11-02T11:00:00+03:00", review: { held: "2026-11-03" } });

  it("names the earlier incident and its action still open when the same cause came back on the same component", () => {
    const issues = checkReviews(view([incident("INC-1", { review: reviewed("open") }), later]), clock("2026-11-04"));
    expect(codes(issues)).toEqual(["recurrence-open-action INC-2"]);
    expect(issues[0]!.message).toMatch(/INC-2 repeats INC-1 \(shop-pg, capacity, 24 days earlier\), whose review's action A1 "Alert on disk" \(monitoring\) was still open/);
    // Done after the recurrence: it was still open when it happened.
    expect(codes(checkReviews(view([incident("INC-1", { review: reviewed("done", "2026-11-03") }), later]), clock("2026-11-04")))).toEqual(["recurrence-open-action INC-2"]);
    expect(checkReviews(view([incident("INC-1", { review: reviewed("done", "2026-10-30") }), later]), clock("2026-11-04"))).toEqual([]);
  });

  it("an earlier incident that needed a review and had none; not another component, cause, or outside the window", () => {
    const unreviewed = checkReviews(view([incident("INC-1", { review: undefined }), later]), clock("2026-11-04"));
    expect(codes(unreviewed).filter((c) => c.startsWith("recurrence"))).toEqual(["recurrence-unreviewed INC-2"]);
    expect(unreviewed.find((i) => i.code === "recurrence-unreviewed")!.message).toMatch(/INC-2 repeats INC-1 .*which had no post-incident review/);
    const quiet = (earlier: Partial<Incident>) => checkReviews(view([incident("INC-1", earlier), later]), clock("2026-11-04")).filter((i) => i.code.startsWith("recurrence"));
    expect(quiet({ components: ["lb"] })).toEqual([]);
    expect(quiet({ cause: { category: "software" } })).toEqual([]);
    expect(quiet({ opened: "2026-04-01T10:00:00+03:00", responded: "2026-04-01T10:05:00+03:00", resolved: "2026-04-01T11:00:00+03:00" })).toEqual([]);
    // A P3 within its targets needed no review: its recurrence is arch risks' business, not a missing review.
    expect(quiet({ priority: "P3" })).toEqual([]);
  });
});

describe("`since` on the project's clock", () => {
  // The same instants fall on 2026-10-10 at UTC+14 and on 2026-10-08 at UTC-11: `since` is a day on the
  // project's clock, so only the zone a day ahead of UTC is past it (the findings must not depend on UTC's day).
  const since = "2026-10-10";
  const at = (zone: string) => {
    const manifest = { ...MANIFEST, timezone: zone, reviews: { since } } as Manifest;
    return (incidents: Incident[]) => checkReviews(view(incidents, manifest), { today: "2026-12-20", now: zonedToEpoch("2026-12-20", 23 * 60, zone), timezone: zone });
  };
  const ahead = at("Pacific/Kiritimati");
  const behind = at("Pacific/Pago_Pago");
  const close = (id: string, opened: string, extra: Partial<Incident> = {}) =>
    incident(id, { opened, responded: opened.replace(":00:00Z", ":05:00Z"), resolved: opened.replace(":00:00Z", ":30:00Z"), ...extra });

  it("a P1 resolved the day before since in UTC is reviewed from since in a zone ahead of UTC, not in one behind", () => {
    const late = close("INC-1", "2026-10-09T11:00:00Z");
    expect(codes(ahead([late]))).toEqual(["missing-review INC-1"]);
    expect(behind([late])).toEqual([]);
    // Before `since` in every zone.
    expect(ahead([close("INC-2", "2026-10-08T08:00:00Z")])).toEqual([]);
  });

  it("a recurrence on since's day in the zone names an earlier incident from well before since, within the window", () => {
    const earlier = incident("INC-1", {
      opened: "2026-09-20T10:00:00Z",
      responded: "2026-09-20T10:05:00Z",
      resolved: "2026-09-20T11:00:00Z",
      review: { held: "2026-09-22", actions: [{ id: "A1", text: "Alert on disk", owner: "monitoring", side: "provider", due: "2026-12-30", state: "open" }] },
    });
    const again = close("INC-2", "2026-10-09T11:00:00Z", { review: { held: "2026-10-12" } });
    expect(codes(ahead([again, earlier]))).toEqual(["recurrence-open-action INC-2"]);
    expect(ahead([again, earlier])[0]!.message).toMatch(/INC-2 repeats INC-1 \(shop-pg, capacity, 19 days earlier\)/);
    expect(behind([again, earlier])).toEqual([]);
  });
});
