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
  "123",
  "-1",
  "0",
  "1e400",
  "99999999999999999999",
  ".nan",
  ".inf",
  "true",
  "false",
  "null",
  "~",
  '""',
  "[]",
  "{}",
  "[a, b]",
  "{ a: 1 }",
  '"text"',
  "2026-02-30",
  "2026-10-05T24:61:00+03:00",
  "2026-10-05T10:00:00",
  "25:00-26:00",
  "P5",
  "__proto__",
  "constructor",
  "toString",
  "hasOwnProperty",
  "&anchor value",
  "*missing",
  "!!binary aGk=",
  "'\u001b[2J\u001b[31mred'",
  '"\\u0000"',
  "x".repeat(2000),
  "- item",
  "|",
  ">-",
  "@at",
  "`tick`",
  "%percent",
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

// --- round two (issue 18): the classes an independent corpus found and the first ten kinds never made ---

const EXTREME_DATES = [
  "0000-01-01",
  "0050-06-15",
  "0099-12-31",
  "0999-12-31",
  "1000-01-01",
  "9999-12-31",
  "10000-01-01",
  "+010000-01-01",
  "-000001-01-01",
  "2026-02-29",
  "2024-02-29",
  "1969-12-31",
  "1970-01-01",
];
const EXTREME_TIMES = ["T00:00:00Z", "T23:59:59-14:00", "T00:00:00+14:00", "T12:00:00.999999999+03:00", "T24:00:00Z", ""];
const EXTREME_NUMBERS = ["0", "-0", "-1", "1e308", "-1e308", "1e-400", "1e400", "9007199254740993", "0.0000001", "4294967296", ".inf", "-.inf", ".nan", "0x7fffffff", "1_000_000"];
const EXTREME_DURATIONS = ["0m", "1m", "99999999w", "3661d", "522w", "1000000h", "99999999999999999999999w", "0w0d0h0m", "1w1d1h1m"];
/** YAML double-quoted escapes (the text \u001b, not the character): ESC sequences, C1 CSI, bidi overrides and isolates, zero-width and BOM, BEL, CR, LS, NUL. */
const CONTROL = String.raw`\u001b[2J \u001b]0;pwned\u0007 \u009b31m \u202e \u2066 \u2069 \u200b \u200f \ufeff \u0007 \r \u2028 \u0000`.split(" ");
const TEXT_KEY =
  /^(\s*(?:- )?)(title|name|note|request|rollback|reason|root_cause|actions|description|by|location|requested_by|lead|owner|id|component|department|kind|status|priority|cause|covers|depends_on|after):(.*)$/;

Object.assign(MUTATIONS, {
  extremeDate(bytes, random) {
    const text = decode(bytes);
    const dates = [...text.matchAll(/\b\d{4}-\d{2}-\d{2}(T[\d:.]+(?:Z|[+-]\d{2}:\d{2})?)?/g)];
    if (!dates.length) return bytes;
    const m = random.pick(dates);
    const replacement = random.pick(EXTREME_DATES) + (m[1] ? random.pick(EXTREME_TIMES) : "");
    return encode(text.slice(0, m.index) + replacement + text.slice(m.index + m[0].length));
  },
  extremeNumber(bytes, random) {
    const text = decode(bytes);
    const numbers = [...text.matchAll(/: (\d+(?:\.\d+)?|\d+[wdhm](?:\d+[dhm])*)\s*$/gm)];
    if (!numbers.length) return bytes;
    const m = random.pick(numbers);
    const value = /[wdhm]$/.test(m[1]) ? random.pick(EXTREME_DURATIONS) : random.pick(EXTREME_NUMBERS);
    const at = m.index + 2;
    return encode(text.slice(0, at) + value + text.slice(at + m[1].length));
  },
  degenerateCalendar(bytes, random) {
    const text = decode(bytes);
    if (!/^\s+hours:/m.test(text)) return bytes;
    const how = random.int(4);
    if (how === 0) return encode(text.replace(/^(\s+)hours:\n((?:\1\s+\w+: .*\n)+)/m, "$1hours: {}\n"));
    if (how === 1) return encode(text.replace(/^(\s+(?:mon|tue|wed|thu|fri|sat|sun)): .*$/gm, "$1: []"));
    if (how === 2) return encode(text.replace(/"(\d{2}:\d{2})-(\d{2}:\d{2})"/g, '"$2-$1"'));
    return encode(text.replace(/"(\d{2}:\d{2})-\d{2}:\d{2}"/g, '"$1-$1"'));
  },
  longChain(bytes, random) {
    const text = decode(bytes);
    if (!/^components:/m.test(text)) return bytes;
    const first = /- id: ([\w.-]+)/.exec(text)?.[1] ?? "x";
    const n = 500 + random.int(4500);
    let chain = "";
    for (let i = 0; i < n; i++) chain += `  - id: zz${i}\n    name: Z${i}\n    kind: linux-os\n    depends_on: [${i === 0 ? first : `zz${i - 1}`}]\n`;
    // Sometimes closed into a cycle through the first component.
    const closed = random.next() < 0.3 ? text.replace(/(- id: [\w.-]+\n)/, `$1    depends_on: [zz${n - 1}]\n`) : text;
    return encode(`${closed.replace(/\n?$/, "\n")}${chain}`);
  },
  wideFanOut(bytes, random) {
    const text = decode(bytes);
    if (!/^components:/m.test(text)) return bytes;
    const ids = [...text.matchAll(/- id: ([\w.-]+)/g)].map((m) => m[1]);
    const target = random.pick(ids) ?? "x";
    const n = 500 + random.int(4500);
    let fan = "";
    for (let i = 0; i < n; i++) fan += `  - id: ff${i}\n    name: F${i}\n    kind: vm\n    depends_on: [${target}]\n`;
    return encode(`${text.replace(/\n?$/, "\n")}${fan}`);
  },
  hugeString(bytes, random) {
    const list = lines(bytes);
    const keys = list.map((l, i) => (KEY_LINE.test(l) ? i : -1)).filter((i) => i >= 0);
    if (!keys.length) return bytes;
    const i = random.pick(keys);
    const [, lead, key] = KEY_LINE.exec(list[i]);
    const size = random.pick([1025, 65_536, 300_000, 1_000_000]);
    // Lines are latin1-decoded bytes: a non-ASCII character goes in as its UTF-8 bytes. ('"' by itself
    // makes one YAML error per two characters: 125,000 of them found seed 1317's stack overflow.)
    const unit = random.pick(["x", "é", "漢", "a b ", '"']);
    list[i] = `${lead}${key}: ${Buffer.from(unit.repeat(Math.ceil(size / 4)), "utf8").toString("latin1")}`;
    return join(list);
  },
  controlCharacters(bytes, random) {
    const list = lines(bytes);
    const texts = list.map((l, i) => (TEXT_KEY.test(l) ? i : -1)).filter((i) => i >= 0);
    if (!texts.length) return bytes;
    const i = random.pick(texts);
    const [, lead, key, value] = TEXT_KEY.exec(list[i]);
    const plain = value.trim().replace(/^["']|["']$/g, "") || "v";
    const at = random.int(plain.length + 1);
    const inserted = Array.from({ length: 1 + random.int(3) }, () => random.pick(CONTROL)).join("");
    // As YAML escapes in a double-quoted scalar, or (one time in three) as raw bytes in a plain one.
    // (Lines are latin1-decoded bytes: a raw character goes in as its UTF-8 bytes.)
    const raw = Buffer.from(JSON.parse(`"${inserted}"`), "utf8").toString("latin1");
    list[i] =
      random.next() < 0.67
        ? `${lead}${key}: "${plain.slice(0, at).replace(/["\\]/g, "")}${inserted}${plain.slice(at).replace(/["\\]/g, "")}"`
        : `${lead}${key}: ${plain.slice(0, at)}${raw}${plain.slice(at)}`;
    return join(list);
  },
});

export const MUTATION_NAMES = Object.keys(MUTATIONS);
