import { isMap, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import type { PathSegment, Problem, RawEntry } from '../../core/items/check-bank.ts';

export interface ParsedYaml {
  value: unknown;
  /** Line and column (1-based) of the node at `path`, or of its nearest existing ancestor. */
  locate: (path: PathSegment[]) => { line: number; column: number };
  problems: Problem[];
}

/** Parses YAML text, keeping positions so that every later message can say `file:line:col`. */
export function parseYaml(text: string, file: string): ParsedYaml {
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
