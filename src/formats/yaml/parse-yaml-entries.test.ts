import { describe, expect, it } from 'vitest';
import { parseContentFile, parseYaml } from './parse-yaml-entries.ts';

describe('parseYaml', () => {
  it('gives values, and positions on demand', () => {
    const r = parseYaml('items:\n  - id: a\n    stem: "Hi?"\n  - id: b\n', 'f.yaml');
    expect(r.problems).toEqual([]);
    expect(r.value).toEqual({ items: [{ id: 'a', stem: 'Hi?' }, { id: 'b' }] });
    expect(r.locate(['items', 1, 'id'])).toEqual({ line: 4, column: 9 });
    // A path that does not exist is located at its nearest existing ancestor.
    expect(r.locate(['items', 0, 'options', 3])).toEqual({ line: 2, column: 5 });
  });
  it('keeps YAML 1.2 core scalars: no dates, no yes/no booleans', () => {
    expect(parseYaml('a: 2026-01-01\nb: yes\nc: 0.5\n', 'f.yaml').value).toEqual({ a: '2026-01-01', b: 'yes', c: 0.5 });
  });
  it('reports syntax errors and duplicate keys with line and column, and gives no value', () => {
    const bad = parseYaml('items:\n  - id: [a\n', 'bad.yaml');
    expect(bad.value).toBeUndefined();
    expect(bad.problems[0]).toMatchObject({ severity: 'error', code: 'yaml', file: 'bad.yaml', line: 3 });
    const dup = parseYaml('items:\n  - id: a\n    id: b\n', 'dup.yaml');
    expect(dup.value).toBeUndefined();
    expect(dup.problems[0]).toMatchObject({ line: 3, column: 5, message: expect.stringMatching(/unique/) });
  });
  it('refuses a content file without a top-level items list', () => {
    expect(parseContentFile('- id: a\n', 'x.yaml').problems[0]!.message).toMatch(/one top-level key, items/);
    expect(parseContentFile('items: []\nextra: 1\n', 'x.yaml').problems[0]).toMatchObject({ message: 'unknown top-level field "extra"', line: 2, column: 8 });
  });
});
