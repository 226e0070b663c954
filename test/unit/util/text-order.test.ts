// compareText orders as String#localeCompare does: by code units only where that is provably the same order.
import { describe, expect, it } from "vitest";
import { compareText } from "../../../src/model/text-order.js";

function lcg(seed: number) {
  let state = seed >>> 0;
  return () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

const sign = (n: number) => (n < 0 ? -1 : n > 0 ? 1 : 0);

describe("compareText", () => {
  const english = new Intl.Collator("en");
  const root = new Intl.Collator("und");

  it("gives the sign of the English and the root collation on every pair of strings of up to 2 printable ASCII characters", () => {
    const chars = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i));
    const strings = ["", ...chars, ...chars.flatMap((a) => ["-", "0", "a", "A", "Z", "_", a].map((b) => a + b))];
    const wrong: string[] = [];
    for (const a of strings)
      for (const b of strings) {
        const got = compareText(a, b);
        if (got !== sign(english.compare(a, b)) || got !== sign(root.compare(a, b))) wrong.push(`${JSON.stringify(a)} ${JSON.stringify(b)}`);
      }
    expect(wrong).toEqual([]);
  });

  it("gives the sign of the collation on ids, dates, paths, hashes and messages, ASCII and not", () => {
    const random = lcg(26);
    const alphabets = ["abcxyz0189-./ ", "ABCXYZ0189-./ ", "aAbBzZ09-_:./ ", "abc-é_ü", "CHG-0123456789", "abc0\u00e9\u0301\u00b7lL"];
    const pick = (alphabet: string) => {
      const n = Math.floor(random() * 9);
      let s = "";
      for (let i = 0; i < n; i++) s += alphabet[Math.floor(random() * alphabet.length)];
      return s;
    };
    const wrong: string[] = [];
    for (let i = 0; i < 20_000; i++) {
      const alphabet = alphabets[i % alphabets.length]!;
      const stem = random() < 0.5 ? pick(alphabet) : "";
      const a = stem + pick(alphabet);
      const b = stem + pick(alphabet);
      if (compareText(a, b) !== sign(english.compare(a, b))) wrong.push(`${JSON.stringify(a)} ${JSON.stringify(b)}`);
    }
    expect(wrong).toEqual([]);
    const ids = [
      "CHG-0010",
      "CHG-0002",
      "changes/CHG-0003.yaml",
      "incidents/2026-10.yaml",
      "core-fw",
      "Core-FW",
      "loyalty-vlan",
      "T10",
      "T9",
      "2026-11-20",
      "a1b2c3d",
      "ÉCOLE",
      "ecole",
      "l\u00b7l",
      "ll",
    ];
    for (const a of ids) for (const b of ids) expect(compareText(a, b), `${a} ${b}`).toBe(sign(english.compare(a, b)));
  });

  it("sorts as localeCompare does", () => {
    const names = ["web-01", "Web-02", "db", "DB-2", "_tmp", "a b", "a-b", "a.b", "a/b", "a_b", "a:b", "zeta", "Zeta", "émile", "Emile"];
    expect([...names].sort(compareText)).toEqual([...names].sort((a, b) => english.compare(a, b)));
  });
});
