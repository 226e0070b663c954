// RFC 4180 CSV reading: quoted fields with commas, doubled quotes and line breaks; CRLF or LF; a leading BOM.
import { count } from "../util/plural.js";

export interface CsvRecord {
  /** 1-based record number, the header being record 1 (the row number a spreadsheet shows). */
  row: number;
  /** Line of the file the record starts on. */
  line: number;
  cells: string[];
}

export interface CsvTable {
  header: string[];
  records: CsvRecord[];
  /** Unterminated quotes, stray characters after a closing quote, records with more or fewer cells than the header. */
  errors: { row: number; line: number; message: string }[];
}

/**
 * The separator of an export: the comma, or the semicolon (Excel's in locales with a decimal comma) or
 * tab when the header line has more of those than commas, outside quotes.
 */
export function sniffDelimiter(input: string): string {
  const counts = new Map<string, number>([
    [",", 0],
    [";", 0],
    ["\t", 0],
  ]);
  let quoted = false;
  for (let i = input.charCodeAt(0) === 0xfeff ? 1 : 0; i < input.length; i++) {
    const ch = input[i]!;
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || ch === "\r")) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best = ",";
  for (const [ch, n] of counts) if (n > counts.get(best)!) best = ch;
  return best;
}

export function parseCsv(input: string, delimiter = ","): CsvTable {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const all: CsvRecord[] = [];
  const errors: CsvTable["errors"] = [];
  let cells: string[] = [];
  let cell = "";
  let line = 1;
  let recordLine = 1;
  let i = 0;
  let quoted = false;
  const endCell = () => {
    cells.push(cell);
    cell = "";
  };
  const endRecord = () => {
    endCell();
    // A completely empty line is not a record.
    if (!(cells.length === 1 && cells[0] === "")) all.push({ row: all.length + 1, line: recordLine, cells });
    cells = [];
  };
  while (i < text.length) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        const next = text[i];
        if (next !== undefined && next !== delimiter && next !== "\n" && next !== "\r") {
          errors.push({ row: all.length + 1, line, message: `unexpected "${next}" after a closing quote` });
        }
        continue;
      }
      if (ch === "\n") line++;
      cell += ch;
      i++;
      continue;
    }
    if (ch === '"' && cell === "") {
      quoted = true;
      i++;
    } else if (ch === delimiter) {
      endCell();
      i++;
    } else if (ch === "\r" || ch === "\n") {
      endRecord();
      i += ch === "\r" && text[i + 1] === "\n" ? 2 : 1;
      line++;
      recordLine = line;
    } else {
      cell += ch;
      i++;
    }
  }
  if (quoted) errors.push({ row: all.length + 1, line: recordLine, message: "a quoted field is not closed" });
  if (cell !== "" || cells.length > 0) endRecord();
  const [head, ...records] = all;
  const header = head?.cells.map((h) => h.trim()) ?? [];
  for (const record of records) {
    if (record.cells.length !== header.length) errors.push({ row: record.row, line: record.line, message: `${count(record.cells.length, "cell")}, the header has ${header.length}` });
  }
  errors.sort((a, b) => a.line - b.line);
  return { header, records, errors };
}
