// Bundles the CLI (dist/cli.js and everything it reaches) into one CommonJS file,
// dist/tam-cli.cjs, that bin/tam.js runs through a V8 code cache (src/launch.ts). Why: a short
// command spent most of its time resolving, reading and compiling ~100 ES modules and the CommonJS
// packages they require; one file compiled from a code cache skips that (see docs/benchmarks.md,
// "Start-up"). The library (dist/index.js, package.json "exports") stays the unbundled tsc output.
//
// Every bundled module keeps the import.meta.url of its unbundled twin in dist/ (the bundle sits in
// dist/ beside them), so each path it computes (schemas/, templates/, the worker, package.json)
// points where it did before. Lazy `createRequire(import.meta.url)(…)` loads are bundled too (still
// lazy), and so are dynamic imports (inquirer, for the prompts): a dynamic import() left in the
// bundle would need vm's experimental main-context loader, which prints a warning. Only ajv's
// run-time compiler (used only without the precompiled validators) stays outside.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(root, "dist");
const BUNDLE = join(dist, "tam-cli.cjs");
/** First line of the bundle; the build puts a hash of the bundle in place of the zeros (same length: the source map stays right). */
const ID_LINE = `// tam-bundle ${"0".repeat(16)}`;

/**
 * What the shipped code caches are made from: per command word, its read commands on the bundled
 * example (each set in a process of its own, so that its cache holds the functions those commands
 * compile and no others); "" is start-up alone (--version, --help, and commands without a cache of
 * their own). Outputs are thrown away. src/launch.ts picks dist/tam-cli.<word>.cache by the word.
 */
const AS_OF = ["--as-of", "2026-11-20"];
const TRAINING = {
  "": [["--version"], ["--help"]],
  validate: [["validate"], ["validate", "--format", "json"]],
  status: [
    ["status", ...AS_OF],
    ["status", ...AS_OF, "--format", "json"],
  ],
  change: [
    ["change", "plan", "CHG-0003", ...AS_OF],
    ["change", "plan", "CHG-0003", ...AS_OF, "--format", "json"],
  ],
  docs: [
    ["docs", "check", ...AS_OF, "--fail-on", "never"],
    ["docs", "check", ...AS_OF, "--fail-on", "never", "--format", "json"],
  ],
  sla: [
    ["sla", "report", "--period", "2026-10", ...AS_OF],
    ["sla", "report", "--period", "2026-10", ...AS_OF, "--format", "json"],
  ],
  report: [
    ["report", "--period", "2026-10", ...AS_OF],
    ["report", "--period", "2026-10", ...AS_OF, "--format", "json"],
  ],
  arch: [
    ["arch", "risks", ...AS_OF],
    ["arch", "risks", ...AS_OF, "--format", "json"],
    ["arch", "graph"],
    ["arch", "graph", "--format", "json"],
  ],
  // What the shell completion runs on every Tab, and the other quick lookups.
  __complete: [
    ["__complete", "change"],
    ["__complete", "task"],
    ["__complete", "doc"],
    ["__complete", "component"],
    ["__complete", "department"],
  ],
  schema: [["schema", "change"]],
  completion: [
    ["completion", "bash"],
    ["completion", "zsh"],
    ["completion", "fish"],
  ],
};

/** tam's own compiled files: rewritten so they keep their own URL and their lazy requires get bundled. */
const ownFiles = {
  name: "tam-own-files",
  setup(build) {
    build.onLoad({ filter: /\.js$/ }, (args) => {
      if (!args.path.startsWith(`${dist}/`) || args.path.includes("/node_modules/")) return undefined;
      const rel = relative(dist, args.path).split("\\").join("/");
      const contents = readFileSync(args.path, "utf8")
        // `const require = createRequire(import.meta.url);` → the bundler's own require.
        .replace(/^const require = createRequire\(import\.meta\.url\);$/m, "")
        .replace(/createRequire\(import\.meta\.url\)\(/g, "require(")
        .replace(/import\.meta\.url/g, `__tamModuleUrl(${JSON.stringify(rel)})`);
      return { contents, loader: "js" };
    });
  },
};

/** Builds the bundle; false when esbuild (a dev dependency) is not installed: tam then runs from its ES modules. */
async function buildBundle() {
  let build;
  try {
    ({ build } = await import("esbuild"));
  } catch {
    process.stderr.write("tam: esbuild is not installed: no bundle; tam starts from its ES modules (slower).\n");
    return false;
  }
  await build({
    entryPoints: [join(dist, "cli.js")],
    outfile: BUNDLE,
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    // Stack traces of --debug name the files of dist/ (src/launch.ts turns source maps on then).
    sourcemap: "linked",
    sourcesContent: false,
    external: ["ajv/dist/2020.js"],
    banner: {
      js: [
        ID_LINE,
        "// Generated by scripts/build-bundle.mjs from dist/cli.js: do not edit.",
        'const __tamModuleUrl = (rel) => require("node:url").pathToFileURL(require("node:path").join(__dirname, rel)).href;',
      ].join("\n"),
    },
    plugins: [ownFiles],
    logLevel: "warning",
    legalComments: "none",
    // Smaller to read and to cache (about 3 ms less to start). keepNames: code reads the names of
    // functions and classes (commander's errors take their name from their class).
    // TAM_BUNDLE_PLAIN=1: readable names, for a CPU profile (node --cpu-prof bin/tam.js …).
    minify: process.env.TAM_BUNDLE_PLAIN !== "1",
    keepNames: true,
  });
  // Only ASCII, so that src/launch.ts can read it as latin1 (a quarter of the time of UTF-8): esbuild
  // escapes strings but leaves comments and regular expressions alone; \u escapes mean the same there.
  const text = readFileSync(BUNDLE, "utf8").replace(/[^\0-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
  if (!text.startsWith(`${ID_LINE}\n`)) throw new Error("build-bundle: the bundle does not start with its id line");
  if (/\bimport\(/.test(text)) throw new Error("build-bundle: a dynamic import() is left in the bundle (see the comment at the top)");
  const id = createHash("sha256").update(text).digest("hex").slice(0, 16);
  writeFileSync(BUNDLE, text.replace(ID_LINE, `// tam-bundle ${id}`));
  return true;
}

const cacheFile = (word) => join(dist, word ? `tam-cli.${word}.cache` : "tam-cli.cache");

/** Runs the training commands of one word through the bundle and writes its cache (in a process of its own: no flags, nothing else loaded). */
async function train(word) {
  const launch = await import(pathToFileURL(join(dist, "launch.js")).href);
  const source = readFileSync(BUNDLE, "latin1");
  const { script, run } = launch.compileBundle(source);
  const cli = run();
  const quiet = { out() {}, err() {} };
  const example = join(root, "examples", "northwind");
  for (const args of TRAINING[word]) await cli.main([process.execPath, "tam", ...args, ...(args[0].startsWith("-") ? [] : ["-C", example])], quiet);
  launch.writeCache(cacheFile(word), launch.cacheHeader(launch.bundleIdOf(source)), script.createCachedData());
}

if (process.argv[2] === "--train") await train(process.argv[3] ?? "");
else {
  // No stale bundle or cache may outlive a build that cannot make new ones.
  for (const name of readdirSync(dist)) if (name.startsWith("tam-cli.")) rmSync(join(dist, name));
  if (!(await buildBundle())) process.exit(0);
  for (const word of Object.keys(TRAINING)) {
    const trained = spawnSync(process.execPath, [fileURLToPath(import.meta.url), "--train", word], { stdio: ["ignore", 2, 2] });
    if (trained.status !== 0) process.exit(trained.status ?? 1);
  }
}
