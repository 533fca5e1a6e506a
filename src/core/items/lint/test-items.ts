import { indexExam, type ExamDefinition, type ExamIndex } from '../../exam/exam-schema.ts';
import type { PathSegment } from '../check-bank.ts';
import type { BankEntry, CaseStudy, ExamTag, MatchingItem, MultipleItem, OrderingItem, SingleItem } from '../item-schema.ts';
import type { LintEntry } from './lint-context.ts';

/**
 * Small in-memory banks for the lint and report tests. Entries are located at line 10 x (index + 1)
 * plus the path depth, so a test can tell which entry and roughly which field a problem points at.
 */

const REF = ['https://docs.aws.amazon.com/sagemaker/latest/dg/whatis.html'];
const DEFAULT_TAG: ExamTag = { task: '1.1', bullets: ['1.1.k1'], module: 1, angoff: 0.6 };
const meta = { exams: { 'test-exam': DEFAULT_TAG }, difficulty: 2, explanation: 'Why.', references: REF };

/** Per-exam tags for a test item: the defaults (task 1.1, bullet 1.1.k1, module 1) with `tag` over them. */
export function tagged(tag: Partial<ExamTag>, examId = 'test-exam'): { exams: Record<string, ExamTag> } {
  return { exams: { [examId]: { ...DEFAULT_TAG, ...tag } } };
}

export function single(id: string, stem: string, options: [string, string, string, string], key = 0, extra: Partial<SingleItem> = {}): SingleItem {
  return { ...meta, id, type: 'single', stem, options: options.map((text, i) => ({ id: 'abcd'[i]!, text, correct: i === key, why: 'because' })), ...extra };
}

export function multiple(id: string, stem: string, options: string[], keys: number[], extra: Partial<MultipleItem> = {}): MultipleItem {
  return {
    ...meta,
    id,
    type: 'multiple',
    stem,
    select: keys.length,
    options: options.map((text, i) => ({ id: String.fromCharCode(97 + i), text, correct: keys.includes(i), why: 'because' })),
    ...extra,
  };
}

export function ordering(id: string, stem: string, steps: string[], extra: Partial<OrderingItem> = {}): OrderingItem {
  return { ...meta, id, type: 'ordering', stem, steps: steps.map((text, i) => ({ id: `s${i + 1}`, text, why: 'because' })), ...extra };
}

export function matching(id: string, stem: string, pairs: [string, string][], extra: Partial<MatchingItem> = {}): MatchingItem {
  return {
    ...meta,
    id,
    type: 'matching',
    stem,
    prompts: pairs.map(([text], i) => ({ id: `p${i + 1}`, text, match: `r${i + 1}`, why: 'because' })),
    responses: pairs.map(([, text], i) => ({ id: `r${i + 1}`, text })),
    ...extra,
  };
}

export function caseStudy(id: string, scenario: string, questions: CaseStudy['questions']): CaseStudy {
  return { id, type: 'case', title: `Case ${id}`, scenario, questions };
}

/** Wraps entries as a lintable bank in file `file`. */
export function bank(entries: BankEntry[], file = 'items.yaml'): LintEntry[] {
  return entries.map((entry, i) => ({ entry, file, locate: (path: PathSegment[]) => ({ line: 10 * (i + 1) + path.length, column: 1 }) }));
}

/** A two-domain exam: tasks 1.1 (bullets k1, k2, s1) and 2.1 (k1), weights 60 / 40. */
export function testExam(outOfScopeServices: string[] = ['Amazon Route 53', 'AWS IoT Greengrass', 'AWS Certificate Manager (ACM)', 'AWS Artifact', 'AWS RAM']): ExamIndex {
  const def: ExamDefinition = {
    id: 'test-exam',
    code: 'TEST-01',
    name: 'Test exam',
    guideVersion: '1',
    scale: { min: 100, max: 1000, pass: 720 },
    profiles: {},
    accommodations: {},
    retakeWaitDays: 14,
    mockTypes: ['single', 'multiple', 'ordering', 'matching', 'case'],
    availability: {},
    coverage: { perBullet: 2, severity: 'error' },
    serviceLifecycle: [],
    domains: [
      {
        id: '1',
        name: 'Data',
        weight: 60,
        tasks: [
          {
            id: '1.1',
            title: 'Ingest data',
            knowledge: [
              { id: '1.1.k1', text: 'Data formats' },
              { id: '1.1.k2', text: 'Streaming sources' },
            ],
            skills: [{ id: '1.1.s1', text: 'Choosing formats' }],
          },
        ],
      },
      { id: '2', name: 'Models', weight: 40, tasks: [{ id: '2.1', title: 'Choose a model', knowledge: [{ id: '2.1.k1', text: 'Algorithms' }], skills: [] }] },
    ],
    modules: [{ id: 1, title: 'Ingestion', titleFr: 'Ingestion', tasks: ['1.1'], kind: 'content' }],
    inScopeServices: ['Amazon S3', 'Amazon SageMaker'],
    outOfScopeServices,
  };
  return indexExam(def);
}
