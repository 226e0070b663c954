// The lowest Node version of each range of `engines.node` in package.json, one a line:
// `^20.16.0 || ^22.3.0 || >=24.0.0` prints 20.16.0, 22.3.0 and 24.0.0. .ci/run runs the end-to-end
// tier at each of them; test/unit/engines.test.ts checks them against the Node APIs tam calls.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** The lowest version of each range; throws on a range not of the form ^x.y.z or >=x.y.z. */
export function lowestVersions(engines) {
  return engines.split("||").map((range) => {
    const match = /^\s*(?:\^|>=)\s*(\d+\.\d+\.\d+)\s*$/.exec(range);
    if (!match) throw new Error(`engines: "${range.trim()}" is not of the form ^x.y.z or >=x.y.z`);
    return match[1];
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { engines } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
  process.stdout.write(`${lowestVersions(engines.node).join("\n")}\n`);
}
