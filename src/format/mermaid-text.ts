// Labels for Mermaid diagrams written from user text (task titles in gantt charts).

/** Text Mermaid cannot misread: no separators (":" ";" "#"), no markup, one line. */
export function mermaidText(text: string): string {
  return text
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, " ")
    .replace(/[:;#"`<>{}[\]|\\]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}
