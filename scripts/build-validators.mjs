// Precompiles the JSON Schemas into standalone ajv validators (dist/validators/<name>.cjs),
// so a run of tam does not pay for compiling schemas: it loads plain functions.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

const require = createRequire(import.meta.url);
const { Ajv2020 } = require("ajv/dist/2020.js");
const standaloneCode = require("ajv/dist/standalone").default;

// Must match the options of the runtime fallback in src/project/schema-check.ts.
export const AJV_OPTIONS = { allErrors: true, strict: true, allowUnionTypes: true, verbose: true };

const root = new URL("..", import.meta.url).pathname;
const out = join(root, "dist/validators");
mkdirSync(out, { recursive: true });
for (const file of readdirSync(join(root, "schemas")).filter((f) => f.endsWith(".schema.json"))) {
  const ajv = new Ajv2020({ ...AJV_OPTIONS, code: { source: true } });
  const validate = ajv.compile(JSON.parse(readFileSync(join(root, "schemas", file), "utf8")));
  writeFileSync(join(out, file.replace(".schema.json", ".cjs")), standaloneCode(ajv, validate));
}
