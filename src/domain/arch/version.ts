// Dotted versions, as components record them ("2016", "15.4", "8.0.32", "1.24.0-rc1"), and the
// constraints a query gives ("<2019", ">=8.0.3", ">=8.0,<8.0.35"). Pure.

/** One part of a version: a number ("32"), or text ("rc1") that sorts before any number. */
type Part = number | string;

const CONSTRAINT = /^(<=|>=|<|>|==|=|!=)?\s*([0-9A-Za-z][0-9A-Za-z.+_-]*)$/;

export type Operator = "<" | "<=" | ">" | ">=" | "=" | "!=";

export interface VersionConstraint {
  /** Every comparison must hold. */
  all: { op: Operator; version: string }[];
  /** As written, for messages. */
  text: string;
}

function parts(version: string): Part[] {
  return version
    .trim()
    .split(/[.\-+_]/)
    .filter((part) => part !== "")
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part.toLowerCase()));
}

/**
 * Negative, zero or positive as `a` is older, the same as or newer than `b`. Numbers compare as
 * numbers ("8.0.10" > "8.0.9"); missing parts count as 0 ("15" = "15.0"); a text part sorts before
 * a number and before nothing ("1.0-rc1" < "1.0" < "1.0.1").
 */
export function compareVersions(a: string, b: string): number {
  const x = parts(a);
  const y = parts(b);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const p = x[i] ?? 0;
    const q = y[i] ?? 0;
    if (p === q) continue;
    if (typeof p === "number" && typeof q === "number") return p - q;
    if (typeof p === "number") return 1;
    if (typeof q === "number") return -1;
    return p < q ? -1 : 1;
  }
  return 0;
}

/** A constraint as typed after --version, or the reason it is not one. */
export function parseVersionConstraint(text: string): VersionConstraint | string {
  const all: VersionConstraint["all"] = [];
  for (const piece of text.split(",")) {
    const match = CONSTRAINT.exec(piece.trim());
    if (!match) return `"${piece.trim()}" is not a version constraint: write e.g. "<2019", ">=8.0.3", "=15.4" or several joined by commas (">=8.0,<8.0.35")`;
    const op = (match[1] === "==" ? "=" : (match[1] ?? "=")) as Operator;
    all.push({ op, version: match[2]! });
  }
  return { all, text };
}

export function satisfies(version: string, constraint: VersionConstraint): boolean {
  return constraint.all.every(({ op, version: bound }) => {
    const c = compareVersions(version, bound);
    switch (op) {
      case "<":
        return c < 0;
      case "<=":
        return c <= 0;
      case ">":
        return c > 0;
      case ">=":
        return c >= 0;
      case "=":
        return c === 0;
      case "!=":
        return c !== 0;
    }
  });
}
