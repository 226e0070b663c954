// The fast read with a worker for js-yaml gives exactly what one thread gives, in the same order.
// Runs the built module (dist/): the worker is a compiled file next to it.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { availableParallelism } from "node:os";
import { isDeepStrictEqual } from "node:util";
import { describe, expect, it } from "vitest";
import { REPO } from "../../helpers/run.js";

const { fastDataOfAll } = (await import(join(REPO, "dist/project/parallel-read.js"))) as typeof import("../../../src/project/parallel-read.js");
const { fastData } = (await import(join(REPO, "dist/project/source.js"))) as typeof import("../../../src/project/source.js");

const folder = join(REPO, "examples/northwind/incidents");
const EXAMPLE = readdirSync(folder).map((name) => readFileSync(join(folder, name), "utf8"));

describe("parallel fast read", () => {
  it("returns the same data in the same order as one thread, including files it refuses", () => {
    // The block reader reads the plain files here; a multi-line plain scalar sends a file to js-yaml, and from there to the worker.
    const jsYaml = EXAMPLE.map((text) => `${text.replace(/P3/g, "P2")}note: a text\n  on two lines\n`);
    const texts = [...EXAMPLE, "a: *alias\n", ...jsYaml, "a: 1\na: 2\n", "__proto__: { x: 1 }\n", "__proto__: x\nb: 'multi\n  line'\n"];
    const stats = { threads: 0 };
    const threaded = fastDataOfAll(texts, 0, stats);
    expect(stats.threads).toBe(availableParallelism() >= 2 ? 2 : 1);
    const single = texts.map((text) => fastData(text));
    expect(threaded.length).toBe(texts.length);
    expect(threaded.map((r) => r === undefined)).toEqual(single.map((r) => r === undefined));
    expect(threaded.every((r, i) => isDeepStrictEqual(r, single[i]))).toBe(true);
    expect(threaded.filter((r, i) => r !== undefined && i >= EXAMPLE.length + 1 && i < 2 * EXAMPLE.length + 1)).toHaveLength(EXAMPLE.length);
    expect(Object.keys((threaded.at(-2) as { data: object }).data)).toEqual(["__proto__"]);
    expect(Object.keys((threaded.at(-1) as { data: object }).data)).toEqual(["__proto__", "b"]);
  });
});
