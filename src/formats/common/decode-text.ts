import type { FormatProblem } from './format-problem.ts';

/** Encodings a file may declare that the platform can decode (TextDecoder labels). */
const DECLARED = /^<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/;

/**
 * The text of an import file: a byte-order mark decides (UTF-8, UTF-16 LE or BE), else an XML
 * declaration's encoding, else UTF-8, strictly: bytes that are not UTF-8 are refused with the place
 * of the first one, never turned into U+FFFD without a word. NUL bytes in a file that declares no
 * UTF-16 mean it is not a text file at all.
 */
export function decodeText(bytes: Uint8Array): { text: string } | { problem: FormatProblem } {
  const refuse = (message: string, line?: number, column?: number): { problem: FormatProblem } => ({
    problem: { severity: 'error', code: 'encoding', message, ...(line !== undefined ? { line } : {}), ...(column !== undefined ? { column } : {}) },
  });
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)) };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)) };
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const head = new TextDecoder('latin1').decode(bytes.subarray(start, start + 200));
  const declared = DECLARED.exec(head)?.[1]?.toLowerCase();
  if (declared && !/^utf-?8$/.test(declared)) {
    if (/^utf-?16/.test(declared)) return refuse(`the file declares ${declared} but has no byte-order mark: save it as UTF-8, or as UTF-16 with its mark`);
    try {
      return { text: new TextDecoder(declared).decode(bytes.subarray(start)) };
    } catch {
      return refuse(`the file declares the encoding "${declared}", which certprep cannot read: save it as UTF-8`);
    }
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1 && nul < 8192) return refuse('the file is not text (it holds NUL bytes): is it the right file for this --format, or UTF-16 without its byte-order mark?');
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(start)) };
  } catch {
    const at = firstInvalidUtf8(bytes, start);
    const before = new TextDecoder('utf-8').decode(bytes.subarray(start, at));
    const line = (before.match(/\n/g) ?? []).length + 1;
    const column = before.length - before.lastIndexOf('\n');
    return refuse(`the file is not UTF-8 (byte 0x${bytes[at]!.toString(16).toUpperCase().padStart(2, '0')}): probably Windows-1252 or ISO-8859-1; save it as UTF-8`, line, column);
  }
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array, from: number): number {
  let i = from;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const n = b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += n + 1;
  }
  return i;
}
