// A small well-formedness check for XML written by tam (tags balance, attributes quoted, entities known).
export function assertWellFormedXml(xml: string): void {
  const body = xml.replace(/^<\?xml[^?]*\?>\s*/, "");
  const stack: string[] = [];
  const token = /<(\/?)([A-Za-z_][\w.-]*)((?:\s+[A-Za-z_:][\w:.-]*="[^"<]*")*)\s*(\/?)>|<!\[CDATA\[[\s\S]*?\]\]>|&(?!(?:amp|lt|gt|quot|apos|#\d+);)|<|>/g;
  let match: RegExpExecArray | null;
  let roots = 0;
  while ((match = token.exec(body))) {
    if (match[0].startsWith("<![CDATA[")) continue;
    if (match[2] === undefined) throw new Error(`stray "${match[0]}" at offset ${match.index}`);
    const [, closing, name, , selfClosing] = match;
    if (closing) {
      if (stack.pop() !== name) throw new Error(`unbalanced </${name}> at offset ${match.index}`);
    } else if (!selfClosing) {
      if (stack.length === 0) roots++;
      stack.push(name!);
    } else if (stack.length === 0) roots++;
  }
  if (stack.length) throw new Error(`unclosed <${stack.join("><")}>`);
  if (roots !== 1) throw new Error(`expected one root element, found ${roots}`);
}
