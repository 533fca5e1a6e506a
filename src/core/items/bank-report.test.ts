import { describe, expect, it } from 'vitest';
import { bankReport, bankReportSummary, DEFAULT_MINIMUMS } from './bank-report.ts';
import { caseStudy, matching, multiple, ordering, single, tagged, testExam } from './lint/test-items.ts';

const FOUR: [string, string, string, string] = ['w', 'x', 'y', 'z'];
const FIVE = ['v', 'w', 'x', 'y', 'z'];
const exam = testExam();

describe('bankReport', () => {
  const entries = [
    single('a', 'A', FOUR, 0, { ...tagged({ bullets: ['1.1.k1', '1.1.k2'] }), difficulty: 1 }),
    multiple('b', 'B', FIVE, [0, 1], { ...tagged({ bullets: ['1.1.k1'] }), difficulty: 3 }),
    ordering('c', 'C', ['1', '2', '3'], { ...tagged({ task: '2.1', bullets: ['2.1.k1'] }), difficulty: 5 }),
    matching('d', 'D', [['1', 'r'], ['2', 's'], ['3', 't']], tagged({}, 'other-exam')),
    caseStudy('e', 'Scenario', [single('e1', 'E1', FOUR, 0, { ...tagged({ bullets: ['1.1.k2'] }), difficulty: undefined }), matching('e2', 'E2', [['1', 'r'], ['2', 's'], ['3', 't']], tagged({ task: '2.1', bullets: ['2.1.k1'] }))]),
  ];

  it('counts the exam items by domain, task, bullet, type and difficulty; case questions under their own types', () => {
    const r = bankReport(entries, exam);
    expect(bankReportSummary(r)).toEqual({
      exam: 'test-exam',
      items: 5,
      byDomain: { '1': 3, '2': 2 },
      byTask: { '1.1': 3, '2.1': 2 },
      bySkill: { '1.1.k1': 2, '1.1.k2': 2, '1.1.s1': 0, '2.1.k1': 2 },
      byType: { single: 2, multiple: 1, ordering: 1, matching: 1 },
      caseStudies: 1,
      mockPool: 5,
      uncovered: ['1.1.s1'],
    });
    expect(r.byDifficulty).toEqual({ '1': 1, '2': 1, '3': 1, '4': 0, '5': 1, unrated: 1 });
    expect(r.byTaskType['2.1']).toEqual({ single: 0, multiple: 0, ordering: 1, matching: 1 });
    expect(r.domains.map((d) => [d.id, d.share, d.targetShare])).toEqual([
      ['1', 0.6, 0.6],
      ['2', 0.4, 0.4],
    ]);
  });

  it('lists every gap to the minimums', () => {
    const r = bankReport(entries, exam);
    expect(r.gaps).toEqual([
      'task 1.1 Ingest data: 3 items, needs 15 (12 more)',
      'task 2.1 Choose a model: 2 items, needs 15 (13 more)',
      'skill 1.1.s1 "Choosing formats": 0 items a mock may use, needs 2',
      'ordering: 1 item, needs 15',
      'matching: 1 item, needs 15',
      'case studies: 1, needs 8',
      'difficulty 4: no items',
      'difficulty: 1 item without one',
    ]);
  });

  it('reports domain imbalance and the multiple-response share against custom minimums', () => {
    const items = Array.from({ length: 10 }, (_, i) => single(`s${i}`, `S${i}`, FOUR, 0, tagged({ bullets: ['1.1.k1', '1.1.k2', '1.1.s1'] })));
    const r = bankReport(items, exam, { ...DEFAULT_MINIMUMS, perTask: 0, ordering: 0, matching: 0, caseStudies: 0, difficulties: [2], perBullet: 0 });
    expect(r.gaps).toEqual([
      'domain 1 Data: 100.0% of items, weight 60.0% (over its share)',
      'domain 2 Models: 0.0% of items, weight 40.0% (4 more to reach its share)',
      'multiple response: 0 of 10 items (0.0%), needs 20.0% (2 more)',
    ]);
  });

  it('reports an empty bank with every count at zero', () => {
    const r = bankReport([], exam);
    expect(bankReportSummary(r)).toEqual({
      exam: 'test-exam',
      items: 0,
      byDomain: { '1': 0, '2': 0 },
      byTask: { '1.1': 0, '2.1': 0 },
      bySkill: { '1.1.k1': 0, '1.1.k2': 0, '1.1.s1': 0, '2.1.k1': 0 },
      byType: { single: 0, multiple: 0, ordering: 0, matching: 0 },
      caseStudies: 0,
      mockPool: 0,
      uncovered: ['1.1.k1', '1.1.k2', '1.1.s1', '2.1.k1'],
    });
    expect(r.gaps).toContain('multiple response: 0 of 0 items (0.0%), needs 20.0%');
  });
});
