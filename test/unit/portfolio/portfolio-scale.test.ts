// tam portfolio, what issue 31 added after the first round: the workload per TAM, --mine (git's
// identity or a value), clients named by a git URL (cloned into a cache, then fetched; a failed
// clone is a row), the pool of workers (threads and processes give the rows one thread gives),
// and the HTML page (validated as the report's is, self-contained, user text escaped).
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { HtmlValidate } from "html-validate";
import { JSDOM } from "jsdom";
import { beforeAll, describe, expect, it } from "vitest";
import { portfolio, whoOf } from "../../../src/app/portfolio.js";
import { UsageError } from "../../../src/errors.js";
import { formatPortfolioHtml } from "../../../src/format/portfolio/html.js";
import { portfolioFormatters } from "../../../src/format/portfolio/index.js";
import { committedCopy, EXAMPLE, git, initRepo, REPO } from "../../helpers/run.js";

const AS_OF = "2026-11-20";
let base: string;
let cache: string;
const dirs: Record<string, string> = {};

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), "tam-portfolio-scale-"));
  cache = join(base, "cache");
  dirs.northwind = committedCopy(EXAMPLE);
  dirs.contoso = committedCopy(join(REPO, "examples/contoso"));
  dirs.fabrikam = committedCopy(join(REPO, "examples/fabrikam"));
  // A client kept in a remote repository: a bare clone of fabrikam, reached by a file:// URL.
  dirs.remote = join(base, "fabrikam.git");
  git(base, ["clone", "-q", "--bare", dirs.fabrikam, dirs.remote]);
});

describe("the workload per TAM", () => {
  it("counts each TAM's clients, departments involved, open changes and tasks", async () => {
    const result = await portfolio({ paths: [dirs.northwind!, dirs.contoso!, dirs.fabrikam!], asOf: AS_OF });
    const anna = result.workload.find((w) => w.tam.name === "Anna Volkova")!;
    expect(anna.clients).toEqual(["Fabrikam Logistics", "Northwind Retail"]);
    const rows = result.rows.filter((row) => row.tam?.name === "Anna Volkova");
    expect(anna.openChanges).toBe(rows.reduce((sum, row) => sum + row.figures!.openChanges, 0));
    expect(anna.openTasks).toBe(rows.reduce((sum, row) => sum + row.figures!.openTasks, 0));
    expect(anna.departments).toEqual([...new Set(rows.flatMap((row) => row.figures!.departments))].sort());
    const contoso = result.rows.find((row) => row.client === "Contoso Pharma")!.figures!;
    expect(contoso.openTasks).toBe(2);
    expect(contoso.departments).toEqual(["Microsoft group", "Network group"]);
    // The busiest first.
    expect(result.workload.map((w) => w.tam.name)).toEqual(["Anna Volkova", "Boris Lebedev"]);
    for (const format of ["table", "markdown", "html"] as const) expect(portfolioFormatters[format](result, { color: false, width: 400 })).toContain("Microsoft group");
    expect(JSON.parse(portfolioFormatters.json(result, { color: false })).workload[1].tam.email).toBe("boris.lebedev@provider.example");
  });
});

describe("--mine", () => {
  it("takes git's user.email where tam runs, or the name or e-mail given", async () => {
    const here = join(base, "me");
    git(base, ["init", "-q", here]);
    git(here, ["config", "user.name", "Someone Else"]);
    git(here, ["config", "user.email", "Boris.Lebedev@provider.example"]);
    const mine = await portfolio({ paths: [dirs.northwind!, dirs.contoso!, dirs.fabrikam!], asOf: AS_OF, cwd: here, mine: true });
    expect(mine.rows.map((row) => row.client)).toEqual(["Contoso Pharma"]);
    const given = await portfolio({ paths: [dirs.northwind!, dirs.contoso!, dirs.fabrikam!], asOf: AS_OF, cwd: here, mine: "anna volkova" });
    expect(given.rows.map((row) => row.client).sort()).toEqual(["Fabrikam Logistics", "Northwind Retail"]);
    expect(given.workload.map((w) => w.tam.name)).toEqual(["Anna Volkova"]);
  });

  it("refuses --mine without an identity, and --mine with --tam", async () => {
    const nobody = join(base, "nobody");
    mkdirSync(nobody);
    initRepo(nobody);
    git(nobody, ["config", "--unset", "user.name"]);
    git(nobody, ["config", "--unset", "user.email"]);
    const env = { GIT_CONFIG_GLOBAL: process.env.GIT_CONFIG_GLOBAL, GIT_CONFIG_NOSYSTEM: process.env.GIT_CONFIG_NOSYSTEM };
    process.env.GIT_CONFIG_GLOBAL = "/dev/null";
    process.env.GIT_CONFIG_NOSYSTEM = "1";
    try {
      await expect(whoOf({ mine: true, cwd: nobody })).rejects.toThrow(/--mine: git has no user.name or user.email/);
    } finally {
      for (const [key, value] of Object.entries(env))
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
    }
    await expect(whoOf({ mine: "x", tam: "y" })).rejects.toThrow(UsageError);
    await expect(whoOf({ mine: " " })).rejects.toThrow(/--mine: give a TAM's name or e-mail/);
  });
});

describe("clients named by a git URL", () => {
  it("clones into the cache once, fetches on the next run, and a failed clone is a row", async () => {
    const url = `file://${dirs.remote}`;
    const file = join(base, "portfolio.yaml");
    writeFileSync(file, `clients:\n  - git: ${url}\n  - git: file://${join(base, "no-such.git")}\n  - ${dirs.contoso}\n`);
    const first = await portfolio({ paths: [], file, cwd: base, cache, asOf: AS_OF });
    expect(first.rows).toHaveLength(3);
    const missing = first.rows.find((row) => row.path.includes("no-such"))!;
    expect(missing.error).toMatch(/^git clone failed: fatal: .*no-such\.git/);
    const remote = first.rows.find((row) => row.path === url)!;
    expect(remote.error).toBeNull();
    expect(remote.client).toBe("Fabrikam Logistics");
    // A change pushed to the remote is there on the next run.
    const work = join(base, "work");
    git(base, ["clone", "-q", url, work]);
    const manifest = join(work, "tam.yaml");
    writeFileSync(manifest, readFileSync(manifest, "utf8").replace("name: Fabrikam Logistics", "name: Fabrikam Logistics AG"));
    git(work, ["commit", "-qam", "rename"]);
    git(work, ["push", "-q", "origin", "HEAD"]);
    const second = await portfolio({ paths: [], file, cwd: base, cache, asOf: AS_OF });
    expect(second.rows.find((row) => row.path === url)!.client).toBe("Fabrikam Logistics AG");
  });

  it("refuses a git entry that is not a URL, located in the file", async () => {
    const file = join(base, "bad-git.yaml");
    writeFileSync(file, "clients:\n  - git: just-a-folder\n");
    await expect(portfolio({ paths: [], file, cwd: base, cache })).rejects.toThrow(/bad-git\.yaml:2:5: `git` takes a URL/);
  });
});

describe("the pool", () => {
  it("gives the rows one thread gives, with worker threads and with child processes", async () => {
    const paths = [dirs.northwind!, dirs.contoso!, dirs.fabrikam!, join(base, "not-there")];
    const one = await portfolio({ paths, asOf: AS_OF, workers: 1 });
    const threads = await portfolio({ paths, asOf: AS_OF, workers: 2, pool: "threads" });
    const processes = await portfolio({ paths, asOf: AS_OF, workers: 2, pool: "processes" });
    expect(one.rows.find((row) => row.path.endsWith("not-there"))!.error).toMatch(/project folder not found/);
    expect(JSON.stringify(threads)).toBe(JSON.stringify(one));
    expect(JSON.stringify(processes)).toBe(JSON.stringify(one));
  });
});

describe("--format html", () => {
  const validator = new HtmlValidate({ extends: ["html-validate:recommended"] });

  it("passes the HTML validator, is self-contained and escapes user text", async () => {
    const hostile = committedCopy(join(REPO, "examples/fabrikam"));
    const manifest = join(hostile, "tam.yaml");
    writeFileSync(manifest, readFileSync(manifest, "utf8").replace("name: Fabrikam Logistics", 'name: "<script>alert(1)</script> & Co"'));
    git(hostile, ["commit", "-qam", "hostile"]);
    const result = await portfolio({ paths: [dirs.northwind!, dirs.contoso!, hostile, join(base, "not-there")], asOf: AS_OF });
    const html = formatPortfolioHtml(result);
    const report = await validator.validateString(html);
    expect(report.results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`))).toEqual([]);
    const doc = new JSDOM(html).window.document;
    expect(doc.querySelectorAll("script, link, img, iframe, object").length).toBe(0);
    expect(doc.querySelectorAll("[src], [href]").length).toBe(0);
    expect(html).not.toMatch(/@import|url\(/);
    expect(doc.body.textContent).toContain("<script>alert(1)</script> & Co");
    // One row per client, the error row marked, the workload table after the clients.
    const tables = doc.querySelectorAll("table");
    expect(tables).toHaveLength(2);
    expect(tables[0]!.querySelectorAll("tbody tr")).toHaveLength(4);
    expect(tables[0]!.querySelector("tbody tr")!.className).toBe("error");
    expect(doc.querySelector("h2")!.textContent).toBe("Workload per TAM");
  });
});
