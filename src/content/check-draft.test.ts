import { describe, expect, it } from 'vitest';
import { writeYaml } from '../formats/yaml/write-yaml.ts';
import { checkDraft } from './check-draft.ts';
import { loadContent } from './load-content.ts';

const { exams, entries } = await loadContent('content');
const single = entries.find((e) => e.type === 'single' && e.exams?.['mla-c02'])!;

describe('checkDraft', () => {
  it('accepts a bank item written back as a draft, with no error', () => {
    const t0 = performance.now();
    const { entry, problems } = checkDraft(writeYaml([single]).output, exams, entries);
    expect(entry?.id).toBe(single.id);
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(performance.now() - t0).toBeLessThan(20_000);
  });

  it('says what and where, as certprep validate does: a missing key, an unknown skill', () => {
    const broken = writeYaml([{ ...single, options: single.type === 'single' ? single.options.map((o) => ({ ...o, correct: false })) : [] } as never]).output;
    const { entry, problems } = checkDraft(broken, exams, entries);
    expect(entry).toBeUndefined();
    expect(problems.some((p) => p.severity === 'error' && p.file === 'draft.yaml' && p.line > 1)).toBe(true);
    expect(checkDraft('items: []\n', exams, entries).problems.map((p) => p.message)).toEqual(['a draft holds exactly one item under "items:"; this one has 0']);
  });

  it('finds a stem that near-duplicates another item of the bank', () => {
    const copy = writeYaml([{ ...single, id: `${single.id}-copy` }]).output;
    const { problems } = checkDraft(copy, exams, entries);
    expect(problems.map((p) => p.code)).toContain('duplicate-stem');
  });
});
