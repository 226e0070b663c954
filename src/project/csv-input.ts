// Reading a service-desk export (and its mapping file): a regular file only (a FIFO, device or folder is refused before it is
// read, so /dev/zero or a pipe cannot hang tam), at most a size limit, strict UTF-8 unless told Latin-1.
import { closeSync, constants, fstatSync, openSync, readSync } from "node:fs";
import { UsageError } from "../errors.js";
import { decodeText } from "./guards.js";

export type InputEncoding = "utf8" | "latin1";
export const ENCODINGS: readonly InputEncoding[] = ["utf8", "latin1"];
/** Default limit: a year of a large desk's event log is well under this. */
export const DEFAULT_MAX_CSV_MB = 200;

function kindOf(stat: import("node:fs").Stats): string {
  return stat.isDirectory() ? "a folder" : stat.isFIFO() ? "a FIFO (named pipe)" : stat.isCharacterDevice() || stat.isBlockDevice() ? "a device" : stat.isSocket() ? "a socket" : "not a regular file";
}

/** The text of an input file (a CSV export, a mapping file), read only when it is a regular file within the limit. */
export function readCsvFile(path: string, options: { encoding?: InputEncoding; maxMb?: number; what?: string } = {}): string {
  const maxMb = options.maxMb ?? DEFAULT_MAX_CSV_MB;
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO without a writer must not wait; the fstat below refuses it anyway.
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    throw new UsageError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new UsageError(`${path} is ${kindOf(stat)}: give ${options.what ?? "a CSV file"}`);
    if (stat.size > maxMb * 1024 * 1024)
      throw new UsageError(`${path} is ${(stat.size / 1024 / 1024).toFixed(1)} MB, over the ${maxMb} MB limit${options.what === undefined ? " (raise it with --max-size MB)" : ""}`);
    const bytes = Buffer.alloc(stat.size);
    let read = 0;
    while (read < bytes.length) {
      const n = readSync(fd, bytes, read, bytes.length - read, read);
      if (n === 0) break;
      read += n;
    }
    const content = bytes.subarray(0, read);
    if (options.encoding === "latin1") {
      const nul = content.indexOf(0);
      if (nul !== -1) throw new UsageError(`${path}:${lineOfByte(content, nul)}: holds a NUL byte: not a text file (UTF-16 or binary?); save it as CSV`);
      return decodeWindows1252(content);
    }
    const decoded = decodeText(content);
    if ("problem" in decoded) throw new UsageError(`${path}:${decoded.problem.line}:${decoded.problem.col}: ${decoded.problem.message}, or read it with --encoding latin1`);
    return decoded.text;
  } finally {
    closeSync(fd);
  }
}

/** Windows-1252 at 0x80-0x9F (the five unassigned bytes kept as their C1 code points); ISO 8859-1 elsewhere. */
const CP1252 =
  "\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178";

/**
 * "Latin-1" as Windows writes it: ISO 8859-1 plus the printable characters (€, ‘ ’ “ ”, –, —, …) Windows puts at
 * 0x80-0x9F. Decoded here: Node's TextDecoder("latin1") depends on its ICU build and may return the C1 controls.
 */
function decodeWindows1252(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    .toString("latin1")
    .replace(/[\u0080-\u009f]/g, (c) => CP1252[c.charCodeAt(0) - 0x80]!);
}

function lineOfByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}
