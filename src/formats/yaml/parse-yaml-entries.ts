import { CORE_SCHEMA, load } from 'js-yaml';
import { isMap, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import type { PathSegment, Problem, RawEntry } from '../../core/items/check-bank.ts';

export interface ParsedYaml {
  value: unknown;
  /** Line and column (1-based) of the node at `path`, or of its nearest existing ancestor. */
  locate: (path: PathSegment[]) => { line: number; column: number };
  problems: Problem[];
}

/**
 * Parses YAML text so that every later message can say `file:line:col`. The values come from js-yaml
 * (YAML 1.2 core schema), several times faster than building a document with positions; positions are
 * built with `yaml` only on the first `locate` (a file with a problem) or when js-yaml finds an error,
 * whose messages `yaml` then gives precisely.
 */
export function parseYaml(text: string, file: string): ParsedYaml {
  let fast: unknown;
  try {
    fast = load(text, { schema: CORE_SCHEMA });
  } catch (e) {
    return parseWithPositions(text, file, e as { reason?: string; message: string; mark?: { line: number; column: number } });
  }
  let positional: ParsedYaml | undefined;
  return {
    value: fast,
    problems: [],
    locate: (path) => (positional ??= parseWithPositions(text, file)).locate(path),
  };
}

function parseWithPositions(text: string, file: string, fastError?: { reason?: string; message: string; mark?: { line: number; column: number } }): ParsedYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const problems: Problem[] = [];
  for (const e of [...doc.errors, ...doc.warnings]) {
    const pos = lineCounter.linePos(e.pos[0]);
    problems.push({
      severity: doc.errors.includes(e as never) ? 'error' : 'warning',
      code: 'yaml',
      message: e.message.split('\n')[0] ?? e.message,
      file,
      line: pos.line,
      column: pos.col,
    });
  }
  const locate = (path: PathSegment[]) => {
    let node: unknown = doc.contents;
    let found = node as Node | null;
    for (const seg of path) {
      if (isMap(node) || isSeq(node)) {
        const next = node.get(seg as never, true) as unknown;
        if (next === undefined || next === null) break;
        node = next;
        found = next as Node;
      } else break;
    }
    const offset = found?.range?.[0] ?? 0;
    const pos = lineCounter.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
  // The two parsers disagree on a file (rare): keep js-yaml's error rather than accept it silently.
  if (fastError && !problems.some((p) => p.severity === 'error')) {
    problems.push({ severity: 'error', code: 'yaml', message: fastError.reason ?? fastError.message.split('\n')[0]!, file, line: (fastError.mark?.line ?? 0) + 1, column: (fastError.mark?.column ?? 0) + 1 });
  }
  return { value: problems.some((p) => p.severity === 'error') ? undefined : doc.toJS(), locate, problems };
}

/** Reads a content file (`items: [...]`) into raw entries, each able to locate its own paths. */
export function parseContentFile(text: string, file: string): { entries: RawEntry[]; problems: Problem[] } {
  const parsed = parseYaml(text, file);
  const problems = [...parsed.problems];
  if (parsed.value === undefined) return { entries: [], problems };
  const value = parsed.value as { items?: unknown };
  if (!value || typeof value !== 'object' || !Array.isArray(value.items)) {
    problems.push({ severity: 'error', code: 'content-file', message: 'a content file has one top-level key, items: a list of items', file, line: 1, column: 1 });
    return { entries: [], problems };
  }
  const extra = Object.keys(value).filter((k) => k !== 'items');
  for (const k of extra) {
    const { line, column } = parsed.locate([k]);
    problems.push({ severity: 'error', code: 'content-file', message: `unknown top-level field "${k}"`, file, line, column });
  }
  const entries = value.items.map((item, i) => ({
    value: item,
    file,
    locate: (path: PathSegment[]) => parsed.locate(['items', i, ...path]),
  }));
  return { entries, problems };
}
