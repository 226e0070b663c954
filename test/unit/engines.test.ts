// `engines` in package.json against the Node APIs tam calls without a fallback: the lowest version
// it declares for each major must have them (tam crashed at start on Node 22.0–22.2, which lack
// process.getBuiltinModule). .ci/run runs the end-to-end tier at each of these lowest versions.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { lowestVersions } from "../../scripts/node-floors.mjs";
import { REPO } from "../helpers/run.js";
import { sourceFiles } from "../helpers/source-files.js";

/** APIs tam calls unguarded, and the first version of each Node major that has them (Node's docs, "added in"). */
const API_SINCE: Record<string, Record<number, string>> = {
  "process.getBuiltinModule(": { 20: "20.16.0", 22: "22.3.0", 24: "24.0.0" },
};

const numbers = (version: string) => version.split(".").map(Number) as [number, number, number];
const atLeast = (version: string, floor: string) => {
  const [a, b] = [numbers(version), numbers(floor)];
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
};

describe("engines", () => {
  const engines = (JSON.parse(readFileSync(join(REPO, "package.json"), "utf8")) as { engines: { node: string } }).engines.node;

  it("declares, for each supported major, a lowest version that has every Node API tam calls", () => {
    const source = sourceFiles()
      .map((file) => readFileSync(file, "utf8"))
      .join("\n");
    const used = Object.keys(API_SINCE).filter((api) => source.includes(api));
    expect(used.length).toBeGreaterThan(0); // the scan still finds what it checks
    const tooLow = lowestVersions(engines).flatMap((lowest) =>
      used.flatMap((api) => {
        const since = API_SINCE[api]![numbers(lowest)[0]];
        return since === undefined || atLeast(lowest, since) < 0 ? [`${lowest} lacks ${api}) (since ${since ?? "no version of this major"})`] : [];
      }),
    );
    expect(tooLow).toEqual([]);
  });

  it("is read by .ci/run through scripts/node-floors.mjs, which takes the lowest version of each range", () => {
    expect(readFileSync(join(REPO, ".ci/run"), "utf8")).toContain("node scripts/node-floors.mjs");
    expect(lowestVersions("^20.16.0 || ^22.3.0 || >=24.0.0")).toEqual(["20.16.0", "22.3.0", "24.0.0"]);
    expect(() => lowestVersions("^20.16.0 || 22")).toThrow(/"22" is not of the form/);
  });
});
