#!/usr/bin/env node
// Deterministic generator of large client projects for the benchmarks (issue 7).
//   node scripts/generate-project.mjs --size L --out /tmp/tam-L [--seed 1] [--git]
// Same size + seed => byte-identical files (and, with --git, identical commit hashes).
// YAML is written as text (block style, as people write it) rather than through a
// serializer: it is faster, and the layout is the one real projects have.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export const SIZES = {
  // L is the size the issue names; M is about 1/5 of it, S about 1/50 (the CI smoke test).
  S: { components: 40, changes: 20, tasks: 20, incidents: 2_000, docs: 40, commits: 10, bigScope: 20 },
  M: { components: 400, changes: 200, tasks: 20, incidents: 20_000, docs: 400, commits: 100, bigScope: 200 },
  L: { components: 2_000, changes: 1_000, tasks: 20, incidents: 100_000, docs: 2_000, commits: 500, bigScope: 1_000 },
};
export const DEPARTMENT_COUNT = 30;
/** The period the generated incidents cover (24 monthly files) and the --as-of the benchmarks use. */
export const FIRST_MONTH = { year: 2025, month: 1 };
export const MONTHS = 24;
export const AS_OF = "2027-01-10";
export const BIG_CHANGE = "CHG-BIG";

/** mulberry32: a small, fast, seedable PRNG (public domain). */
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Random {
  constructor(seed) {
    this.next = mulberry32(seed);
  }
  int(min, max) {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick(list) {
    return list[Math.floor(this.next() * list.length)];
  }
  chance(p) {
    return this.next() < p;
  }
  /** k distinct items of a list (k clipped to its length). */
  sample(list, k) {
    const n = Math.min(k, list.length);
    const chosen = new Set();
    while (chosen.size < n) chosen.add(Math.floor(this.next() * list.length));
    return [...chosen].sort((a, b) => a - b).map((i) => list[i]);
  }
}

// ---------------------------------------------------------------- departments
// The 13 departments of templates/project/departments.yaml, then generated ones up to 30.
const CATALOGUE = [
  ["network", "Network group", ["network", "vlan", "firewall", "load-balancer", "vpn", "ddos-protection", "dns"], "2d"],
  ["virt-vmware", "Virtualization group (VMware)", ["vmware-cluster", "vm", "resource-pool"], "1d"],
  ["virt-hyperv", "Virtualization group (Hyper-V)", ["hyperv-cluster", "hyperv-vm"], "1d"],
  ["backup", "Backup group", ["backup", "storage", "san", "nas", "file-share"], "1d"],
  ["microsoft", "Microsoft group", ["windows-server", "active-directory", "exchange", "mssql-host"], "2d"],
  ["unix", "Unix group", ["linux-os", "nginx", "php", "web-server", "redis", "rabbitmq"], "1d"],
  ["dba", "DBA group", ["database", "postgresql", "mysql", "mssql", "oracle"], "2d"],
  ["monitoring", "Monitoring group", ["monitoring", "alerting"], "1d"],
  ["cyber-defence", "Cyber-defence center", ["waf", "siem", "soc", "ids"], "2d"],
  ["external-dc", "External data-centre management", ["rack", "power", "cross-connect"], "5d"],
  ["design-center", "Design center / Architecture solutions", ["solution-design"], "2d"],
  ["software-dev", "Software development group", ["application"], "3d"],
  ["operations", "Infrastructure operations, duty engineers and technical support", [], "1d"],
];
const EXTRA_AREAS = [
  ["k8s", "Container platform", ["kubernetes-cluster", "container-registry"], "services"],
  ["object-storage", "Object storage", ["s3-bucket"], "services"],
  ["cdn", "CDN and edge", ["cdn"], "network"],
  ["mail", "Mail relay", ["mail-relay"], "services"],
  ["search", "Search platform", ["elasticsearch"], "services"],
  ["queue", "Streaming platform", ["kafka"], "services"],
  ["identity", "Identity and access", ["sso", "ldap"], "services"],
  ["pki", "Certificates and PKI", ["certificate"], "services"],
  ["voip", "Telephony", ["sip-trunk"], "network"],
  ["sd-wan", "SD-WAN and branches", ["sd-wan-edge"], "network"],
  ["gpu", "GPU compute", ["gpu-node"], "virtualization"],
  ["bare-metal", "Bare-metal servers", ["bare-metal-server"], "virtualization"],
  ["vdi", "Virtual desktops", ["vdi-pool"], "services"],
  ["erp", "ERP administration", ["erp"], "apps"],
  ["bi", "Reporting and BI", ["bi-server"], "apps"],
  ["cache", "Caching tier", ["memcached"], "services"],
  ["ci-cd", "Build and deploy pipelines", ["ci-runner"], "apps"],
];

function departments() {
  const list = CATALOGUE.map(([id, name, owns, leadTime]) => ({ id, name, owns, leadTime }));
  for (const [id, name, owns] of EXTRA_AREAS.slice(0, DEPARTMENT_COUNT - CATALOGUE.length)) list.push({ id, name, owns, leadTime: "2d" });
  return list;
}

// ---------------------------------------------------------------- components
// A layered DAG: every component depends only on components of lower layers, so there is no cycle.
const LAYERS = [
  { share: 0.03, kinds: ["rack", "power", "cross-connect"] },
  { share: 0.1, kinds: ["network", "vlan", "firewall", "load-balancer", "vpn", "ddos-protection", "dns", "cdn", "sip-trunk", "sd-wan-edge"] },
  { share: 0.07, kinds: ["vmware-cluster", "hyperv-cluster", "resource-pool", "san", "storage", "gpu-node", "bare-metal-server"] },
  { share: 0.3, kinds: ["vm", "vm", "vm", "hyperv-vm", "linux-os", "linux-os", "windows-server"] },
  {
    share: 0.35,
    kinds: [
      "nginx",
      "php",
      "web-server",
      "redis",
      "rabbitmq",
      "postgresql",
      "mysql",
      "mssql",
      "database",
      "active-directory",
      "exchange",
      "mssql-host",
      "backup",
      "nas",
      "file-share",
      "monitoring",
      "alerting",
      "waf",
      "siem",
      "ids",
      "kubernetes-cluster",
      "container-registry",
      "s3-bucket",
      "mail-relay",
      "elasticsearch",
      "kafka",
      "sso",
      "ldap",
      "certificate",
      "vdi-pool",
      "memcached",
    ],
  },
  { share: 0.15, kinds: ["application", "application", "erp", "bi-server", "ci-runner"] },
];
const STATEFUL = new Set(["vm", "hyperv-vm", "database", "postgresql", "mysql", "mssql", "storage", "san", "nas", "file-share"]);
const ENVIRONMENTS = ["production", "production", "production", "staging", "test", "shared"];
const CRITICALITY = ["critical", "high", "high", "medium", "medium", "low"];
const SITES = ["msk", "spb", "ekb", "nsk", "kzn"];

function components(rng, count) {
  const list = [];
  const byLayer = [];
  let remaining = count;
  LAYERS.forEach((layer, index) => {
    const n = index === LAYERS.length - 1 ? remaining : Math.max(1, Math.round(count * layer.share));
    remaining -= n;
    const ids = [];
    for (let i = 0; i < n; i++) {
      const kind = rng.pick(layer.kinds);
      const id = `${kind}-${SITES[i % SITES.length]}-${String(list.length + 1).padStart(4, "0")}`;
      const lower = byLayer.flat();
      const deps = index === 0 ? [] : rng.sample(byLayer[index - 1], rng.int(1, 2)).concat(rng.chance(0.3) && lower.length ? rng.sample(lower, 1) : []);
      list.push({
        id,
        name: `${kind} ${i + 1} of layer ${index + 1} (${SITES[i % SITES.length]})`,
        kind,
        depends_on: [...new Set(deps)],
        instances: rng.pick([1, 1, 2, 2, 3]),
        criticality: rng.pick(CRITICALITY),
        environment: rng.pick(ENVIRONMENTS),
        internet_facing: index >= 4 && rng.chance(0.2),
        monitored: rng.chance(0.9),
        backed_up: STATEFUL.has(kind) ? rng.chance(0.85) : undefined,
        notes: rng.chance(0.3) ? `Revision 1 of ${id}` : undefined,
        layer: index,
      });
      ids.push(id);
    }
    byLayer.push(ids);
  });
  return list;
}

// ---------------------------------------------------------------- text helpers
const PLAIN = /^[A-Za-z0-9][A-Za-z0-9 ._/()-]*$/;
/** A YAML scalar: plain when safe, else double-quoted (JSON strings are valid YAML). */
function str(value) {
  return PLAIN.test(value) && !/^(true|false|null|yes|no|on|off|~)$/i.test(value) && !/^[\d.-]+$/.test(value) ? value : JSON.stringify(value);
}
const flow = (items) => `[${items.join(", ")}]`;
const pad = (n, width = 4) => String(n).padStart(width, "0");

function componentText(c) {
  const lines = [`  - id: ${c.id}`, `    name: ${str(c.name)}`, `    kind: ${c.kind}`];
  if (c.depends_on.length) lines.push(`    depends_on: ${flow(c.depends_on)}`);
  lines.push(`    instances: ${c.instances}`, `    criticality: ${c.criticality}`, `    environment: ${c.environment}`);
  if (c.internet_facing) lines.push("    internet_facing: true");
  lines.push(`    monitored: ${c.monitored}`);
  if (c.backed_up !== undefined) lines.push(`    backed_up: ${c.backed_up}`);
  if (c.notes) lines.push(`    notes: ${str(c.notes)}`);
  return `${lines.join("\n")}\n`;
}

function architectureText(list) {
  const head =
    "# yaml-language-server: $schema=schemas/architecture.schema.json\n# Generated landscape (scripts/generate-project.mjs): layers dc, network, virtualization, OS, services, applications.\ncomponents:\n";
  return head + list.map(componentText).join("");
}

// ---------------------------------------------------------------- time helpers
const HOUR = 3_600_000;
const MINUTE = 60_000;
const DAY = 24 * HOUR;
const OFFSET = 3 * HOUR; // Europe/Moscow has been UTC+03:00 all year since 2014
const monthStart = (m) => Date.UTC(FIRST_MONTH.year, FIRST_MONTH.month - 1 + m, 1) - OFFSET;
/** "2026-10-05T09:30:00+03:00" */
function stamp(ms) {
  return `${new Date(ms + OFFSET).toISOString().slice(0, 19)}+03:00`;
}
const date = (ms) => new Date(ms + OFFSET).toISOString().slice(0, 10);
const PERIOD_START = monthStart(0);
const PERIOD_END = monthStart(MONTHS);

// ---------------------------------------------------------------- files
function manifestText() {
  return `# yaml-language-server: $schema=schemas/tam.schema.json
# Generated benchmark project (scripts/generate-project.mjs).
format: 1
client:
  name: Benchmark Retail
  contacts:
    - name: Elena Smirnova
      role: IT director
      email: elena.smirnova@bench.example
      can_approve: true
project:
  id: bench
  name: Benchmark Retail managed services
tam:
  name: Anna Volkova
  email: anna.volkova@provider.example
service_manager:
  name: Pavel Orlov
timezone: Europe/Moscow
calendars:
  business:
    description: Provider business hours
    hours:
      mon: ["09:00-18:00"]
      tue: ["09:00-18:00"]
      wed: ["09:00-18:00"]
      thu: ["09:00-18:00"]
      fri: ["09:00-18:00"]
    holidays:
      - { date: 2025-01-01, name: New Year }
      - 2025-01-02
      - 2025-05-01
      - { date: 2026-01-01, name: New Year }
      - 2026-01-02
      - 2026-05-01
# The generated incidents carry no post-incident reviews: the review rules apply from after them.
reviews:
  since: 2099-01-01
sla:
  P1: { response: 15m, resolution: 4h, calendar: 24x7, goal: 95 }
  P2: { response: 30m, resolution: 8h, calendar: 24x7, goal: 90 }
  P3: { response: 2h, resolution: 16h, calendar: business, goal: 90 }
  P4: { response: 8h, resolution: 40h, calendar: business, goal: 85 }
estimates:
  internal_factor: 2
  client_factor: 3
blackouts:
  - { from: 2026-12-25T00:00:00+03:00, to: 2027-01-08T23:59:00+03:00, reason: New Year freeze }
docs:
  review_interval: 180d
  warn_within: 14d
followups:
  backup:
    department: backup
    kinds: [${[...STATEFUL].join(", ")}]
    estimate: 4h
  monitoring:
    department: monitoring
    estimate: 2h
  security:
    department: cyber-defence
    estimate: 4h
  documentation:
    department: design-center
    estimate: 2h
# The generated changes carry no backup tasks: the go/no-go backup item is off here.
readiness:
  backup:
    enabled: false
`;
}

const PEOPLE = ["Igor Kuznetsov", "Timur Nazarov", "Victoria Lebedeva", "Sergey Popov", "Maria Fedorova", "Alexey Morozov", "Olga Volkova", "Nikolai Petrov"];

function departmentsText(list) {
  const out = ["# yaml-language-server: $schema=schemas/departments.schema.json", "departments:"];
  list.forEach((d, i) => {
    out.push(`  - id: ${d.id}`, `    name: ${str(d.name)}`, `    owns: ${flow(d.owns)}`);
    out.push("    lead:", `      name: ${PEOPLE[i % PEOPLE.length]} ${i + 1}`, `      email: lead-${d.id}@provider.example`);
    out.push(`    lead_time: ${d.leadTime}`, "    calendar: business", `    capacity: ${1 + (i % 4)}`);
  });
  return `${out.join("\n")}\n`;
}

function ownerOf(kind, depts) {
  return depts.find((d) => d.owns.includes(kind))?.id ?? "operations";
}

function changeText(rng, n, comps, _depts, tasksPerChange) {
  const id = `CHG-${pad(n)}`;
  const requested = PERIOD_START + Math.floor(rng.next() * (PERIOD_END - PERIOD_START - 30 * DAY));
  const roll = rng.next();
  const status = roll < 0.7 ? "done" : roll < 0.88 ? "cancelled" : rng.pick(["draft", "planned", "approved", "in-progress"]);
  const scope = rng.sample(comps, rng.int(3, 10));
  const type = rng.pick(["standard", "normal", "normal", "emergency"]);
  const out = [
    `# yaml-language-server: $schema=../schemas/change.schema.json`,
    `id: ${id}`,
    `title: ${str(`Change ${n}: ${scope[0].kind} and ${scope.length - 1} more components`)}`,
    `request: ${str(
      `Client request ${n}: rework ${scope
        .map((c) => c.id)
        .slice(0, 3)
        .join(", ")}`,
    )}`,
    `requested_by: Elena Smirnova`,
    `requested_at: ${date(requested)}`,
    `type: ${type}`,
    `risk: ${rng.pick(["low", "medium", "high"])}`,
    `due: ${date(requested + rng.int(10, 60) * DAY)}`,
    "window:",
    `  start: ${stamp(requested + rng.int(3, 20) * DAY + 10 * HOUR)}`,
    "scope:",
  ];
  for (const c of scope) out.push(`  - component: ${c.id}`, `    action: ${rng.pick(["modify", "modify", "add", "remove"])}`);
  out.push(`rollback: ${str(`Restore the saved configuration of ${scope[0].id} and the snapshot taken before the window`)}`);
  out.push("test_plan: Smoke tests of the components in scope before and after the window.");
  out.push(`status: ${status}`);
  // Work on a normal or emergency change is approved by the client (the lifecycle's rule).
  if (type !== "standard" && ["approved", "in-progress", "done"].includes(status)) out.push(`approval: { by: Elena Smirnova, at: ${stamp(requested + 2 * DAY)}, via: client }`);
  out.push("tasks:");
  const taskCount = Math.max(1, tasksPerChange + rng.int(-3, 3));
  let clock = requested + DAY;
  for (let t = 1; t <= taskCount; t++) {
    const component = scope[(t - 1) % scope.length];
    const after = t > 1 ? [...new Set([`T${t - 1}`, ...(t > 3 && rng.chance(0.3) ? [`T${rng.int(1, t - 2)}`] : [])])] : [];
    let taskStatus;
    if (status === "done") taskStatus = "done";
    else if (status === "cancelled") taskStatus = t < taskCount / 2 ? "done" : "cancelled";
    else if (status === "in-progress") taskStatus = t < taskCount / 3 ? "done" : t < taskCount / 3 + 1 ? "in-progress" : "todo";
    else taskStatus = "todo";
    out.push(`  - id: T${t}`, `    title: ${str(`Step ${t} on ${component.id}`)}`, `    department: ${ownerOf(component.kind, DEPTS_CACHE.list)}`);
    out.push(`    kind: implementation`, `    components: [${component.id}]`);
    if (after.length) out.push(`    after: ${flow(after)}`);
    out.push(`    estimate: ${rng.pick(["2h", "4h", "1d", "2d"])}`, `    origin: planner`, `    status: ${taskStatus}`, "    history:");
    out.push(`      - { at: ${stamp(requested + HOUR)}, status: todo, by: Anna Volkova }`);
    if (taskStatus !== "todo") {
      const by = rng.pick(PEOPLE);
      clock += rng.int(1, 8) * HOUR;
      if (taskStatus !== "cancelled" || rng.chance(0.5)) out.push(`      - { at: ${stamp(clock)}, status: in-progress, by: ${by} }`);
      if (taskStatus === "done" || taskStatus === "cancelled") {
        clock += rng.int(1, 20) * HOUR;
        out.push(`      - { at: ${stamp(clock)}, status: ${taskStatus}, by: ${by} }`);
      }
    }
  }
  return { id, text: `${out.join("\n")}\n` };
}
const DEPTS_CACHE = { list: [] };

function bigChangeText(comps, scopeSize) {
  // The change the planner benchmark plans: a draft over ~half of the landscape, no tasks yet.
  const scope = comps.slice(0, scopeSize);
  const out = [
    `# yaml-language-server: $schema=../schemas/change.schema.json`,
    `# The largest change: ${scope.length} components in scope, planned by \`tam change plan ${BIG_CHANGE}\` in the benchmarks.`,
    `id: ${BIG_CHANGE}`,
    `title: Migrate the landscape to the new data centre`,
    `request: Move every component of the first ${scope.length} to the new site, layer by layer.`,
    `requested_by: Elena Smirnova`,
    `requested_at: 2027-01-05`,
    `type: normal`,
    `risk: high`,
    `due: 2027-06-30`,
    "window:",
    "  start: 2027-02-01T10:00:00+03:00",
    "scope:",
  ];
  for (const c of scope) out.push(`  - component: ${c.id}`, "    action: modify");
  out.push("rollback: Traffic stays on the old site until each layer passes its tests; switch DNS back to roll back.");
  out.push("test_plan: Smoke tests of every application after each layer moves.");
  out.push("status: draft");
  return `${out.join("\n")}\n`;
}

const TITLES = [
  "Service returns 502",
  "Disk almost full",
  "High latency",
  "Backup job failed",
  "Certificate expires soon",
  "Packet loss on uplink",
  "Login failures",
  "Replication lag",
  "Queue backlog",
  "Probing from abroad",
];
const CAUSES = ["hardware", "software", "network", "configuration", "capacity", "human-error", "vendor", "security", "external", "unknown"];

function incidentsFiles(rng, total, comps) {
  const files = [];
  const perMonth = Math.floor(total / MONTHS);
  let n = 0;
  for (let m = 0; m < MONTHS; m++) {
    const count = m === MONTHS - 1 ? total - perMonth * (MONTHS - 1) : perMonth;
    const start = monthStart(m);
    const span = monthStart(m + 1) - start;
    const opened = Array.from({ length: count }, () => start + Math.floor((rng.next() * span) / MINUTE) * MINUTE).sort((a, b) => a - b);
    const out = ["# yaml-language-server: $schema=../schemas/incidents.schema.json", "incidents:"];
    const last = m === MONTHS - 1;
    for (const at of opened) {
      n++;
      const priority = rng.pick(["P1", "P2", "P2", "P3", "P3", "P3", "P4", "P4"]);
      const affected = rng.sample(comps, rng.chance(0.8) ? 1 : 2);
      const responded = at + rng.int(2, priority === "P1" ? 30 : 240) * MINUTE;
      const resolved = responded + rng.int(10, priority === "P1" ? 300 : 3000) * MINUTE;
      const closed = resolved + rng.int(0, 48) * HOUR;
      const status = last && rng.chance(0.1) ? rng.pick(["open", "responded", "resolved"]) : "closed";
      out.push(`  - id: INC-${pad(n, 6)}`, `    title: ${rng.pick(TITLES)}`, `    priority: ${priority}`, `    components: ${flow(affected.map((c) => c.id))}`);
      out.push(`    department: ${ownerOf(affected[0].kind, DEPTS_CACHE.list)}`, `    opened: ${stamp(at)}`);
      if (status !== "open") out.push(`    responded: ${stamp(responded)}`);
      if (status === "resolved" || status === "closed") out.push(`    resolved: ${stamp(resolved)}`);
      if (status === "closed") out.push(`    closed: ${stamp(closed)}`);
      if (status !== "open" && rng.chance(0.05)) {
        // A clock pause between the response and the resolution.
        const from = responded + Math.floor((resolved - responded) / 4);
        const to = from + Math.floor((resolved - responded) / 3);
        out.push("    pauses:", `      - { from: ${stamp(from)}, to: ${stamp(to)}, reason: ${rng.pick(["client", "vendor", "other"])} }`);
      }
      if (status === "closed") out.push("    cause:", `      category: ${rng.pick(CAUSES)}`);
      out.push(`    status: ${status}`);
    }
    const label = date(start + DAY).slice(0, 7);
    files.push({ rel: `incidents/${label}.yaml`, text: `${out.join("\n")}\n` });
  }
  return files;
}

function docsText(rng, count, comps, depts) {
  const out = ["# yaml-language-server: $schema=schemas/docs.schema.json", "docs:"];
  const files = [];
  for (let i = 1; i <= count; i++) {
    const covers = rng.sample(comps, rng.int(1, 3));
    const external = rng.chance(0.1);
    const location = external ? `https://wiki.bench.example/doc-${pad(i)}` : `docs/doc-${pad(i)}.md`;
    if (!external) files.push({ rel: location, text: `# Document ${i}\n\nCovers ${covers.map((c) => c.id).join(", ")}.\n` });
    const owner = rng.chance(0.2) ? "Anna Volkova" : ownerOf(covers[0].kind, depts);
    out.push(`  - id: doc-${pad(i)}`, `    title: ${str(`Runbook ${i} for ${covers[0].id}`)}`, `    location: ${location}`, `    owner: ${owner}`, `    covers: ${flow(covers.map((c) => c.id))}`);
    if (rng.chance(0.9)) out.push("    last_review:", `      date: ${date(PERIOD_START + Math.floor(rng.next() * (PERIOD_END - PERIOD_START)))}`, `      by: ${rng.pick(PEOPLE)}`);
    if (rng.chance(0.2)) out.push(`    review_interval: ${rng.pick(["90d", "1w", "365d"])}`);
  }
  return { text: `${out.join("\n")}\n`, files };
}

// ---------------------------------------------------------------- git history
/**
 * The git history: the first commit holds every file with the first 60% of the components;
 * the next ones add the rest in batches and edit a few components each, ending at the files on disk.
 * Written with one `git fast-import` (one process, not 1,000), dated in the past.
 */
function gitHistory(rng, root, comps, finalArchitecture, otherFiles, commits) {
  const run = (args, input) => {
    const result = spawnSync("git", args, { cwd: root, input, encoding: "utf8", maxBuffer: 1 << 30 });
    if (result.status !== 0) throw new Error(`git ${args.join(" ")}: ${result.stderr}`);
    return result.stdout;
  };
  run(["init", "-q", "-b", "main"]);
  const initial = Math.floor(comps.length * 0.6);
  const state = comps.map((c) => ({ ...c, notes: undefined, instances: 1 }));
  const visible = (k) => state.slice(0, k);
  const chunks = [];
  const blob = (path, text) => {
    chunks.push(`M 100644 inline ${path}\ndata ${Buffer.byteLength(text)}\n${text}\n`);
  };
  let shown = initial;
  const first = PERIOD_START - 30 * DAY;
  const step = Math.floor((Date.parse(`${AS_OF}T00:00:00Z`) - 20 * DAY - first) / commits);
  for (let k = 0; k < commits; k++) {
    const when = Math.floor((first + k * step) / 1000);
    const lastCommit = k === commits - 1;
    let message;
    chunks.length = 0;
    if (k === 0) {
      message = "Initial project import";
      for (const f of otherFiles) blob(f.rel, f.text);
    } else if (lastCommit) {
      message = "Architecture as of the last change";
    } else {
      const add = Math.min(comps.length - shown, Math.ceil((comps.length - initial) / (commits - 2)));
      shown += add;
      for (const c of rng.sample(visible(shown), 3)) {
        c.instances = Math.min(4, c.instances + 1);
        c.notes = `Revision ${k} of ${c.id}`;
      }
      message = `Architecture: ${add} components added, 3 edited (commit ${k})`;
    }
    blob("architecture.yaml", lastCommit ? finalArchitecture : architectureText(visible(shown)));
    const header = [
      `commit refs/heads/main`,
      `author Anna Volkova <anna.volkova@provider.example> ${when} +0300`,
      `committer Anna Volkova <anna.volkova@provider.example> ${when} +0300`,
      `data ${Buffer.byteLength(message)}`,
      message,
    ];
    const text = `${header.join("\n")}\n${chunks.join("")}\n`;
    streamParts.push(text);
  }
  run(["fast-import", "--quiet", "--done"], `${streamParts.join("")}done\n`);
  streamParts.length = 0;
  run(["reset", "-q"]); // index := HEAD; the working tree already holds the final files
  const dirty = run(["status", "--porcelain"]);
  if (dirty.trim()) throw new Error(`generated history does not end at the files on disk:\n${dirty.slice(0, 500)}`);
}
const streamParts = [];

// ---------------------------------------------------------------- main
export function generateProject({ size, out, seed = 1, git = false }) {
  const spec = SIZES[size];
  if (!spec) throw new Error(`unknown size ${size}: use S, M or L`);
  if (existsSync(out) && readdirSync(out).length > 0) throw new Error(`${out} is not empty`);
  const rng = new Random(seed * 7919 + size.charCodeAt(0));
  const depts = departments();
  DEPTS_CACHE.list = depts;
  const comps = components(rng, spec.components);
  const files = [];
  files.push({ rel: "tam.yaml", text: manifestText() });
  files.push({ rel: "departments.yaml", text: departmentsText(depts) });
  const architecture = architectureText(comps);
  for (let n = 1; n < spec.changes; n++) {
    const change = changeText(rng, n, comps, depts, spec.tasks);
    files.push({ rel: `changes/${change.id}.yaml`, text: change.text });
  }
  files.push({ rel: `changes/${BIG_CHANGE}.yaml`, text: bigChangeText(comps, spec.bigScope) });
  files.push(...incidentsFiles(rng, spec.incidents, comps));
  const docs = docsText(rng, spec.docs, comps, depts);
  files.push({ rel: "docs.yaml", text: docs.text }, ...docs.files);

  for (const dir of ["", "changes", "incidents", "docs"]) mkdirSync(join(out, dir), { recursive: true });
  writeFileSync(join(out, "architecture.yaml"), architecture);
  for (const f of files) writeFileSync(join(out, f.rel), f.text);
  if (git) gitHistory(rng, out, comps, architecture, files, spec.commits);
  return { components: comps.length, departments: depts.length, changes: spec.changes, incidents: spec.incidents, docs: spec.docs, commits: git ? spec.commits : 0 };
}

function parseArgs(argv) {
  const args = { seed: 1, git: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--size") args.size = argv[++i];
    else if (a === "--out") args.out = argv[++i];
    else if (a === "--seed") args.seed = Number(argv[++i]);
    else if (a === "--git") args.git = true;
    else throw new Error(`unknown argument ${a}`);
  }
  if (!args.size || !args.out) throw new Error("usage: generate-project.mjs --size S|M|L --out <dir> [--seed 1] [--git]");
  return args;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    const args = parseArgs(process.argv.slice(2));
    const started = Date.now();
    const counts = generateProject(args);
    process.stderr.write(`generated ${args.size} in ${args.out} (${Date.now() - started} ms): ${JSON.stringify(counts)}\n`);
  } catch (error) {
    process.stderr.write(`generate-project: ${error.message}\n`);
    process.exit(2);
  }
}
