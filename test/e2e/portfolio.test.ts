// tam portfolio through the CLI (in-process): commander's parsing of the command and its find
// subcommand (whose --format and --file the parent command takes), every format, the exit code.
import { mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { InProcessTam } from "../helpers/in-process.js";
import { REPO } from "../helpers/run.js";

const AS_OF = "2026-11-20";
const contoso = join(REPO, "examples/contoso");
const plain = join(mkdtempSync(join(tmpdir(), "tam-portfolio-")), "plain");
mkdirSync(plain);
const tam = new InProcessTam();
afterAll(() => tam.close());

describe("tam portfolio, the command", () => {
  it("prints every format and exits 1 when a row has an error", async () => {
    for (const format of ["table", "json", "markdown", "html"]) {
      const run = await tam.run(["portfolio", contoso, plain, "--as-of", AS_OF, "--format", format]);
      expect(run.stderr).toBe("");
      expect(run.code).toBe(1);
      expect(run.stdout).toContain("Contoso Pharma");
      expect(run.stdout).toContain("is not a tam project");
    }
    const ok = await tam.run(["portfolio", contoso, "--as-of", AS_OF, "--format", "json"]);
    expect(ok.code).toBe(0);
    const json = JSON.parse(ok.stdout);
    expect(json.version).toBe(1);
    expect(json.clients[0].late).toEqual(["CHG-0001"]);
  });

  it("--mine takes a value after = or git's identity; the paths stay paths", async () => {
    const fabrikam = join(REPO, "examples/fabrikam");
    const run = await tam.run(["portfolio", contoso, fabrikam, "--mine=boris.lebedev@provider.example", "--as-of", AS_OF, "--format", "json"]);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json.clients.map((c: { client: string }) => c.client)).toEqual(["Contoso Pharma"]);
    expect(json.workload.map((w: { tam: { name: string } }) => w.tam.name)).toEqual(["Boris Lebedev"]);
    const both = await tam.run(["portfolio", contoso, "--mine", "--tam", "x", "--as-of", AS_OF]);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/--tam and --mine/);
  });

  it("find takes --format and --file after its own options", async () => {
    const find = await tam.run(["portfolio", "find", "--product", "Windows Server", "--versions", "<2019", "--format", "json", "--file", join(REPO, "examples/portfolio.yaml")]);
    expect(find.code).toBe(0);
    expect(JSON.parse(find.stdout).found.map((f: { component: string }) => f.component)).toEqual(["file-server", "portal-web"]);
  });
});
