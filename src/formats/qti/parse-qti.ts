import type { PathSegment } from '../../core/items/check-bank.ts';
import { finishParse, type Candidate } from '../common/finish-parse.ts';
import type { FormatProblem, ParseOptions, ParseResult } from '../common/format-problem.ts';
import { DEFAULT_LIMITS, unzipWithinLimits, type ImportLimits } from '../common/limits.ts';
import { ZipMemberError, type ZipReader } from '../common/zip.ts';
import { decodeText } from '../common/decode-text.ts';
import { itemIdFrom } from '../common/stable-id.ts';
import { elements, firstElement, parseXml, XmlError, type XmlElement } from '../common/xml-tree.ts';
import { fromQtiId, TOOL_NAME } from './qti-ids.ts';
import { readQtiItem, type QtiItemRead } from './parse-qti-item.ts';
import { flowText, ownParagraphs } from './qti-text.ts';

export interface QtiParseOptions extends ParseOptions {
  limits?: ImportLimits;
}


/** Manifest hrefs are URIs: `%20` and friends name plain characters in the zip. */
function safeDecode(href: string): string {
  try {
    return decodeURIComponent(href);
  } catch {
    return href;
  }
}

/** Resolves `href` against the folder of `from` inside the package (`a/b.xml` + `../c.xml` = `c.xml`). */
function resolve(from: string, href: string): string {
  const parts = from.split('/').slice(0, -1);
  for (const seg of href.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}

/**
 * Reads a QTI 3.0 content package (zip with `imsmanifest.xml`) or a single item XML file into bank
 * entries. Items that reference the same assessment stimulus, in manifest order, form one case
 * study. The package is refused whole when it breaks a size limit (see `unzipWithinLimits`).
 */
export function parseQti(input: Uint8Array, options: QtiParseOptions = {}): ParseResult {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const fileProblems: FormatProblem[] = [];
  const fail = (p: FormatProblem): ParseResult => ({ entries: [], problems: [...fileProblems, p], seen: [] });
  let zip: ZipReader;
  const isZip = input.length >= 4 && input[0] === 0x50 && input[1] === 0x4b;
  if (isZip) {
    const opened = unzipWithinLimits(input, limits);
    if (!opened.zip) return { entries: [], problems: opened.problems, seen: [] };
    zip = opened.zip;
    for (const name of zip.names) {
      if (name.startsWith('/') || name.split(/[\\/]/).includes('..')) fileProblems.push({ severity: 'warning', code: 'unsafe-path', message: `package member "${name}" points outside the package: ignored`, path: name });
    }
  } else {
    if (input.length > limits.maxFileBytes) return fail({ severity: 'error', code: 'limit', message: `file is larger than the limit of ${limits.maxFileBytes} bytes (--max-file-mb)` });
    const name = options.file ?? 'item.xml';
    zip = { names: [name], has: (n) => n === name, read: () => input };
  }

  // Only stimuli are read more than once; item trees are dropped as soon as they are read, so
  // that a package of 10,000 items never holds 10,000 trees.
  const xmlCache = new Map<string, XmlElement | undefined>();
  const readXml = (name: string, cache = false): XmlElement | undefined => {
    if (xmlCache.has(name)) return xmlCache.get(name);
    let root: XmlElement | undefined;
    // A name that climbs out of the package ("../x.xml", "/etc/x") is refused, never followed.
    if (isZip && (name.startsWith('/') || name.split(/[\\/]/).includes('..'))) fileProblems.push({ severity: 'error', code: 'unsafe-path', message: `"${name}" points outside the package: refused`, path: name });
    else if (!zip.has(name)) fileProblems.push({ severity: 'error', code: 'qti', message: `file "${name}" named in the package is missing`, path: name });
    else {
      try {
        const decoded = decodeText(zip.read(name));
        if ('problem' in decoded) fileProblems.push({ ...decoded.problem, path: name });
        else root = parseXml(decoded.text);
      } catch (err) {
        if (err instanceof XmlError) fileProblems.push({ severity: 'error', code: 'syntax', message: err.message.replace(/ \(line \d+, column \d+\)$/, ''), line: err.line, column: err.column, path: name });
        else if (err instanceof ZipMemberError) fileProblems.push({ severity: 'error', code: err.code, message: err.message, path: name });
        else throw err;
      }
    }
    if (cache) xmlCache.set(name, root);
    return root;
  };

  // Item files in manifest order (a single XML file outside a package is its own item).
  let itemFiles: string[];
  if (isZip) {
    const manifest = zip.has('imsmanifest.xml') ? readXml('imsmanifest.xml', true) : undefined;
    if (!zip.has('imsmanifest.xml')) return fail({ severity: 'error', code: 'qti', message: 'a QTI content package needs imsmanifest.xml at its root', path: 'imsmanifest.xml' });
    if (!manifest) return { entries: [], problems: fileProblems, seen: [] };
    const resources = firstElement(manifest, 'resources');
    itemFiles = (resources ? elements(resources, 'resource') : [])
      .filter((r) => (r.attrs.type ?? '').startsWith('imsqti_item'))
      .map((r) => safeDecode(r.attrs.href ?? firstElement(r, 'file')?.attrs.href ?? ''));
  } else itemFiles = zip.names;

  const reads: { file: string; read: QtiItemRead }[] = [];
  itemFiles.forEach((file, i) => {
    const root = readXml(file);
    if (root) {
      reads.push({ file, read: readQtiItem(root, file, `qti-${i + 1}`) });
      return;
    }
    // An unreadable item file rejects that item; its syntax problem moves to the item's report.
    const id = itemIdFrom(file.replace(/^.*\//, '').replace(/\.xml$/, '')) ?? `qti-${i + 1}`;
    const own = fileProblems.filter((p) => p.path === file && p.severity === 'error');
    for (const p of own) fileProblems.splice(fileProblems.indexOf(p), 1);
    reads.push({ file, read: { id, problems: own.map((p) => ({ ...p, itemId: id })) } });
  });

  // Group questions that share a stimulus into case studies, where the first of them stands.
  const candidates: Candidate[] = [];
  const cases = new Map<string, { value: Record<string, unknown>; files: string[]; candidate: Candidate }>();
  for (const { file, read } of reads) {
    const locate = (path: PathSegment[]) => ({ path: path.length ? `${file}#${path.join('.')}` : file });
    if (!read.question) {
      // Skipped or unreadable: reported, never checked as an item.
      candidates.push({ value: undefined, id: read.id, locate, problems: read.problems, skipped: true });
      continue;
    }
    if (!read.stimulus) {
      candidates.push({ value: read.question, id: read.id, locate, problems: read.problems });
      continue;
    }
    const href = resolve(file, safeDecode(read.stimulus.href));
    const key = `${read.stimulus.identifier}\u0000${href}`;
    let group = cases.get(key);
    if (!group) {
      const stim = readXml(href, true);
      const own = stim?.attrs['tool-name'] === TOOL_NAME;
      const body = stim ? firstElement(stim, 'qti-stimulus-body') : undefined;
      const div = own && body ? elements(body, 'div').find((d) => d.attrs.class === 'certprep-scenario') : undefined;
      const lost = new Set<string>();
      const scenario = div ? ownParagraphs(div) : body ? flowText(body.children, false, lost) : '';
      const ident = stim?.attrs.identifier ?? read.stimulus.identifier;
      const caseId = (own ? fromQtiId(ident) : itemIdFrom(ident)) ?? `case-${cases.size + 1}`;
      const value: Record<string, unknown> = { id: caseId, type: 'case', title: stim?.attrs.title ?? read.stimulus.title ?? caseId, scenario, questions: [] };
      if (read.caseExams && read.caseExams.length > 0) value.exams = read.caseExams;
      const files: string[] = [];
      const candidate: Candidate = {
        value,
        id: caseId,
        locate: (path) => (path[0] === 'questions' && typeof path[1] === 'number' && files[path[1]] ? { path: `${files[path[1]]}#${path.slice(2).join('.')}` } : { path: href }),
        problems: lost.size ? [{ severity: 'warning', code: 'lossy', message: `dropped: ${[...lost].join(', ')}`, path: href, itemId: caseId }] : [],
      };
      group = { value, files, candidate };
      cases.set(key, group);
      candidates.push(candidate);
    }
    (group.value.questions as unknown[]).push(read.question);
    group.files.push(file);
    group.candidate.problems!.push(...read.problems.map((p) => ({ ...p, itemId: group!.candidate.id })));
  }
  return finishParse(candidates, fileProblems, options);
}
