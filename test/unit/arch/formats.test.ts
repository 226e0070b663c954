import { describe, expect, it } from "vitest";
import { buildArchGraph } from "../../../src/domain/arch/graph.js";
import { dotString, formatGraphDot } from "../../../src/format/arch/graph-dot.js";
import { formatGraphMermaid, mermaidIds, mermaidLabel } from "../../../src/format/arch/graph-mermaid.js";
import { formatRisksMarkdown } from "../../../src/format/arch/risks-markdown.js";
import { formatRisksTable } from "../../../src/format/arch/risks-table.js";
import type { Risk } from "../../../src/domain/arch/risks.js";

const hostile = 'a "b" [c] <script>x</script> | `d`\nnext';
const graph = buildArchGraph({
  components: [
    { id: "end", name: hostile, kind: "vm" },
    { id: "e.n.d", name: "other", kind: "vm", depends_on: ["end"] },
  ],
  departments: [{ id: "virt", name: 'Virt "group" [x]', owns: ["vm"] }],
});

describe("graph formats", () => {
  it("mermaid escapes labels and never uses a raw component id as a node id", () => {
    const text = formatGraphMermaid(graph);
    expect(mermaidLabel(hostile)).toBe("a #34;b#34; #91;c#93; #60;script#62;x#60;/script#62; #124; #96;d#96; next");
    expect(text).toContain('subgraph d_virt["Virt #34;group#34; #91;x#93;"]');
    expect(text).not.toMatch(/^\s+end\[/m);
    expect([...mermaidIds(["end", "e.n.d", "e-n-d"], "c").values()]).toEqual(["c_end", "c_e_n_d", "c_e_n_d_2"]);
    expect(text).toContain("  c_e_n_d --> c_end\n");
  });

  it("dot quotes and escapes ids and labels", () => {
    expect(dotString('a"b\\c\nd')).toBe('"a\\"b\\\\c d"');
    const text = formatGraphDot(graph);
    expect(text).toContain('"end" [label="end\\na \\"b\\" [c] <script>x</script> | `d` next"];');
    expect(text).toContain('"e.n.d" -> "end";');
  });
});

describe("risk formats", () => {
  const risk: Risk = { id: "spof:x", kind: "single-point-of-failure", severity: "high", components: ["x"], title: "x | y", argument: "<b>why</b>\u001b[31m", suggestion: "fix `it`" };
  const result = { asOf: "2026-11-20", risks: [risk], counts: { high: 1, medium: 0, low: 0 }, docStatesChecked: false };

  it("markdown escapes user text and says docs freshness was not checked", () => {
    const text = formatRisksMarkdown(result);
    expect(text).toContain("| high | x \\| y | x |");
    expect(text).toContain("&lt;b&gt;why&lt;/b&gt;");
    expect(text).toContain("fix \\`it\\`");
    expect(text).toContain("Documentation freshness was not part of this audit");
    expect(formatRisksMarkdown({ ...result, risks: [], counts: { high: 0, medium: 0, low: 0 } })).toContain("No risks found.");
  });

  it("table strips control characters and colours only when asked", () => {
    expect(formatRisksTable(result, { color: false, width: 100 })).not.toMatch(/\u001b/);
    expect(formatRisksTable(result, { color: true, width: 100 })).toMatch(/\u001b\[31m\u001b\[1mhigh/);
  });
});
