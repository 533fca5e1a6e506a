import type { FormatProblem } from './format-problem.ts';
import { readZip, type ZipReader } from './zip.ts';

/** Size limits of an import; the defaults of `certprep import`. */
export interface ImportLimits {
  /** Largest input file, in bytes. */
  maxFileBytes: number;
  /** Largest total unpacked size of a package, in bytes. */
  maxUnpackedBytes: number;
  /** Most files in a package (and most items in any file). */
  maxEntries: number;
}

export const MB = 1024 * 1024;
export const DEFAULT_LIMITS: ImportLimits = { maxFileBytes: 50 * MB, maxUnpackedBytes: 200 * MB, maxEntries: 20_000 };

const mb = (n: number) => `${(n / MB).toFixed(n < MB ? 3 : 1)} MB`;

/** Refuses an input larger than the file limit, before anything reads it. */
export function checkFileSize(bytes: number, limits: ImportLimits): FormatProblem | undefined {
  if (bytes <= limits.maxFileBytes) return undefined;
  return { severity: 'error', code: 'limit', message: `file is ${mb(bytes)}, larger than the limit of ${mb(limits.maxFileBytes)} (--max-file-mb)` };
}

/** Opens a zip within the limits (see readZip): refuses oversized files, too many members, and zip bombs. */
export function unzipWithinLimits(data: Uint8Array, limits: ImportLimits): { zip?: ZipReader; problems: FormatProblem[] } {
  const fileProblem = checkFileSize(data.length, limits);
  if (fileProblem) return { problems: [fileProblem] };
  return readZip(data, limits);
}
