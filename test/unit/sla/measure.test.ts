// SLA clocks of single incidents, hand-checked: business hours Mon-Fri 09:00-18:00 Moscow.
import { describe, expect, it } from "vitest";
import { incidentSla, pauseIntervals } from "../../../src/domain/sla/measure.js";
import { slaPolicy } from "../../../src/domain/sla/policy.js";
import type { Incident, Manifest } from "../../../src/model/files.js";

const H = 3_600_000;
const M = 60_000;
const at = (text: string) => Date.parse(text);
const weekdays = (range: string) => ({ mon: [range], tue: [range], wed: [range], thu: [range], fri: [range] });

const manifest = {
  format: 1,
  client: { name: "C" },
  project: { id: "p", name: "P" },
  tam: { name: "T" },
  timezone: "Europe/Moscow",
  calendars: { business: { hours: weekdays("09:00-18:00"), holidays: ["2026-11-04"] } },
  sla: {
    P1: { response: "15m", resolution: "4h", calendar: "business", goal: 95 },
    P2: { response: "30m", resolution: "8h", calendar: "24x7", goal: 90 },
    P3: { response: "2h", resolution: "16h", calendar: "business", goal: 90 },
  },
} as Manifest;
const policy = slaPolicy(manifest);
const incident = (fields: Partial<Incident>): Incident => ({ id: "INC-1", title: "t", priority: "P3", opened: "2026-10-05T10:00:00+03:00", status: "open", ...fields });
const farFuture = at("2027-01-01T00:00:00Z");

describe("incident SLA clock", () => {
  it("P1 opened Friday 17:50: 10 minutes count on Friday, the response Monday 09:04 is in time", () => {
    const clock = incidentSla(
      incident({ priority: "P1", opened: "2026-10-02T17:50:00+03:00", responded: "2026-10-05T09:04:00+03:00", resolved: "2026-10-05T13:00:00+03:00", status: "resolved" }),
      policy.P1!,
      farFuture,
    );
    expect(clock.response).toMatchObject({ state: "met", elapsedMs: 14 * M, done: true });
    // 10m Friday + 4h Monday = 4h10m against 4h.
    expect(clock.resolution).toMatchObject({ state: "breached", elapsedMs: 4 * H + 10 * M, overByMs: 10 * M });
    expect(clock.outcome).toBe("breached");
  });

  it("pauses stop the clock within working hours only; overlapping pauses count once", () => {
    const clock = incidentSla(
      incident({
        responded: "2026-10-05T10:30:00+03:00",
        resolved: "2026-10-06T12:00:00+03:00",
        status: "resolved",
        pauses: [
          { from: "2026-10-05T13:00:00+03:00", to: "2026-10-05T15:00:00+03:00", reason: "client" },
          { from: "2026-10-05T14:00:00+03:00", to: "2026-10-05T16:00:00+03:00", reason: "vendor" },
          { from: "2026-10-05T17:00:00+03:00", to: "2026-10-06T10:00:00+03:00", reason: "client" },
        ],
      }),
      policy.P3!,
      farFuture,
    );
    // Monday 10:00-18:00 = 8h, Tuesday 09:00-12:00 = 3h; paused 13:00-16:00 (3h) + 17:00-18:00 + 09:00-10:00 (2h).
    expect(clock.resolution).toMatchObject({ state: "met", elapsedMs: 6 * H });
    expect(clock.response).toMatchObject({ state: "met", elapsedMs: 30 * M });
    expect(clock.outcome).toBe("met");
  });

  it("a holiday stops a business-hours clock", () => {
    // Tue 17:00 -> 1h Tue, Wed 4 Nov off, Thu 9h, Fri 09:00-15:00 6h = 16h exactly: met.
    const clock = incidentSla(
      incident({ opened: "2026-11-03T17:00:00+03:00", responded: "2026-11-03T17:30:00+03:00", resolved: "2026-11-06T15:00:00+03:00", status: "resolved" }),
      policy.P3!,
      farFuture,
    );
    expect(clock.resolution).toMatchObject({ state: "met", elapsedMs: 16 * H });
  });

  it("an open incident shows the time remaining and when it falls due", () => {
    const now = at("2026-10-06T12:00:00+03:00");
    const clock = incidentSla(incident({ responded: "2026-10-05T11:00:00+03:00", status: "responded" }), policy.P3!, now);
    // Monday 10:00-18:00 8h + Tuesday 09:00-12:00 3h = 11h of 16h.
    expect(clock.resolution).toMatchObject({ state: "running", elapsedMs: 11 * H, remainingMs: 5 * H, done: false, dueAt: at("2026-10-06T17:00:00+03:00") });
    expect(clock.outcome).toBe("pending");
  });

  it("an open incident past its target is already breached; an open pause stops the clock until now", () => {
    const now = at("2026-10-08T12:00:00+03:00");
    const late = incidentSla(incident({ responded: "2026-10-05T11:00:00+03:00", status: "responded" }), policy.P3!, now);
    // Mon 8h + Tue 9h + Wed 9h + Thu 3h = 29h: 13h over.
    expect(late.resolution).toMatchObject({ state: "breached", overByMs: 13 * H, done: false });
    expect(late.outcome).toBe("breached");
    const waiting = incidentSla(incident({ responded: "2026-10-05T11:00:00+03:00", status: "responded", pauses: [{ from: "2026-10-05T12:00:00+03:00", reason: "client" }] }), policy.P3!, now);
    expect(waiting.resolution).toMatchObject({ state: "paused", elapsedMs: 2 * H, remainingMs: 14 * H });
  });

  it("times after now have not happened yet (reproducible --as-of)", () => {
    const now = at("2026-10-05T10:20:00+03:00");
    const clock = incidentSla(incident({ responded: "2026-10-05T11:00:00+03:00", resolved: "2026-10-05T12:00:00+03:00", status: "resolved" }), policy.P3!, now);
    expect(clock.response).toMatchObject({ state: "running", elapsedMs: 20 * M, done: false });
  });

  it("a 24x7 priority counts every hour, weekends too", () => {
    const clock = incidentSla(
      incident({ priority: "P2", opened: "2026-10-03T22:00:00+03:00", responded: "2026-10-03T22:40:00+03:00", resolved: "2026-10-04T05:00:00+03:00", status: "resolved" }),
      policy.P2!,
      farFuture,
    );
    expect(clock.response).toMatchObject({ state: "breached", overByMs: 10 * M });
    expect(clock.resolution).toMatchObject({ state: "met", elapsedMs: 7 * H });
  });

  it("merges pauses and runs an open one until now", () => {
    const now = at("2026-10-05T20:00:00Z");
    const pauses = pauseIntervals(
      incident({
        pauses: [
          { from: "2026-10-05T12:00:00Z", reason: "client" },
          { from: "2026-10-05T10:00:00Z", to: "2026-10-05T13:00:00Z", reason: "vendor" },
        ],
      }),
      now,
    );
    expect(pauses).toEqual([[at("2026-10-05T10:00:00Z"), now]]);
  });

  it("d and w in a target are the calendar's working day and week, as in estimates; on 24x7 24 hours and 7 days", () => {
    const days = slaPolicy({
      ...manifest,
      sla: {
        P1: { response: "1d", resolution: "1w", calendar: "24x7", goal: 95 },
        P3: { response: "1d", resolution: "1w1d2h", calendar: "business", goal: 90 },
      },
    } as Manifest);
    expect([days.P1!.responseMs, days.P1!.resolutionMs]).toEqual([24 * H, 7 * 24 * H]);
    // Mon-Fri 09:00-18:00: a working day is 9 hours, a working week 45.
    expect([days.P3!.responseMs, days.P3!.resolutionMs]).toEqual([9 * H, 45 * H + 9 * H + 2 * H]);
    // Opened Monday 10:00, responded Tuesday 10:00: one working day, in time; 10:01 is a minute late.
    const opened = "2026-10-05T10:00:00+03:00";
    expect(incidentSla(incident({ opened, responded: "2026-10-06T10:00:00+03:00" }), days.P3!, farFuture).response).toMatchObject({ state: "met", elapsedMs: 9 * H });
    expect(incidentSla(incident({ opened, responded: "2026-10-06T10:01:00+03:00" }), days.P3!, farFuture).response).toMatchObject({ state: "breached", overByMs: M });
    // Still running Monday 12:00: 7 of the 9 hours left, due Tuesday 10:00.
    expect(incidentSla(incident({ opened }), days.P3!, at("2026-10-05T12:00:00+03:00")).response.dueAt).toBe(at("2026-10-06T10:00:00+03:00"));
  });
});
