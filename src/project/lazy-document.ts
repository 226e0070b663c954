// Memory of large projects: a parsed yaml Document (every node with its range) takes several
// times the memory of the plain data, and 100,000 incidents held as Documents exceed 1 GiB.
// Commands need a file's Document only to locate a finding or to edit that file, so after
// loading it is dropped and parsed again from the kept text on first use (same text, same positions).
import type { Document, LineCounter } from "yaml";
import { parseSource, type SourceFile } from "./source.js";

export function releaseDocument(source: SourceFile): SourceFile {
  // Files with findings are located right away; keep what was parsed.
  if (source.data === undefined || source.parseIssues.length > 0) return source;
  const { doc: _doc, lineCounter: _lineCounter, ...rest } = source;
  // The closure must not hold `source`: that would keep the first Document alive.
  const { abs, rel, kind, text } = rest;
  let parsed: { doc: Document.Parsed; lineCounter: LineCounter } | undefined;
  const reparse = () => (parsed ??= parseSource(abs, rel, kind, text));
  return Object.defineProperties(rest, {
    doc: { get: () => reparse().doc, enumerable: true },
    lineCounter: { get: () => reparse().lineCounter, enumerable: true },
  }) as SourceFile;
}
