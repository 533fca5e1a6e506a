import { bankEntrySchema, type BankEntry } from '../../src/core/items/item-schema.ts';
import { mulberry32 } from '../../src/core/measure/simulate-responses.ts';

const VOCAB = 'a company stores training data in Amazon S3 and needs to transform features with AWS Glue before training a model on Amazon SageMaker AI with the LEAST operational overhead while keeping costs low & latency < 100 ms'.split(' ');

/**
 * `n` items shaped like the bank's (50-word stems, 12-word options, a why per option, full
 * metadata): 70% single, 15% multiple, 7.5% ordering, 7.5% matching.
 */
export function benchItems(n: number, seed = 20261122): BankEntry[] {
  const rand = mulberry32(seed);
  const words = (k: number) => Array.from({ length: k }, () => VOCAB[Math.floor(rand() * VOCAB.length)]).join(' ');
  const meta = (i: number) => ({
    exams: ['mla-c01'],
    task: `${1 + (i % 4)}.${1 + (i % 3)}`,
    bullets: [`${1 + (i % 4)}.${1 + (i % 3)}.k1`],
    module: 1 + (i % 26),
    difficulty: 1 + (i % 5),
    angoff: 0.5 + (i % 40) / 100,
    explanation: words(40),
    references: ['https://docs.aws.amazon.com/sagemaker/latest/dg/whatis.html'],
  });
  return Array.from({ length: n }, (_, i) => {
    const id = `bench-${i}`;
    const kind = i % 40;
    const stem = `${words(50)}\n\n${words(12)}?`;
    if (kind < 28) return bankEntrySchema.parse({ id, type: 'single', ...meta(i), stem, options: ['a', 'b', 'c', 'd'].map((o, k) => ({ id: o, text: words(12), correct: k === i % 4, why: words(20) })) });
    if (kind < 34) return bankEntrySchema.parse({ id, type: 'multiple', select: 2, ...meta(i), stem: `${stem} (Select TWO.)`, options: ['a', 'b', 'c', 'd', 'e'].map((o, k) => ({ id: o, text: words(12), correct: k < 2, why: words(20) })) });
    if (kind < 37) return bankEntrySchema.parse({ id, type: 'ordering', ...meta(i), stem, steps: [1, 2, 3, 4].map((k) => ({ id: `s${k}`, text: words(10), why: words(15) })) });
    return bankEntrySchema.parse({ id, type: 'matching', ...meta(i), stem, prompts: [1, 2, 3, 4].map((k) => ({ id: `p${k}`, text: words(6), match: `r${5 - k}`, why: words(12) })), responses: [1, 2, 3, 4, 5].map((k) => ({ id: `r${k}`, text: words(6) })) });
  });
}
