// Plain scalars resolved as the `yaml` package resolves them under the YAML 1.2 core schema (the
// tests and resolve functions of its schema/core/*.js), by character codes rather than regular
// expressions where it is hot: every key and value block-yaml.ts reads goes through here.

/** A number JavaScript cannot hold exactly: tam reports it, so the fast read leaves the file to the full parse. */
export const UNSAFE_NUMBER: unique symbol = Symbol("unsafe number");

/**
 * A plain scalar's value under the YAML 1.2 core schema, tested as the `yaml` package tests it
 * (null, bool, 0o octal, decimal int, 0x hex, .inf/.nan, float with exponent, float); UNSAFE_NUMBER
 * for numbers JavaScript cannot hold exactly (unsafe integers, infinities, NaN), which tam reports.
 */
export function plainScalarValue(s: string): unknown {
  const n = s.length;
  const c = s.charCodeAt(0);
  switch (c) {
    case 0x7e: // ~
      return n === 1 ? null : s;
    case 0x6e: // n
    case 0x4e: // N
      return s === "null" || s === "Null" || s === "NULL" ? null : s;
    case 0x74: // t
    case 0x54: // T
      return s === "true" || s === "True" || s === "TRUE" ? true : s;
    case 0x66: // f
    case 0x46: // F
      return s === "false" || s === "False" || s === "FALSE" ? false : s;
  }
  if (!(c >= 0x30 && c <= 0x39) && c !== 0x2b && c !== 0x2d && c !== 0x2e) return s;
  const number = numberValue(s);
  if (number === undefined) return s;
  if (!Number.isFinite(number) || (Number.isInteger(number) && !Number.isSafeInteger(number))) return UNSAFE_NUMBER;
  return number;
}

const isDigit = (c: number) => c >= 0x30 && c <= 0x39;

/** The number a scalar starting with a digit, sign or dot stands for, or undefined when it is text. */
function numberValue(s: string): number | undefined {
  const n = s.length;
  if (s.charCodeAt(0) === 0x30 && n > 2) {
    const radix = s.charCodeAt(1);
    if (radix === 0x6f) return /^0o[0-7]+$/.test(s) ? parseInt(s.substring(2), 8) : undefined;
    if (radix === 0x78) return /^0x[0-9a-fA-F]+$/.test(s) ? parseInt(s.substring(2), 16) : undefined;
  }
  let i = 0;
  const sign = s.charCodeAt(0) === 0x2b || s.charCodeAt(0) === 0x2d;
  if (sign) i = 1;
  if (s.charCodeAt(i) === 0x2e) {
    const rest = s.slice(i + 1);
    if (rest === "inf" || rest === "Inf" || rest === "INF") return s.charCodeAt(0) === 0x2d ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
    if (!sign && (rest === "nan" || rest === "NaN" || rest === "NAN")) return Number.NaN;
  }
  const intStart = i;
  while (i < n && isDigit(s.charCodeAt(i))) i++;
  const intDigits = i - intStart;
  if (i === n) return intDigits > 0 ? parseInt(s, 10) : undefined;
  let fraction = false;
  if (s.charCodeAt(i) === 0x2e) {
    i++;
    const fractionStart = i;
    while (i < n && isDigit(s.charCodeAt(i))) i++;
    if (intDigits === 0 && i === fractionStart) return undefined;
    fraction = true;
  } else if (intDigits === 0) return undefined;
  if (i === n) return fraction ? parseFloat(s) : undefined;
  const e = s.charCodeAt(i);
  if (e !== 0x65 && e !== 0x45) return undefined;
  i++;
  if (s.charCodeAt(i) === 0x2b || s.charCodeAt(i) === 0x2d) i++;
  const expStart = i;
  while (i < n && isDigit(s.charCodeAt(i))) i++;
  return i > expStart && i === n ? parseFloat(s) : undefined;
}
