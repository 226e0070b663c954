// The YAML files tam ships or tests with: what the differential tests of the readers run on.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
// @ts-expect-error plain JavaScript module without types
import { MUTATION_NAMES, MUTATIONS, prng } from "../../scripts/fuzz/mutations.mjs";

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/** Every .yaml/.yml file below `dir`, links not followed. */
export function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isSymbolicLink()) return [];
    if (entry.isDirectory()) return yamlFiles(path);
    return /\.ya?ml$/i.test(entry.name) ? [path] : [];
  });
}

/** The YAML files of examples/, test/fixtures/ and templates/. */
export const SHIPPED_YAML_FILES = ["examples", "test/fixtures", "templates"].flatMap((dir) => yamlFiles(join(REPO_ROOT, dir)));

/** `count` seeded fuzz mutations (the kinds of scripts/fuzz) of the example's YAML files, each with a label for messages. */
export function exampleMutations(count: number, seed: number): { label: string; text: string }[] {
  const originals = yamlFiles(join(REPO_ROOT, "examples/northwind")).map((file) => readFileSync(file));
  const random = prng(seed);
  const out: { label: string; text: string }[] = [];
  for (let i = 0; i < count; i++) {
    const name = random.pick(MUTATION_NAMES as string[]);
    const mutated: Buffer = MUTATIONS[name](random.pick(originals), random);
    out.push({ label: `${name} #${i}`, text: mutated.toString("utf8") });
  }
  return out;
}
