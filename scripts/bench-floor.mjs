#!/usr/bin/env node
// The floors of the benchmarks (scripts/bench.mjs): read and parse a project's YAML files with
// the `yaml` package (the parser tam uses) and do nothing else: no positions kept, no checks.
//   node scripts/bench-floor.mjs <project> all|incidents|plan
//     all        every YAML file (the "parse floor" of validate)
//     incidents  incidents/*.yaml only (the floor of sla report)
//     plan       tam.yaml, departments.yaml, architecture.yaml, docs.yaml and changes/*.yaml: the
//                project a change plan needs, all but the incidents (the "load project" floor)
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";

const [root, which = "all"] = process.argv.slice(2);
const folder = (name) => (existsSync(join(root, name)) ? readdirSync(join(root, name)).filter((f) => /\.ya?ml$/.test(f)).sort().map((f) => `${name}/${f}`) : []);
const top = (names) => names.filter((name) => existsSync(join(root, name)));
const files = {
  all: [...top(["tam.yaml", "departments.yaml", "architecture.yaml", "docs.yaml"]), ...folder("changes"), ...folder("incidents")],
  incidents: folder("incidents"),
  plan: [...top(["tam.yaml", "departments.yaml", "architecture.yaml", "docs.yaml"]), ...folder("changes")],
}[which];
if (!root || !files) {
  process.stderr.write("usage: bench-floor.mjs <project> all|incidents|plan\n");
  process.exit(2);
}
let items = 0;
for (const rel of files) {
  const data = parse(readFileSync(join(root, rel), "utf8"));
  items += Array.isArray(data?.incidents) ? data.incidents.length : 1;
}
process.stdout.write(`${files.length} files, ${items} items\n`);
