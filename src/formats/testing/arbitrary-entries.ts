import fc from 'fast-check';
import { bankEntrySchema, type BankEntry, type Question } from '../../core/items/item-schema.ts';

/**
 * fast-check generators of valid bank entries (schema and bank rules hold: key counts, select,
 * distinct matches, at most two distractors), for the round-trip and fuzz tests of every format.
 * Text mixes plain words with the characters each format must escape.
 */
const WORDS = ['data', 'model', 'Amazon', 'SageMaker', 'S3', 'é', '日本', '<b>', '&amp;', '"quoted"', "it's", '~', '=', '#', '{', '}', ':', '::', '\\', '->', '%50%', '|', ';', ',', '*', '- [x]', '[ ]', 'A.', 'ANSWER:', '//', '$CATEGORY:', '####', '<!--', '-->', '###', '**Explanation:**', '\t', 'x'];

const word = fc.oneof({ weight: 3, arbitrary: fc.constantFrom('data', 'model', 'training', 'endpoint', 'feature', 'Glue') }, { weight: 2, arbitrary: fc.constantFrom(...WORDS) });

/** One-line text. */
export const arbLine = fc.array(word, { minLength: 1, maxLength: 8 }).map((ws) => ws.join(' ').trim() || 'x');
/** Text with line breaks and paragraphs. */
export const arbText = fc.array(fc.tuple(arbLine, fc.constantFrom(' ', '\n', '\n\n')), { minLength: 1, maxLength: 4 }).map((parts) => parts.map(([l, sep], i) => (i === parts.length - 1 ? l : l + sep)).join('').trim() || 'text');

const choiceId = fc.stringMatching(/^[a-z0-9][a-z0-9_-]{0,5}$/);
const itemId = fc.stringMatching(/^[a-z0-9][a-z0-9._-]{0,20}$/);

function uniqueIds(n: number) {
  return fc.uniqueArray(choiceId, { minLength: n, maxLength: n });
}

const examTag = (tasks: string[], bullets: string[]) =>
  fc.record(
    {
      task: fc.constantFrom(...tasks),
      bullets: fc.array(fc.constantFrom(...bullets), { maxLength: 2 }),
      module: fc.integer({ min: 1, max: 26 }),
      angoff: fc.integer({ min: 1, max: 99 }).map((n) => n / 100),
    },
    { requiredKeys: [] },
  );

/** Tags for C01 alone, C02 alone, or both. */
const exams = fc.oneof(
  fc.record({ 'mla-c01': examTag(['1.1', '1.2', '2.3', '4.1'], ['1.1.k1', '1.2.s3', '2.3.k2']) }),
  fc.record({ 'mla-c02': examTag(['1.1', '1.2', '3.2'], ['1.1.s7', '1.2.s5', '3.2.s7']) }),
  fc.record({ 'mla-c01': examTag(['1.1', '2.3'], ['1.1.k1', '2.3.k2']), 'mla-c02': examTag(['1.2', '2.1'], ['1.2.s9', '2.1.s2']) }),
);

const meta = fc.record(
  {
    exams,
    difficulty: fc.integer({ min: 1, max: 5 }),
    explanation: arbText,
    references: fc.array(fc.constantFrom('https://docs.aws.amazon.com/sagemaker/latest/dg/whatis.html', 'https://aws.amazon.com/glue/'), { maxLength: 2 }),
    tags: fc.array(fc.constantFrom('practice', 'bedrock', 'beta set'), { maxLength: 2 }),
  },
  { requiredKeys: [] },
);

const why = fc.option(arbLine, { nil: undefined });

const single = fc.record({ meta, stem: arbText, ids: uniqueIds(4), texts: fc.array(arbLine, { minLength: 4, maxLength: 4 }), whys: fc.array(why, { minLength: 4, maxLength: 4 }), key: fc.integer({ min: 0, max: 3 }) }).map(
  ({ meta: m, stem, ids, texts, whys, key }) => ({ ...m, id: '', type: 'single' as const, stem, options: ids.map((id, i) => ({ id, text: texts[i]!, correct: i === key, ...(whys[i] ? { why: whys[i] } : {}) })) }),
);

const multiple = fc.integer({ min: 5, max: 10 }).chain((n) =>
  fc.record({ meta, stem: arbText, ids: uniqueIds(n), texts: fc.array(arbLine, { minLength: n, maxLength: n }), whys: fc.array(why, { minLength: n, maxLength: n }), keys: fc.uniqueArray(fc.integer({ min: 0, max: n - 1 }), { minLength: 2, maxLength: n - 1 }) }).map(({ meta: m, stem, ids, texts, whys, keys }) => ({
    ...m,
    id: '',
    type: 'multiple' as const,
    select: keys.length,
    stem,
    options: ids.map((id, i) => ({ id, text: texts[i]!, correct: keys.includes(i), ...(whys[i] ? { why: whys[i] } : {}) })),
  })),
);

const ordering = fc.integer({ min: 3, max: 5 }).chain((n) =>
  fc.record({ meta, stem: arbText, ids: uniqueIds(n), texts: fc.array(arbLine, { minLength: n, maxLength: n }), whys: fc.array(why, { minLength: n, maxLength: n }) }).map(({ meta: m, stem, ids, texts, whys }) => ({
    ...m,
    id: '',
    type: 'ordering' as const,
    stem,
    steps: ids.map((id, i) => ({ id, text: texts[i]!, ...(whys[i] ? { why: whys[i] } : {}) })),
  })),
);

const matching = fc.tuple(fc.integer({ min: 3, max: 7 }), fc.integer({ min: 0, max: 2 })).chain(([n, extra]) =>
  fc
    .record({
      meta,
      stem: arbText,
      pids: uniqueIds(n),
      rids: uniqueIds(n + extra),
      ptexts: fc.array(arbLine, { minLength: n, maxLength: n }),
      rtexts: fc.array(arbLine, { minLength: n + extra, maxLength: n + extra }),
      whys: fc.array(why, { minLength: n, maxLength: n }),
      perm: fc.shuffledSubarray([...Array(n + extra).keys()], { minLength: n + extra, maxLength: n + extra }),
    })
    .map(({ meta: m, stem, pids, rids, ptexts, rtexts, whys, perm }) => ({
      ...m,
      id: '',
      type: 'matching' as const,
      stem,
      prompts: pids.map((id, i) => ({ id, text: ptexts[i]!, match: rids[perm[i]!]!, ...(whys[i] ? { why: whys[i] } : {}) })),
      responses: rids.map((id, i) => ({ id, text: rtexts[i]! })),
    })),
);

export const arbQuestion: fc.Arbitrary<Question> = fc.oneof(single, multiple, ordering, matching) as fc.Arbitrary<Question>;

/** A case study's questions name the same exams: the first question's, or none. */
const caseStudy = fc.record({ title: arbLine, scenario: arbText, questions: fc.array(arbQuestion, { minLength: 2, maxLength: 4 }) }).map((c) => {
  const examIds = Object.keys(c.questions[0]!.exams ?? {});
  return {
    id: '',
    type: 'case' as const,
    title: c.title,
    scenario: c.scenario,
    questions: c.questions.map(({ exams: own, ...q }) => (examIds.length ? { ...q, exams: Object.fromEntries(examIds.map((id) => [id, own?.[id] ?? {}])) } : q)),
  };
});

/** A list of valid entries with ids unique across the list (case-study questions included). */
export function arbEntries(opts: { maxLength?: number; types?: BankEntry['type'][] } = {}): fc.Arbitrary<BankEntry[]> {
  const types = opts.types;
  const entry = (types ? fc.oneof(arbQuestion, caseStudy).filter((e) => types.includes(e.type) && (e.type !== 'case' || e.questions.every((q) => types.includes(q.type)))) : fc.oneof({ weight: 4, arbitrary: arbQuestion }, { weight: 1, arbitrary: caseStudy })) as fc.Arbitrary<BankEntry>;
  return fc.tuple(fc.array(entry, { minLength: 1, maxLength: opts.maxLength ?? 6 }), fc.uniqueArray(itemId, { minLength: 40, maxLength: 40 })).map(([entries, ids]) => {
    let next = 0;
    return entries.map((e) => {
      const withId = e.type === 'case' ? { ...e, id: ids[next++]!, questions: e.questions.map((q) => ({ ...q, id: ids[next++]! })) } : { ...e, id: ids[next++]! };
      return bankEntrySchema.parse(withId);
    });
  });
}
