// npm's `prepare`: builds dist/ on `npm install` in a checkout, on `npm pack`, and when tam is
// installed as a local dependency from a git URL of a development commit (npm installs the dev
// dependencies first). Release commits (scripts/release.mjs) ship dist/ and have no `prepare`.
// Everything the build prints goes to stderr: `npm pack`'s stdout must stay the tarball's name
// alone (pre-commit's node hook install reads it).
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const tsc = join(root, "node_modules/typescript/bin/tsc");

if (!existsSync(tsc)) {
  // `npm install -g git+…` of a commit without dist/: npm prepares the clone in global mode and
  // never installs its dev dependencies (npm/cli#8440). Say what works instead of "tsc: not found".
  process.stderr.write(
    "tam: cannot build here: the TypeScript compiler (a dev dependency) is not installed.\n" +
      (process.env.npm_config_global === "true"
        ? "npm does not install a git dependency's dev dependencies in a global install (npm/cli#8440).\n" +
          "Install a release tag instead (it ships the build): npm install -g git+https://…/tam.git#v0.1.0, or a release tarball.\n"
        : "Run `npm install` (with dev dependencies) first.\n"),
  );
  process.exit(1);
}
for (const args of [[tsc, "-p", "tsconfig.json"], [join(root, "scripts/build-validators.mjs")], [join(root, "scripts/build-bundle.mjs")]]) {
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: ["ignore", 2, 2] });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
