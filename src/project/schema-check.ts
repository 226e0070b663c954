// Schema validation with ajv, turned into located, plain-language issues:
// one finding per real problem, "did you mean" for misspelt keys and values.
import { createRequire } from "node:module";
import type { ErrorObject, ValidateFunction } from "ajv";
import type { Issue } from "../model/issues.js";
import { didYouMean } from "../util/suggest.js";
import type { FileKind } from "../model/files.js";
import { readSchema, SCHEMA_NAMES } from "./schemas.js";
import { locate, type PathSegment, type SourceFile } from "./source.js";
import { count } from "../util/plural.js";
import { modulesUrl } from "../version.js";
import { fileURLToPath } from "node:url";

const validators = new Map<FileKind, ValidateFunction>();
const require = createRequire(import.meta.url);

/** Options shared with scripts/build-validators.mjs, which precompiles the same validators. */
const AJV_OPTIONS = { allErrors: true, strict: true, allowUnionTypes: true, verbose: true };

/** Loads a validator precompiled at build time by its schema name (dist/validators/<name>.cjs). */
let precompiled = (name: string): unknown => require(fileURLToPath(modulesUrl(`validators/${name}.cjs`)));

/**
 * For the bundle's entry (scripts/build-bundle.mjs), which carries the precompiled validators inside it.
 * @public the entry is generated text: no import of it is visible to knip.
 */
export function usePrecompiledValidators(load: (name: string) => unknown): void {
  precompiled = load;
}

/**
 * The validator of a file kind: the one precompiled at build time (dist/validators), else compiled
 * here once per run (when running from sources).
 */
function validatorFor(kind: FileKind): ValidateFunction {
  let validate = validators.get(kind);
  if (!validate) {
    try {
      validate = precompiled(SCHEMA_NAMES[kind]) as ValidateFunction | undefined;
    } catch {
      // Not built (tests run the sources): compiled below.
    }
    if (typeof validate !== "function") {
      const { Ajv2020 } = require("ajv/dist/2020.js") as typeof import("ajv/dist/2020.js");
      validate = new Ajv2020(AJV_OPTIONS).compile(readSchema(kind));
    }
    validators.set(kind, validate);
  }
  return validate;
}

export function checkSchema(source: SourceFile): Issue[] {
  if (source.data === undefined) return []; // unparsable: already reported
  if (source.data === null) {
    return [{ severity: "error", code: "empty-file", message: `${source.rel} is empty`, file: source.rel, line: 1, col: 1 }];
  }
  const validate = validatorFor(source.kind);
  if (validate(source.data)) return [];
  return translate(source, validate.errors ?? []);
}

function pathOf(instancePath: string): PathSegment[] {
  if (instancePath === "") return [];
  return instancePath
    .slice(1)
    .split("/")
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/** "components[9] (san).kind": the path, with the id of each list item so people recognise it. */
function label(path: PathSegment[], data: unknown): string {
  let out = "";
  let node = data;
  for (const segment of path) {
    node = node !== null && typeof node === "object" ? (node as Record<string | number, unknown>)[segment] : undefined;
    if (typeof segment === "number") {
      const id = node !== null && typeof node === "object" ? (node as { id?: unknown }).id : undefined;
      out += typeof id === "string" ? `[${segment}] (${id})` : `[${segment}]`;
    } else out += out ? `.${segment}` : segment;
  }
  return out || "the file";
}

const PATTERN_HINTS: [RegExp, string][] = [
  [/\\d\+w/, 'a duration such as "30m", "4h", "2d", "1w" or "1d4h"'],
  [/T\\d\{2\}/, "an ISO 8601 timestamp with an offset, e.g. 2026-10-05T09:30:00+03:00"],
  [/^\^\\d\{4\}-\\d\{2\}-\\d\{2\}\$$/, "a date YYYY-MM-DD"],
  [/24:00/, 'a range of hours such as "09:00-18:00"'],
  [/A-Za-z0-9/, "an id of letters, digits, '.', '_' or '-'"],
  [/0-9A-Za-z\]\[0-9A-Za-z\.\+_-/, 'a version such as "2016", "15.4" or "8.0.32-1" (letters, digits, ".", "+", "_", "-"; no spaces)'],
];

function patternHint(pattern: string): string {
  for (const [test, hint] of PATTERN_HINTS) if (test.test(pattern)) return hint;
  return `text matching ${pattern}`;
}

function translate(source: SourceFile, errors: ErrorObject[]): Issue[] {
  // A failed oneOf/anyOf reports every branch's errors; keep one finding for the union instead.
  const unions = errors.filter((e) => e.keyword === "oneOf" || e.keyword === "anyOf").map((e) => e.instancePath);
  const seen = new Set<string>();
  const issues: Issue[] = [];
  for (const error of errors) {
    const inUnion = unions.some((p) => error.instancePath.startsWith(p) && !(error.keyword === "oneOf" || error.keyword === "anyOf"));
    if (inUnion) continue;
    const key = `${error.instancePath}|${error.keyword}|${JSON.stringify(error.params)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    issues.push(describe(source, error));
  }
  return issues;
}

function describe(source: SourceFile, error: ErrorObject): Issue {
  const path = pathOf(error.instancePath);
  const where = label(path, source.data);
  const at = (p: PathSegment[], key = false) => locate(source, p, key);
  const base = { severity: "error" as const, code: "schema" };
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case "additionalProperties": {
      const name = String(params.additionalProperty);
      const allowed = Object.keys((error.parentSchema?.properties as object | undefined) ?? {});
      const hint = didYouMean(name, allowed);
      return { ...base, code: "unknown-key", message: `unknown key "${name}" in ${where}${hint ? `: ${hint}` : ""}`, hint, ...at([...path, name], true) };
    }
    case "required":
      return { ...base, code: "missing-field", message: `${where} is missing the required field "${String(params.missingProperty)}"`, ...at(path) };
    case "enum": {
      const allowed = (params.allowedValues as unknown[]).map(String);
      const value = String(error.data);
      const hint = didYouMean(value, allowed);
      return { ...base, code: "invalid-value", message: `${where} is "${value}"; allowed: ${allowed.join(", ")}${hint ? ` (${hint})` : ""}`, hint, ...at(path) };
    }
    case "const":
      return { ...base, code: "invalid-value", message: `${where} must be ${JSON.stringify(params.allowedValue)}`, ...at(path) };
    case "type": {
      // `version: 2016` or `phone: 5550110`: YAML reads a bare number; the fix is quotes.
      const hint = params.type === "string" && typeof error.data === "number" ? `write it in quotes, e.g. "${String(error.data)}"` : undefined;
      return { ...base, code: "wrong-type", message: `${where} should be ${article(String(params.type))}, not ${describeValue(error.data)}${hint ? ` (${hint})` : ""}`, hint, ...at(path) };
    }
    case "pattern":
      return { ...base, code: "invalid-format", message: `${where} is ${JSON.stringify(error.data)}; expected ${patternHint(String(params.pattern))}`, ...at(path) };
    case "minLength":
      return { ...base, code: "empty-value", message: `${where} must not be empty`, ...at(path) };
    case "minimum":
    case "maximum":
    case "exclusiveMinimum":
    case "exclusiveMaximum":
      return { ...base, code: "out-of-range", message: `${where} is ${String(error.data)}; it ${error.message}`, ...at(path) };
    case "minItems":
      return { ...base, code: "empty-list", message: `${where} needs at least ${count(Number(params.limit), "item")}`, ...at(path) };
    case "uniqueItems":
      return { ...base, code: "duplicate-item", message: `${where} lists the same item twice`, ...at(path) };
    case "oneOf":
    case "anyOf":
      return {
        ...base,
        code: "invalid-value",
        message: `${where} does not match any allowed form${error.parentSchema?.description ? ` (${String(error.parentSchema.description)})` : ""}`,
        ...at(path),
      };
    default:
      return { ...base, message: `${where} ${error.message ?? "is invalid"}`, ...at(path) };
  }
}

function article(type: string): string {
  if (type === "object") return "a mapping (key: value)";
  if (type === "array") return "a list";
  if (type === "integer") return "a whole number";
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function describeValue(value: unknown): string {
  if (value === null) return "empty";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  if (typeof value === "number" && !Number.isFinite(value)) return `number ${String(value)}`;
  return `${typeof value} ${JSON.stringify(value)}`;
}
