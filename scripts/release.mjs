// Makes the release commit of the version in package.json and tags it: HEAD's files plus the
// built dist/, and a package.json without build scripts. Installs from a git URL of that tag
// (`npm install -g git+https://…/tam.git#v0.1.0`), the GitHub Action (`uses: <org>/tam@v0`) and
// pre-commit (`rev: v0.1.0`) then need no TypeScript build on the client's machine: npm cannot
// build a git dependency in a global install (npm/cli#8440), and a build costs every CI run.
//
//   node scripts/release.mjs [--no-build]
//
// The work tree, the index and the current branch are left alone: the commit is made with a
// scratch index and sits on top of HEAD; tags v<version> and v<major> point at it (v<major> moves).
// Prints the commit's id. Publishing is `git push origin v<version> && git push -f origin v<major>`.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const root = process.cwd();
/** Scripts that make npm prepare (install and build) a git dependency. */
const BUILD_SCRIPTS = ["prepare", "prepack", "build", "preinstall", "install", "postinstall", "pretest"];

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, encoding: "utf8", stdio: ["pipe", "pipe", "inherit"], ...options });
  if (result.status !== 0) {
    process.stderr.write(`release: ${command} ${args.join(" ")} failed\n`);
    process.exit(1);
  }
  return result.stdout.trim();
}

if (!process.argv.includes("--no-build")) run("npm", ["run", "--silent", "build"], { stdio: ["ignore", 2, 2] });
if (!existsSync(join(root, "dist/cli.js"))) {
  process.stderr.write("release: dist/cli.js is missing: build first\n");
  process.exit(1);
}

const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
for (const name of BUILD_SCRIPTS) delete pkg.scripts?.[name];
const scratch = mkdtempSync(join(tmpdir(), "tam-release-"));
const env = { ...process.env, GIT_INDEX_FILE: join(scratch, "index") };
try {
  run("git", ["read-tree", "HEAD"], { env });
  // Not the code caches: V8 takes them only from the very Node version that made them; tam makes
  // its own in the user's cache folder on the first run (src/launch.ts).
  run("git", ["add", "--force", "--", "dist", ":(exclude)dist/*.cache"], { env });
  const blob = run("git", ["hash-object", "-w", "--stdin"], { input: `${JSON.stringify(pkg, null, 2)}\n` });
  run("git", ["update-index", "--cacheinfo", `100644,${blob},package.json`], { env });
  const tree = run("git", ["write-tree"], { env });
  const commit = run("git", ["commit-tree", tree, "-p", "HEAD", "-m", `Release v${pkg.version}: prebuilt dist/, no build scripts`]);
  run("git", ["tag", "--force", `v${pkg.version}`, commit]);
  run("git", ["tag", "--force", `v${pkg.version.split(".")[0]}`, commit]);
  process.stdout.write(`${commit}\n`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
