import { unzipSync } from 'fflate';
import type { FormatProblem } from './format-problem.ts';

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

/**
 * Unpacks a zip within the limits. The declared sizes of all members are summed before anything
 * is inflated, and each member is inflated into a buffer of its declared size (fflate does not
 * grow a buffer it was given), so a zip bomb, honest or lying about its sizes, cannot take more
 * memory than the limit.
 */
export function unzipWithinLimits(data: Uint8Array, limits: ImportLimits): { files: Map<string, Uint8Array>; problems: FormatProblem[] } {
  const problems: FormatProblem[] = [];
  const fileProblem = checkFileSize(data.length, limits);
  if (fileProblem) return { files: new Map(), problems: [fileProblem] };
  let count = 0;
  let total = 0;
  let refused: FormatProblem | undefined;
  let raw: Record<string, Uint8Array>;
  try {
    raw = unzipSync(data, {
      filter: (f) => {
        if (refused) return false;
        count++;
        total += f.originalSize;
        if (count > limits.maxEntries) {
          refused = { severity: 'error', code: 'limit', message: `package has more than ${limits.maxEntries} files (--max-entries)` };
        } else if (total > limits.maxUnpackedBytes) {
          refused = { severity: 'error', code: 'limit', message: `package unpacks to more than ${mb(limits.maxUnpackedBytes)} (--max-unpacked-mb); refused before unpacking`, path: f.name };
        }
        return !refused;
      },
    });
  } catch (err) {
    return { files: new Map(), problems: [{ severity: 'error', code: 'syntax', message: `not a readable zip package: ${err instanceof Error ? err.message : String(err)}` }] };
  }
  if (refused) return { files: new Map(), problems: [refused] };
  const files = new Map<string, Uint8Array>();
  for (const [name, bytes] of Object.entries(raw)) if (!name.endsWith('/')) files.set(name, bytes);
  return { files, problems };
}
