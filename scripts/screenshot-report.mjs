// Screenshots of the example's HTML report, as a person sees it, at a desktop and a phone width:
//   npm run build && node scripts/screenshot-report.mjs [--as-of 2026-12-06]
// Needs Chromium (Debian: apt-get install chromium). Writes docs/images/report-1280.png and
// docs/images/report-420.png (full page height, cut at 6000 px).
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const asOf = process.argv.includes("--as-of") ? process.argv[process.argv.indexOf("--as-of") + 1] : "2026-12-06";
const chromium = ["chromium", "chromium-browser", "google-chrome"].find((name) => spawnSync("which", [name]).status === 0);
if (!chromium) {
  process.stderr.write("screenshot-report: no Chromium found (apt-get install chromium)\n");
  process.exit(2);
}
const report = spawnSync(process.execPath, [join(root, "bin/tam.js"), "report", "-C", join(root, "examples/northwind"), "--as-of", asOf, "--format", "html"], {
  encoding: "utf8",
  env: { ...process.env, NO_COLOR: "1" },
});
if (report.status !== 0) {
  process.stderr.write(report.stderr);
  process.exit(report.status ?? 2);
}
const dir = mkdtempSync(join(tmpdir(), "tam-screenshot-"));
const page = join(dir, "report.html");
writeFileSync(page, report.stdout);
for (const [width, height] of [
  [1280, 2400],
  [420, 6000],
]) {
  const out = join(root, "docs/images", `report-${width}.png`);
  const shot = spawnSync(chromium, ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", `--window-size=${width},${height}`, `--screenshot=${out}`, `file://${page}`], {
    encoding: "utf8",
  });
  if (shot.status !== 0) {
    process.stderr.write(shot.stderr);
    process.exit(shot.status ?? 2);
  }
  process.stdout.write(`wrote ${out}\n`);
}
