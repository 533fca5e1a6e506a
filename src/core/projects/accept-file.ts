/** What a project submission may carry (`docs/PROJECT-FORMAT.md`, "Submissions"). */
export const FILE_LIMITS = { files: 5, bytesPerFile: 5 * 1024 * 1024, totalBytes: 15 * 1024 * 1024, nameLength: 120 } as const;

type Kind = { mediaType: string; check: (b: Uint8Array) => boolean };
const startsWith = (sig: number[]) => (b: Uint8Array) => sig.every((v, i) => b[i] === v);
/** Text: strict UTF-8 without NUL bytes (a binary renamed .txt is refused). */
const isText = (b: Uint8Array) => {
  if (b.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(b);
    return true;
  } catch {
    return false;
  }
};
const text: Kind = { mediaType: 'text/plain; charset=utf-8', check: isText };
const KINDS: Record<string, Kind> = {
  pdf: { mediaType: 'application/pdf', check: startsWith([0x25, 0x50, 0x44, 0x46, 0x2d]) },
  png: { mediaType: 'image/png', check: startsWith([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  jpg: { mediaType: 'image/jpeg', check: startsWith([0xff, 0xd8, 0xff]) },
  jpeg: { mediaType: 'image/jpeg', check: startsWith([0xff, 0xd8, 0xff]) },
  txt: text,
  md: text,
  csv: text,
  json: text,
  ipynb: text,
  py: text,
  yaml: text,
  yml: text,
  drawio: text,
};
export const ACCEPTED_EXTENSIONS = Object.keys(KINDS);

/**
 * Whether a submitted file is accepted, from its name's extension and its first bytes agreeing (a
 * PDF must start as one; a text file must be UTF-8): the media type it is stored and served with, or
 * why it is refused. Names are kept as plain text (no path), never used as a path on disk.
 */
export function acceptFile(name: string, bytes: Uint8Array): { name: string; mediaType: string } | { refused: string } {
  const base = name.split(/[\\/]/).pop()!.trim();
  if (!base || base.length > FILE_LIMITS.nameLength || /[\u0000-\u001f]/.test(base)) return { refused: `The file name "${base.slice(0, 40)}" is empty, too long (over ${FILE_LIMITS.nameLength} characters) or has control characters.` };
  const ext = /\.([A-Za-z0-9]+)$/.exec(base)?.[1]?.toLowerCase() ?? '';
  const kind = KINDS[ext];
  if (!kind) return { refused: `"${base}": this kind of file is not accepted (accepted: ${ACCEPTED_EXTENSIONS.map((e) => `.${e}`).join(', ')}).` };
  if (bytes.length === 0) return { refused: `"${base}" is empty.` };
  if (bytes.length > FILE_LIMITS.bytesPerFile) return { refused: `"${base}" is larger than ${FILE_LIMITS.bytesPerFile / 1024 / 1024} MB.` };
  if (!kind.check(bytes)) return { refused: `"${base}" is not a valid .${ext} file: its content does not match its name.` };
  return { name: base, mediaType: kind.mediaType };
}
