// The memo file of zone offsets in the user's cache folder (src/project/zone-memo.ts): what is
// written is read back whole, a file of other zone rules, another zone or a broken one is not
// read, and no failure to write reaches the command.
import { chmodSync, mkdtempSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DAY_MS } from "../../../src/domain/dates.js";
import { pruneZoneMemos, readZoneMemo, writeZoneMemo, zoneMemo, zoneMemoFile } from "../../../src/project/zone-memo.js";

const RULES = { tz: "2025c", icu: "78.2" };
const folder = () => join(mkdtempSync(join(tmpdir(), "tam-zone-memo-")), "tam");

/** Every day of 2026 in New York as zone.ts remembers it: two transition days (null) between three runs. */
const newYork2026 = (() => {
  const days = new Map<number, number | null>();
  const first = Date.UTC(2026, 0, 1) / DAY_MS;
  for (let day = first; day < first + 365; day++) {
    const offset = (t: number) => {
      const parts = new Intl.DateTimeFormat("en-US", { timeZone: "America/New_York", timeZoneName: "longOffset" }).formatToParts(new Date(t));
      const match = /GMT([+-])(\d\d):(\d\d)/.exec(parts.find((p) => p.type === "timeZoneName")!.value)!;
      return (match[1] === "-" ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) * 60_000;
    };
    const start = offset(day * DAY_MS);
    days.set(day, start === offset(day * DAY_MS + DAY_MS - 1000) ? start : null);
  }
  return days;
})();

describe("zone memo file", () => {
  it("reads back what it wrote, as runs of equal offsets", () => {
    const dir = folder();
    writeZoneMemo(dir, "America/New_York", newYork2026, RULES);
    expect(readZoneMemo(dir, "America/New_York", RULES)).toEqual(newYork2026);
    const text = readFileSync(zoneMemoFile(dir, "America/New_York", RULES)!, "latin1");
    // A header and five runs: winter, the spring transition, summer, the autumn transition, winter.
    expect(text.split("\n").length).toBe(1 + 5 + 1);
    expect([...newYork2026.values()].filter((offset) => offset === null)).toHaveLength(2);
    // Sparse days and negative day numbers (before 1970).
    const sparse = new Map<number, number | null>([
      [-4000, -18_000_000],
      [-3999, -18_000_000],
      [12, 0],
      [14, 0],
      [15, null],
    ]);
    writeZoneMemo(dir, "Etc/GMT+5", sparse, RULES);
    expect(readZoneMemo(dir, "Etc/GMT+5", RULES)).toEqual(sparse);
  });

  it("is not read under other zone rules, for another zone, or without the versions of the rules", () => {
    const dir = folder();
    writeZoneMemo(dir, "America/New_York", newYork2026, RULES);
    expect(readZoneMemo(dir, "America/New_York", { ...RULES, tz: "2026a" })).toBeUndefined();
    expect(readZoneMemo(dir, "America/New_York", { ...RULES, icu: "79.1" })).toBeUndefined();
    // Another zone's text under this zone's name (two names that differ in case share a file on some disks).
    writeFileSync(zoneMemoFile(dir, "America/Chicago", RULES)!, readFileSync(zoneMemoFile(dir, "America/New_York", RULES)!));
    expect(readZoneMemo(dir, "America/Chicago", RULES)).toBeUndefined();
    const other = folder();
    for (const rules of [{ icu: "78.2" }, { tz: "2025c" }, { tz: "2025c/..", icu: "78.2" }]) {
      expect(zoneMemoFile(other, "America/New_York", rules)).toBeUndefined();
      writeZoneMemo(other, "America/New_York", newYork2026, rules);
      expect(readZoneMemo(other, "America/New_York", rules)).toBeUndefined();
    }
    for (const zone of ["../../etc/passwd", "Europe/../x", "", "a b"]) expect(zoneMemoFile(other, zone, RULES), zone).toBeUndefined();
    expect(() => readdirSync(other)).toThrow(); // nothing was written
  });

  it("ignores a corrupt file", () => {
    const dir = folder();
    writeZoneMemo(dir, "America/New_York", newYork2026, RULES);
    const file = zoneMemoFile(dir, "America/New_York", RULES)!;
    const good = readFileSync(file, "latin1");
    const [head, ...lines] = good.split("\n");
    const broken = [
      good.slice(0, -5), // cut short
      `${head}\n20454 1 3600000\nnot a run\n`,
      `${head}\n20454 0 3600000\n`,
      `${head}\n0 999999 0\n`, // more days than any run keeps
      `${head}\n20454 1 3600500\n`, // not whole seconds
      `${head}\n20454 1 86400000\n`, // a day away from UTC
      `\u0000${good}`,
      "",
    ];
    expect(lines.length).toBeGreaterThan(2);
    for (const text of broken) {
      writeFileSync(file, text, "latin1");
      expect(readZoneMemo(dir, "America/New_York", RULES), JSON.stringify(text.slice(-40))).toBeUndefined();
    }
  });

  it("never fails on an unwritable folder", () => {
    // A cache "folder" that is a read-only file: nothing can be written under it.
    const blocked = join(mkdtempSync(join(tmpdir(), "tam-zone-memo-")), "file");
    writeFileSync(blocked, "");
    chmodSync(blocked, 0o444);
    const memo = zoneMemo(join(blocked, "tam"), RULES);
    expect(() => memo.keep(new Map([["America/New_York", newYork2026]]))).not.toThrow();
    expect(memo.recall("America/New_York")).toBeUndefined();
    expect(readFileSync(blocked, "utf8")).toBe("");
  });

  it("keeps what was learned and prunes stale memos of other zone rules", () => {
    const dir = folder();
    const memo = zoneMemo(dir, RULES);
    memo.keep(new Map());
    expect(() => readdirSync(dir)).toThrow(); // nothing learned, nothing written
    const older = { tz: "2024a", icu: "74.1" };
    writeZoneMemo(dir, "Europe/Berlin", newYork2026, older);
    writeZoneMemo(dir, "Europe/Paris", newYork2026, older);
    const stale = zoneMemoFile(dir, "Europe/Berlin", older)!;
    const week = (Date.now() - 8 * DAY_MS) / 1000;
    utimesSync(stale, week, week);
    writeFileSync(join(dir, "tam-cli-0123abcd-validate-v8-1.cache"), "");
    utimesSync(join(dir, "tam-cli-0123abcd-validate-v8-1.cache"), week, week);
    memo.keep(new Map([["America/New_York", newYork2026]]));
    expect(memo.recall("America/New_York")).toEqual(newYork2026);
    expect(readdirSync(dir).sort()).toEqual(
      ["tam-cli-0123abcd-validate-v8-1.cache", zoneMemoFile(dir, "America/New_York", RULES)!, zoneMemoFile(dir, "Europe/Paris", older)!].map((path) => path.replace(`${dir}/`, "")).sort(),
    );
    // Its own stale memos stay (they are rewritten when they learn more).
    utimesSync(zoneMemoFile(dir, "America/New_York", RULES)!, week, week);
    pruneZoneMemos(dir, RULES);
    expect(statSync(zoneMemoFile(dir, "America/New_York", RULES)!).isFile()).toBe(true);
  });
});
