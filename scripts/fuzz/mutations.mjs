// Seeded random mutations of a project's YAML files, for the fuzz run (scripts/fuzz.mjs).
// Each mutation takes the file's bytes and a PRNG and returns new bytes.

/** mulberry32: small, fast, good enough to pick mutations; the same seed gives the same run. */
export function prng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n) => Math.floor(next() * n);
  return { next, int, pick: (list) => list[int(list.length)] };
}

const SCALARS = [
  "123", "-1", "0", "1e400", "99999999999999999999", ".nan", ".inf", "true", "false", "null", "~", '""', "[]", "{}",
  "[a, b]", "{ a: 1 }", '"text"', "2026-02-30", "2026-10-05T24:61:00+03:00", "2026-10-05T10:00:00", "25:00-26:00",
  "P5", "__proto__", "constructor", "toString", "hasOwnProperty", "&anchor value", "*missing", "!!binary aGk=",
  "'\u001b[2J\u001b[31mred'", '"\\u0000"', "x".repeat(2000), "- item", "|", ">-", "@at", "`tick`", "%percent",
];

const RANDOM_BYTES = [0x00, 0x09, 0x0a, 0x0d, 0x1b, 0x22, 0x27, 0x23, 0x26, 0x2a, 0x2d, 0x3a, 0x3e, 0x5b, 0x5d, 0x7b, 0x7d, 0x7c, 0x80, 0xc3, 0xe9, 0xef, 0xbb, 0xbf, 0xfe, 0xff];

const decode = (bytes) => Buffer.from(bytes).toString("latin1");
const encode = (text) => Buffer.from(text, "latin1");
const lines = (bytes) => decode(bytes).split("\n");
const join = (list) => encode(list.join("\n"));

const KEY_LINE = /^(\s*(?:- )?)([A-Za-z_][\w-]*):(.*)$/;

/** Start lines of list items at one indentation, as [start, end) line ranges. */
function listItems(list, random) {
  const starts = list.map((line, i) => [i, /^(\s*)- /.exec(line)?.[1]]).filter(([, indent]) => indent !== undefined);
  if (starts.length < 2) return [];
  const indent = random.pick(starts)[1];
  const mine = starts.filter(([, s]) => s === indent).map(([i]) => i);
  return mine.map((start, k) => {
    let end = k + 1 < mine.length ? mine[k + 1] : list.length;
    // An item ends where the indentation drops below it.
    for (let j = start + 1; j < end; j++) {
      const lead = /^(\s*)\S/.exec(list[j])?.[1];
      if (lead !== undefined && lead.length <= indent.length && !list[j].startsWith(`${indent}- `)) {
        end = j;
        break;
      }
    }
    return [start, end];
  });
}

export const MUTATIONS = {
  deleteKey(bytes, random) {
    const list = lines(bytes);
    const keys = list.map((l, i) => (KEY_LINE.test(l) ? i : -1)).filter((i) => i >= 0);
    if (keys.length) list.splice(random.pick(keys), 1);
    return join(list);
  },
  changeScalarType(bytes, random) {
    const list = lines(bytes);
    const keys = list.map((l, i) => (KEY_LINE.test(l) ? i : -1)).filter((i) => i >= 0);
    if (!keys.length) return bytes;
    const i = random.pick(keys);
    const [, lead, key] = KEY_LINE.exec(list[i]);
    list[i] = `${lead}${key}: ${random.pick(SCALARS)}`;
    return join(list);
  },
  duplicateLine(bytes, random) {
    const list = lines(bytes);
    const i = random.int(list.length);
    list.splice(i, 0, list[i]);
    return join(list);
  },
  truncate(bytes, random) {
    return bytes.subarray(0, random.int(bytes.length + 1));
  },
  swapLines(bytes, random) {
    const list = lines(bytes);
    const a = random.int(list.length);
    const b = random.int(list.length);
    [list[a], list[b]] = [list[b], list[a]];
    return join(list);
  },
  insertBytes(bytes, random) {
    const at = random.int(bytes.length + 1);
    const count = 1 + random.int(8);
    const inserted = Buffer.from(Array.from({ length: count }, () => (random.next() < 0.6 ? random.pick(RANDOM_BYTES) : random.int(256))));
    return Buffer.concat([bytes.subarray(0, at), inserted, bytes.subarray(at)]);
  },
  reorderListItems(bytes, random) {
    const list = lines(bytes);
    const items = listItems(list, random);
    if (items.length < 2) return bytes;
    const blocks = items.map(([s, e]) => list.slice(s, e));
    const a = random.int(blocks.length);
    const b = random.int(blocks.length);
    [blocks[a], blocks[b]] = [blocks[b], blocks[a]];
    const [first] = items[0];
    const last = items[items.length - 1][1];
    return join([...list.slice(0, first), ...blocks.flat(), ...list.slice(last)]);
  },
  reuseId(bytes, random) {
    const text = decode(bytes);
    const ids = [...text.matchAll(/\b(?:id|component|department|owner): ([\w.-]+)/g)].map((m) => m[1]);
    if (ids.length < 2) return bytes;
    const from = random.pick(ids);
    const to = random.pick(ids);
    return encode(text.replace(new RegExp(`: ${from.replace(/[.]/g, "\\.")}\\b`), `: ${to}`));
  },
  reindentLine(bytes, random) {
    const list = lines(bytes);
    const i = random.int(list.length);
    list[i] = random.next() < 0.5 ? list[i].replace(/^ {1,3}/, "") : `${" ".repeat(1 + random.int(3))}${list[i]}`;
    return join(list);
  },
  deleteBlock(bytes, random) {
    const list = lines(bytes);
    const items = listItems(list, random);
    if (!items.length) return bytes;
    const [s, e] = random.pick(items);
    list.splice(s, e - s);
    return join(list);
  },
};

export const MUTATION_NAMES = Object.keys(MUTATIONS);
