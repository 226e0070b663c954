// zonedToEpoch around DST changes, hand-checked against the offsets before and after.
import { describe, expect, it } from "vitest";
import { zonedToEpoch } from "../../../src/domain/zone.js";

const at = (text: string) => Date.parse(text);

describe("zonedToEpoch", () => {
  it("reads wall times next to the spring-forward gap with the right offset", () => {
    expect(zonedToEpoch("2026-03-29", 60, "Europe/Berlin")).toBe(at("2026-03-29T01:00:00+01:00"));
    expect(zonedToEpoch("2026-03-29", 240, "Europe/Berlin")).toBe(at("2026-03-29T04:00:00+02:00"));
    expect(zonedToEpoch("2026-03-08", 60, "America/New_York")).toBe(at("2026-03-08T01:00:00-05:00"));
    expect(zonedToEpoch("2026-03-08", 180, "America/New_York")).toBe(at("2026-03-08T03:00:00-04:00"));
  });

  it("moves a time inside the gap past it", () => {
    expect(zonedToEpoch("2026-03-29", 150, "Europe/Berlin")).toBe(at("2026-03-29T03:30:00+02:00"));
  });

  it("takes the first of two occurrences in the fall-back overlap", () => {
    expect(zonedToEpoch("2026-10-25", 150, "Europe/Berlin")).toBe(at("2026-10-25T02:30:00+02:00"));
    expect(zonedToEpoch("2026-11-01", 90, "America/New_York")).toBe(at("2026-11-01T01:30:00-04:00"));
    expect(zonedToEpoch("2026-10-25", 240, "Europe/Berlin")).toBe(at("2026-10-25T04:00:00+01:00"));
  });

  it("handles midnight of the next day and zones without DST", () => {
    expect(zonedToEpoch("2026-10-05", 1440, "Europe/Moscow")).toBe(at("2026-10-06T00:00:00+03:00"));
    expect(zonedToEpoch("2026-10-05", 570, "Asia/Kolkata")).toBe(at("2026-10-05T09:30:00+05:30"));
  });
});
