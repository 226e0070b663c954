import { describe, expect, it } from "vitest";
import { useColor } from "../../../src/format/registry.js";

const tty = { isTTY: true };
const pipe = { isTTY: false };

describe("useColor (chalk's FORCE_COLOR, no-color.org's NO_COLOR, TERM=dumb)", () => {
  it("colours a terminal by default, never a pipe", () => {
    expect(useColor(undefined, tty, {})).toBe(true);
    expect(useColor(undefined, pipe, {})).toBe(false);
  });

  it("FORCE_COLOR=0 or false turns colour off even on a terminal; 1, 2, 3 or true force it on a pipe", () => {
    for (const value of ["0", "false"]) expect(useColor(undefined, tty, { FORCE_COLOR: value }), value).toBe(false);
    for (const value of ["1", "2", "3", "true"]) expect(useColor(undefined, pipe, { FORCE_COLOR: value }), value).toBe(true);
    expect(useColor(undefined, pipe, { FORCE_COLOR: "" })).toBe(false);
  });

  it("NO_COLOR (not empty) wins over a terminal and over FORCE_COLOR; empty NO_COLOR is ignored", () => {
    expect(useColor(undefined, tty, { NO_COLOR: "1" })).toBe(false);
    expect(useColor(undefined, pipe, { NO_COLOR: "1", FORCE_COLOR: "3" })).toBe(false);
    expect(useColor(undefined, tty, { NO_COLOR: "" })).toBe(true);
  });

  it("TERM=dumb turns colour off unless FORCE_COLOR asks for it; --no-color always wins", () => {
    expect(useColor(undefined, tty, { TERM: "dumb" })).toBe(false);
    expect(useColor(undefined, tty, { TERM: "dumb", FORCE_COLOR: "1" })).toBe(true);
    expect(useColor(false, tty, { FORCE_COLOR: "3" })).toBe(false);
  });
});
