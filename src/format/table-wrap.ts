// cli-table3 0.6.5 wraps a cell word by word and measures each word with string-width, which strips
// colour codes with a regular expression it builds anew on every call: on the example, `tam arch
// risks` spent about 20 ms there (its cells are prose). `fastWordWrap` is cli-table3's word wrap
// (utils.js, MIT licence, the same steps) measuring plain printable ASCII by its length, which is
// what string-width answers for it; every other text, and wrapping without word boundaries, goes to
// cli-table3's own code. test/unit/format/table-wrap.test.ts compares both.

type WordWrap = (maxLength: number, input: string, wrapOnWordBoundary?: boolean) => string[];

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

export function fastWordWrap(original: WordWrap, strlen: (text: string) => number): WordWrap {
  const width = (text: string) => (PRINTABLE_ASCII.test(text) ? text.length : strlen(text));
  // cli-table3's wordWrap of one line, with `width` for its strlen.
  const wrapLine = (maxLength: number, input: string): string[] => {
    const lines: string[] = [];
    const split = input.split(/(\s+)/g);
    let line: string[] = [];
    let lineLength = 0;
    let whitespace: string | undefined;
    for (let i = 0; i < split.length; i += 2) {
      const word = split[i]!;
      let newLength = lineLength + width(word);
      if (lineLength > 0 && whitespace) newLength += whitespace.length;
      if (newLength > maxLength) {
        if (lineLength !== 0) lines.push(line.join(""));
        line = [word];
        lineLength = width(word);
      } else {
        line.push(whitespace || "", word);
        lineLength = newLength;
      }
      whitespace = split[i + 1];
    }
    if (lineLength) lines.push(line.join(""));
    return lines;
  };
  return (maxLength, input, wrapOnWordBoundary = true) => {
    if (!wrapOnWordBoundary || typeof input !== "string") return original(maxLength, input, wrapOnWordBoundary);
    const output: string[] = [];
    for (const line of input.split("\n")) output.push(...wrapLine(maxLength, line));
    return output;
  };
}
