#!/usr/bin/env node
// The floors of the benchmarks (scripts/bench.mjs): read and parse a project's YAML files and do
// nothing else: no positions kept, no checks. The parser is `yaml` (tam's reader of record, for
// positions and edits), `js-yaml` (the "fast parse floor" of the targets), `tam` (tam's read as it
// runs: src/project/block-yaml.ts from dist/, the `yaml` package for what it declines; needs
// `npm run build`) or
// `json` (JSON.parse of JSON copies of the same data, in <project>-json, as the peer reads them: the
// floor of any YAML-reading tool).
//   node scripts/bench-floor.mjs <project> all|incidents|plan [yaml|js-yaml|tam|json]
//     all        every YAML file (the "parse floor" of validate)
//     incidents  incidents/*.yaml only (the floor of sla report)
//     plan       tam.yaml, departments.yaml, architecture.yaml, docs.yaml and changes/*.yaml: the
//                project a change plan needs, all but the incidents (the "load project" floor)
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { CORE_SCHEMA, load } from "js-yaml";
import { parse } from "yaml";

const [root, which = "all", parser = "yaml"] = process.argv.slice(2);
const dist = join(dirname(fileURLToPath(import.meta.url)), "..", "dist", "project");
/** tam's read, loaded only for its floor: the block reader, the `yaml` package where it declines (counted). */
const tam = parser === "tam" ? { ...(await import(join(dist, "block-yaml.js"))), refused: 0 } : undefined;
const read = {
  yaml: (rel) => parse(readFileSync(join(root, rel), "utf8")),
  "js-yaml": (rel) => load(readFileSync(join(root, rel), "utf8"), { schema: CORE_SCHEMA }),
  tam: (rel) => {
    const text = readFileSync(join(root, rel), "utf8");
    const block = tam.readBlockYaml(text);
    if (block) return block.data;
    tam.refused++;
    return parse(text, { version: "1.2", uniqueKeys: true });
  },
  json: (rel) => JSON.parse(readFileSync(join(`${root}-json`, rel.replace(/\.ya?ml$/, ".json")), "utf8")),
}[parser];
const folder = (name) =>
  existsSync(join(root, name))
    ? readdirSync(join(root, name))
        .filter((f) => /\.ya?ml$/.test(f))
        .sort()
        .map((f) => `${name}/${f}`)
    : [];
const top = (names) => names.filter((name) => existsSync(join(root, name)));
const files = {
  all: [...top(["tam.yaml", "departments.yaml", "architecture.yaml", "docs.yaml"]), ...folder("changes"), ...folder("incidents")],
  incidents: folder("incidents"),
  plan: [...top(["tam.yaml", "departments.yaml", "architecture.yaml", "docs.yaml"]), ...folder("changes")],
}[which];
if (!root || !files || !read) {
  process.stderr.write("usage: bench-floor.mjs <project> all|incidents|plan [yaml|js-yaml|tam|json]\n");
  process.exit(2);
}
let items = 0;
for (const rel of files) {
  const data = read(rel);
  items += Array.isArray(data?.incidents) ? data.incidents.length : 1;
}
process.stdout.write(`${files.length} files, ${items} items${tam ? `, ${tam.refused} declined by the block reader (read by yaml)` : ""}\n`);
