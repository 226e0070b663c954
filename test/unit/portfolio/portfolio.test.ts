// tam portfolio on a portfolio of small fixture projects, in-process: a broken one, a folder that is
// not a project, one with another tam's write lock held, one not in a git repository.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { portfolio, portfolioFind } from "../../../src/app/portfolio.js";
import { UsageError } from "../../../src/errors.js";
import { committedCopy, copyProject, EXAMPLE, REPO } from "../../helpers/run.js";

const AS_OF = "2026-11-20";
let base: string;
const dirs: Record<string, string> = {};

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), "tam-portfolio-"));
  // Each client in its own git repository, as client projects are kept.
  dirs.northwind = committedCopy(EXAMPLE);
  dirs.contoso = committedCopy(join(REPO, "examples/contoso"));
  // Not a git repository: document freshness goes without history, the row says so in its notes.
  dirs.fabrikam = copyProject(join(REPO, "examples/fabrikam"));
  // Another tam is writing: reading does not wait for the lock, the row is computed.
  dirs.locked = committedCopy(join(REPO, "examples/fabrikam"));
  writeFileSync(join(dirs.locked, "tam.yaml.lock"), JSON.stringify({ pid: 999999, host: "elsewhere", since: "2026-11-20T08:00:00Z" }));
  // Broken: a change names a department that does not exist.
  dirs.broken = committedCopy(join(REPO, "examples/fabrikam"));
  const change = join(dirs.broken, "changes/CHG-0001.yaml");
  writeFileSync(change, readFileSync(change, "utf8").replace("department: dba", "department: dbaa"));
  // Not a project at all.
  dirs.plain = join(base, "plain");
  mkdirSync(dirs.plain);
});

const paths = () => [dirs.northwind!, dirs.contoso!, dirs.fabrikam!, dirs.locked!, dirs.broken!, dirs.plain!];

describe("tam portfolio", () => {
  it("gives one row per client, errors first, then the most urgent, and goes on past the broken ones", async () => {
    const result = await portfolio({ paths: paths(), asOf: AS_OF });
    expect(result.rows).toHaveLength(6);
    const [first, second, ...rest] = result.rows;
    expect([first!.path, second!.path].sort()).toEqual([dirs.broken, dirs.plain].sort());
    const broken = result.rows.find((row) => row.path === dirs.broken)!;
    expect(broken.client).toBe("Fabrikam Logistics");
    expect(broken.figures).toBeNull();
    expect(broken.error).toMatch(/changes\/CHG-0001\.yaml:\d+:\d+: .*dbaa/);
    expect(result.rows.find((row) => row.path === dirs.plain)!.error).toMatch(/is not a tam project/);
    // Urgency decides the order of the readable rows.
    expect(rest.map((row) => row.urgency)).toEqual([...rest.map((row) => row.urgency)].sort((a, b) => b - a));
    expect(rest[0]!.client).toBe("Northwind Retail");
    expect(result.totals.clients).toBe(6);
    expect(result.totals.withErrors).toBe(2);
  });

  it("reads the figures each client's own reports give", async () => {
    const result = await portfolio({ paths: [dirs.contoso!], asOf: AS_OF });
    const f = result.rows[0]!.figures!;
    expect(f.late).toEqual(["CHG-0001"]);
    expect(f.blocked).toEqual(["CHG-0001/T1"]);
    expect(f.untold).toEqual(["CHG-0001/T1"]);
    expect(f.openP1P2).toEqual(["INC-0001"]);
    expect(f.sla.pass).toBe(false);
    expect(f.staleDocs).toEqual(["portal-runbook"]);
    expect(result.totals.late).toBe(1);
  });

  it("reads a project whose write lock another tam holds, and one outside git (with a note)", async () => {
    const result = await portfolio({ paths: [dirs.locked!, dirs.fabrikam!], asOf: AS_OF });
    expect(result.rows.map((row) => row.error)).toEqual([null, null]);
    const outside = result.rows.find((row) => row.path === dirs.fabrikam)!;
    expect(outside.notes.join(" ")).toMatch(/git/);
  });

  it("is the same on every run for one --as-of", async () => {
    const a = await portfolio({ paths: paths(), asOf: AS_OF });
    const b = await portfolio({ paths: paths(), asOf: AS_OF, now: 0 });
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });

  it("keeps only the clients of one TAM with --tam", async () => {
    const result = await portfolio({ paths: [dirs.northwind!, dirs.contoso!, dirs.fabrikam!], asOf: AS_OF, tam: "boris.lebedev@provider.example" });
    expect(result.rows.map((row) => row.client)).toEqual(["Contoso Pharma"]);
  });

  it("takes globs and a portfolio file, relative to the file, each folder once", async () => {
    const file = join(base, "portfolio.yaml");
    writeFileSync(file, `clients:\n  - ${relative(base, dirs.contoso!)}\n  - path: ${relative(base, dirs.contoso!)}\n  - ${join(relative(base, REPO), "examples/fab*")}\n`);
    const result = await portfolio({ paths: [], file, cwd: base, asOf: AS_OF });
    expect(result.rows.map((row) => row.client).sort()).toEqual(["Contoso Pharma", "Fabrikam Logistics"]);
  });

  it("refuses a portfolio file it cannot read as a located usage error", async () => {
    const file = join(base, "bad-portfolio.yaml");
    writeFileSync(file, "clients:\n  - 42\n");
    await expect(portfolio({ paths: [], file, cwd: base })).rejects.toThrow(/bad-portfolio\.yaml:2:5: a client is a folder path/);
    writeFileSync(file, "projects: [a]\n");
    await expect(portfolio({ paths: [], file, cwd: base })).rejects.toThrow(UsageError);
    await expect(portfolio({ paths: [] })).rejects.toThrow(/no client projects/);
  });
});

describe("tam portfolio find", () => {
  it("lists the clients running a product at a version, with what depends on it and the TAM", async () => {
    const result = await portfolioFind({ paths: [dirs.contoso!, dirs.fabrikam!, dirs.plain!], product: "windows  SERVER", version: "<2019" });
    expect(result.found.map((f) => [f.client, f.component, f.version])).toEqual([
      ["Contoso Pharma", "file-server", "2012.2"],
      ["Contoso Pharma", "portal-web", "2016"],
    ]);
    expect(result.found[0]!.tam.name).toBe("Boris Lebedev");
    expect(result.errors.map((e) => e.path)).toEqual([dirs.plain]);
    const exposed = await portfolioFind({ paths: [dirs.contoso!, dirs.fabrikam!], product: "Windows Server", version: "<2019", internetFacing: true });
    expect(exposed.found.map((f) => f.component)).toEqual(["portal-web"]);
    const db = await portfolioFind({ paths: [dirs.contoso!], product: "Microsoft SQL Server" });
    expect(db.found[0]!.dependents).toEqual(["portal-web"]);
  });

  it("suggests the recorded product when none is recorded as typed", async () => {
    const result = await portfolioFind({ paths: [dirs.contoso!, dirs.fabrikam!], product: "Postgress" });
    expect(result.found).toEqual([]);
    expect(result.didYouMean).toBe("PostgreSQL");
    expect((await portfolioFind({ paths: [dirs.fabrikam!], product: "postgresql" })).didYouMean).toBeNull();
  });

  it("refuses a version constraint it cannot read", async () => {
    await expect(portfolioFind({ paths: [dirs.contoso!], product: "nginx", version: "<<1" })).rejects.toThrow(/--versions: .*not a version constraint/);
  });
});
