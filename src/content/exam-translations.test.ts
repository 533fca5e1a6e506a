import { describe, expect, it } from 'vitest';
import { loadExam } from '../../test/helpers/load-exam.ts';

describe('French names in the exam files', () => {
  it.each(['mla-c01', 'mla-c02'] as const)('%s gives every domain and task statement a French name', (id) => {
    const exam = loadExam(id);
    const missing = exam.domains.flatMap((d) => [...(d.nameFr ? [] : [`domain ${d.id}`]), ...d.tasks.filter((t) => !t.titleFr).map((t) => `task ${t.id}`)]);
    expect(missing).toEqual([]);
  });
});
