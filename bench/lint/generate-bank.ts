import type { ExamIndex } from '../../src/core/exam/exam-schema.ts';
import { mulberry32 } from '../../src/core/measure/simulate-responses.ts';


const NOUNS = (
  'company team startup retailer bank insurer hospital airline studio lab agency school factory marketplace publisher broker carrier utility ' +
  'dataset pipeline model endpoint feature label stream record table partition bucket notebook job cluster container image artifact metric ' +
  'report dashboard alert threshold schema catalog crawler workflow trigger queue topic shard checkpoint variant baseline drift bias budget'
).split(' ');
const VERBS = 'ingests stores transforms labels trains tunes deploys monitors audits encrypts scales retrains compresses validates splits merges'.split(' ');
const ADJS = 'daily hourly large small sparse noisy tabular streaming historical regulated private public nightly seasonal imbalanced'.split(' ');
const SERVICES = [
  'Amazon S3', 'AWS Glue', 'Amazon Athena', 'Amazon EMR', 'Amazon Kinesis', 'Amazon SageMaker', 'AWS Lambda', 'Amazon Redshift', 'Amazon DynamoDB',
  'Amazon EFS', 'Amazon FSx', 'AWS Step Functions', 'Amazon EventBridge', 'Amazon CloudWatch', 'AWS KMS', 'Amazon ECR', 'Amazon Bedrock',
];
const QUALIFIERS = ['with the LEAST operational overhead', 'MOST cost-effectively', 'with the lowest latency', 'without managing servers', 'with the fewest code changes'];

/**
 * Generates `count` valid, varied questions for an exam (seeded): the mix of types of a real bank
 * (about 65% single, 20% multiple, 6% ordering, 6% matching, the rest in case studies), stems built from
 * random words so that they do not duplicate each other, keys at random positions.
 */
export function generateBank(count: number, exam: ExamIndex, seed: number): Record<string, unknown>[] {
  const rand = mulberry32(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const tasks = [...exam.taskDomain.keys()];
  const bulletsOf = new Map(tasks.map((t) => [t, [...exam.bullets].filter(([, b]) => b.task === t).map(([id]) => id)]));
  const modulesOf = new Map(tasks.map((t) => [t, exam.exam.modules.filter((m) => m.tasks.includes(t)).map((m) => m.id)]));
  const words = (n: number) => Array.from({ length: n }, () => (rand() < 0.3 ? pick(ADJS) : pick(NOUNS))).join(' ');
  const phrase = (lo: number, hi: number) => `${pick(['Use', 'Configure', 'Create', 'Enable', 'Move'])} ${pick(SERVICES)} ${words(int(lo, hi))}`;
  const stem = (n: number) =>
    `A ${pick(ADJS)} ${pick(NOUNS)} ${pick(VERBS)} ${words(int(8, 16))} with ${pick(SERVICES)} ${n}. ` +
    `It ${pick(VERBS)} ${words(int(6, 12))}. Which solution meets these requirements ${pick(QUALIFIERS)}?`;
  const meta = (id: string, n: number) => {
    const task = pick(tasks);
    const bullets = bulletsOf.get(task)!;
    return {
      id,
      task,
      bullets: [...new Set([pick(bullets), pick(bullets)])],
      module: pick(modulesOf.get(task)!.length ? modulesOf.get(task)! : [1]),
      difficulty: int(1, 5),
      angoff: Math.round((0.3 + rand() * 0.6) * 100) / 100,
      stem: stem(n),
      explanation: `The concept behind ${words(6)}.`,
      references: [`https://docs.aws.amazon.com/sagemaker/latest/dg/page-${n}.html`],
    };
  };
  const question = (id: string, n: number): Record<string, unknown> => {
    const r = rand();
    const m = meta(id, n);
    if (r < 0.7) {
      const key = int(0, 3);
      return { ...m, type: 'single', options: [0, 1, 2, 3].map((i) => ({ id: 'abcd'[i], text: phrase(4, 6), ...(i === key ? { correct: true } : {}), why: `Reason ${words(5)}.` })) };
    }
    if (r < 0.86) {
      const n5 = int(5, 6);
      const select = int(2, 3);
      const keys = new Set<number>();
      while (keys.size < select) keys.add(int(0, n5 - 1));
      return {
        ...m,
        type: 'multiple',
        stem: `${m.stem} (Select ${select === 2 ? 'TWO' : 'THREE'}.)`,
        select,
        options: Array.from({ length: n5 }, (_, i) => ({ id: String.fromCharCode(97 + i), text: phrase(4, 6), ...(keys.has(i) ? { correct: true } : {}), why: `Reason ${words(5)}.` })),
      };
    }
    if (r < 0.93) return { ...m, type: 'ordering', steps: Array.from({ length: int(3, 5) }, (_, i) => ({ id: `s${i + 1}`, text: phrase(3, 7), why: `Step ${words(4)}.` })) };
    const pairs = int(3, 5);
    return {
      ...m,
      type: 'matching',
      prompts: Array.from({ length: pairs }, (_, i) => ({ id: `p${i + 1}`, text: words(int(3, 6)), match: `r${i + 1}`, why: `Match ${words(4)}.` })),
      responses: Array.from({ length: pairs + int(0, 2) }, (_, i) => ({ id: `r${i + 1}`, text: pick(SERVICES) + ' ' + words(2) })),
    };
  };

  const entries: Record<string, unknown>[] = [];
  let made = 0;
  while (made < count) {
    const n = made + 1;
    if (rand() < 0.04 && count - made >= 2) {
      const size = Math.min(int(2, 4), count - made);
      const questions = Array.from({ length: size }, (_, i) => question(`bench-${String(n).padStart(4, '0')}-q${i + 1}`, n * 10 + i));
      entries.push({ id: `bench-${String(n).padStart(4, '0')}`, type: 'case', title: `Case ${n}`, exams: [exam.exam.id], scenario: `${stem(n)} ${stem(n + 1)}`, questions });
      made += size;
    } else {
      entries.push({ ...question(`bench-${String(n).padStart(4, '0')}`, n), exams: [exam.exam.id] });
      made += 1;
    }
  }
  return entries;
}
