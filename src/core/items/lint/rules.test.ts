import { describe, expect, it } from 'vitest';
import { coverageRule, countByBullet } from './coverage-rule.ts';
import { duplicateStemsRule, jaccard, shingles, stemWords } from './duplicate-stems-rule.ts';
import { keyBalanceRule } from './key-balance-rule.ts';
import { lintQuestions } from './lint-context.ts';
import { optionWordingRule } from './option-wording-rule.ts';
import { outOfScopeRule } from './out-of-scope-rule.ts';
import { referenceProblem, referenceRule } from './reference-rule.ts';
import { selectCountRule, stemSelectCounts } from './select-count-rule.ts';
import { serviceMatcher } from './service-matcher.ts';
import { bank, caseStudy, matching, multiple, ordering, single, tagged, testExam } from './test-items.ts';
import type { Problem } from '../check-bank.ts';

const FOUR: [string, string, string, string] = ['Use Amazon S3 Select', 'Use Amazon Athena', 'Use AWS Glue jobs', 'Use Amazon EMR'];
const FIVE = ['Option one text', 'Option two text', 'Option three text', 'Option four text', 'Option five text'];
const codes = (ps: Problem[]) => ps.map((p) => `${p.code}:${p.itemId}`);
const bankProblem = (code: string, message: string): Problem => ({ severity: 'warning', code, message, file: 'bank', line: 1, column: 1 });

describe('selectCountRule', () => {
  it('reads counts in words or digits, in any case', () => {
    expect(stemSelectCounts('Which steps? (Select TWO.)')).toEqual([2]);
    expect(stemSelectCounts('Which steps? (select 3)')).toEqual([3]);
    expect(stemSelectCounts('Choose four.')).toEqual([4]);
    expect(stemSelectCounts('Which service should the team select?')).toEqual([]);
  });

  it('accepts a stem whose count matches select and the keys', () => {
    const q = multiple('m1', 'Which two formats are columnar? (Select TWO.)', FIVE, [0, 2]);
    expect(selectCountRule(lintQuestions(bank([q])))).toEqual([]);
  });

  it('reports a missing count, a wrong count and conflicting counts as errors', () => {
    const missing = multiple('m-missing', 'Which formats are columnar?', FIVE, [0, 2]);
    const wrong = multiple('m-wrong', 'Which formats are columnar? (Select THREE.)', FIVE, [0, 2]);
    const keysOff = multiple('m-keys', 'Which formats are columnar? (Select TWO.)', FIVE, [0, 2, 3], { select: 2 });
    const conflict = multiple('m-conflict', 'Select two services... (Select THREE.)', FIVE, [0, 2]);
    const problems = selectCountRule(lintQuestions(bank([missing, wrong, keysOff, conflict])));
    expect(codes(problems)).toEqual(['select-count-missing:m-missing', 'select-count-mismatch:m-wrong', 'select-count-mismatch:m-keys', 'select-count-mismatch:m-conflict']);
    expect(problems.every((p) => p.severity === 'error')).toBe(true);
    expect(problems[0]!.message).toContain('(Select TWO.)');
    expect(problems[1]!.message).toBe('the stem says select 3 but select is 2 and 2 options are correct');
    expect(problems[2]!.message).toBe('the stem says select 2 but select is 2 and 3 options are correct');
  });

  it('ignores single items and checks case-study questions', () => {
    const c = caseStudy('c1', 'A company ingests logs.', [single('c1-q1', 'Which one?', FOUR), multiple('c1-q2', 'Which ones?', FIVE, [1, 2])]);
    expect(codes(selectCountRule(lintQuestions(bank([single('s1', 'Select TWO of these?', FOUR), c]))))).toEqual(['select-count-missing:c1-q2']);
  });
});

describe('keyBalanceRule', () => {
  const even = (n: number) => Array.from({ length: n }, (_, i) => single(`s${i}`, `Stem number ${i}`, FOUR, i % 4));

  it('reports the position counts and no warning for a balanced bank', () => {
    const r = keyBalanceRule(lintQuestions(bank(even(40))), bankProblem);
    expect(r.stats.keyPositions).toEqual({ a: 10, b: 10, c: 10, d: 10 });
    expect(r.stats.positionTest).toEqual({ statistic: 0, df: 3, pValue: 1 });
    expect(r.problems).toEqual([]);
  });

  it('warns when key positions are skewed (p < 0.01)', () => {
    const skewed = Array.from({ length: 40 }, (_, i) => single(`s${i}`, `Stem ${i}`, FOUR, i < 28 ? 0 : i % 4));
    const r = keyBalanceRule(lintQuestions(bank(skewed)), bankProblem);
    expect(r.stats.keyPositions.a).toBe(31);
    expect(r.stats.positionTest!.pValue).toBeLessThan(0.01);
    const warning = r.problems.find((p) => p.code === 'key-position-bias')!;
    expect(warning.severity).toBe('warning');
    expect(warning.message).toMatch(/a 31, b 3, c 3, d 3; chi-square 58\.80, df 3, p = /);
  });

  it('does not test fewer single items than the minimum', () => {
    const r = keyBalanceRule(lintQuestions(bank(Array.from({ length: 10 }, (_, i) => single(`s${i}`, `S ${i}`, FOUR, 0)))), bankProblem);
    expect(r.stats.positionTest).toBeNull();
    expect(r.problems).toEqual([]);
  });

  it('warns when the key is the longest option in more than 35% of items', () => {
    const long: [string, string, string, string] = ['Use Amazon Athena with partitions', 'Use Athena', 'Use Glue', 'Use EMR'];
    const items = Array.from({ length: 20 }, (_, i) => single(`s${i}`, `S ${i}`, i < 8 ? long : FOUR, 0));
    const r = keyBalanceRule(lintQuestions(bank(items)), bankProblem);
    // FOUR's longest option ("Use Amazon S3 Select", a) is also the key: 20 of 20.
    expect(r.stats.longestKey).toEqual({ items: 20, keyLongest: 20, share: 1 });
    expect(codes(r.problems)).toContain('key-longest-share:undefined');
  });

  it('counts ties for the longest option as no cue and stays quiet at or under 35%', () => {
    const tie: [string, string, string, string] = ['abcd', 'efgh', 'ij', 'kl'];
    const items = Array.from({ length: 20 }, (_, i) => single(`s${i}`, `S ${i}`, tie, i % 4));
    const r = keyBalanceRule(lintQuestions(bank(items)), bankProblem);
    expect(r.stats.longestKey.keyLongest).toBe(0);
    expect(r.problems).toEqual([]);
  });

  it('flags a key much longer than its distractors, and only then', () => {
    const longKey = single('long', 'S', ['Use an S3 event notification to invoke a Lambda function that starts the pipeline', 'Use Athena', 'Use Glue', 'Use EMR'], 0);
    const ratioOnly = single('ratio', 'S', ['Use Amazon Athena now', 'Use Glue', 'Use EMR', 'Use S3'], 0);
    const r = keyBalanceRule(lintQuestions(bank([longKey, ratioOnly])), bankProblem);
    expect(codes(r.problems)).toEqual(['key-much-longer:long']);
    expect(r.problems[0]!.message).toMatch(/key "a" has 81 characters, its distractors 8 on average/);
  });

  it('checks every key of a multiple-response item', () => {
    const m = multiple('m', 'S (Select TWO.)', ['short one', 'A very long key option that goes on and on about the details', 'short two', 'short three', 'short four'], [0, 1]);
    expect(codes(keyBalanceRule(lintQuestions(bank([m])), bankProblem).problems)).toEqual(['key-much-longer:m']);
  });
});

describe('optionWordingRule', () => {
  it('errors on "of the above" options in any case, including matching responses', () => {
    const s = single('s', 'S', ['Use Athena', 'Use Glue', 'ALL of the above', 'None Of The Above'], 0);
    const m = matching('m', 'Match', [['p1', 'r1'], ['p2', 'r2'], ['p3', 'none of the above']]);
    const problems = optionWordingRule(lintQuestions(bank([s, m])));
    expect(problems.map((p) => `${p.severity}:${p.code}:${p.itemId}`)).toEqual(['error:of-the-above:s', 'error:of-the-above:s', 'error:of-the-above:m']);
    expect(problems[0]!.message).toBe('option "c" says "ALL of the above": options are shuffled, write a real option');
    expect(problems[2]!.message).toBe('response "r3" says "none of the above": options are shuffled, write a real option');
  });

  it('warns once per option on absolute words, whole words only, hyphenated terms excepted', () => {
    const s = single('s', 'S', ['Always use Athena; never use Glue', 'Use an always-on endpoint', 'Use the overall approach', 'Use only Glue for all jobs'], 0);
    const problems = optionWordingRule(lintQuestions(bank([s])));
    expect(problems.map((p) => [p.severity, p.message])).toEqual([['warning', 'option "a" uses the absolute words "always", "never"']]);
    const wider = optionWordingRule(lintQuestions(bank([s])), ['always', 'never', 'only', 'all', 'none']);
    expect(wider.map((p) => p.message)).toEqual(['option "a" uses the absolute words "always", "never"', 'option "d" uses the absolute words "only", "all"']);
  });

  it('accepts a custom list and leaves stems and ordering steps alone', () => {
    const s = single('s', 'Which option always works?', ['Use Athena', 'Use Glue every time', 'Use EMR', 'Use S3'], 0);
    const o = ordering('o', 'Order', ['Always first', 'Then this', 'Finally that']);
    expect(codes(optionWordingRule(lintQuestions(bank([s, o])), ['every']))).toEqual(['absolute-word:s']);
    expect(optionWordingRule(lintQuestions(bank([s, o])), [])).toEqual([]);
  });
});

describe('duplicateStemsRule', () => {
  const base = 'A company stores clickstream data in Amazon S3 as CSV files and wants to query the data with SQL at the lowest cost. Which solution meets these requirements?';

  it('normalises case and punctuation into words and shingles', () => {
    expect(stemWords('Hello, WORLD! s3-bucket')).toEqual(['hello', 'world', 's3', 'bucket']);
    expect(shingles(['a', 'b', 'c', 'd'], 3).size).toBe(2);
    expect(shingles(['a', 'b'], 3).size).toBe(1);
    expect(jaccard(new Set([1, 2, 3]), new Set([2, 3, 4]))).toBe(0.5);
    expect(jaccard(new Set(), new Set())).toBe(1);
  });

  it('errors on exact duplicates (ignoring case and punctuation), naming the first', () => {
    const problems = duplicateStemsRule(lintQuestions(bank([single('a', base, FOUR), single('b', base.toUpperCase().replace('?', ' ?!'), FOUR)])));
    expect(problems.map((p) => `${p.severity}:${p.code}:${p.itemId}`)).toEqual(['error:duplicate-stem:b']);
    expect(problems[0]!.message).toBe('the same stem as a (items.yaml:11)');
  });

  it('warns on near duplicates (Jaccard >= 0.8) and not on different stems', () => {
    const near = base.replace('at the lowest cost', 'at the lowest possible cost');
    const other = 'A retailer trains an XGBoost model on tabular sales data and needs to tune hyperparameters automatically. Which SageMaker feature should it use?';
    const problems = duplicateStemsRule(lintQuestions(bank([single('a', base, FOUR), single('b', near, FOUR), single('c', other, FOUR)])));
    expect(problems.map((p) => `${p.severity}:${p.code}:${p.itemId}`)).toEqual(['warning:near-duplicate-stem:b']);
    expect(problems[0]!.message).toMatch(/^stem is \d+% similar to a \(items\.yaml:11\)/);
    const s = jaccard(shingles(stemWords(base), 3), shingles(stemWords(near), 3));
    expect(s).toBeGreaterThanOrEqual(0.8);
  });

  it('stays quiet below the threshold', () => {
    const half = base.split(' ').slice(0, 14).join(' ') + ' and then trains a forecasting model every night with Amazon SageMaker built-in algorithms.';
    const s = jaccard(shingles(stemWords(base), 3), shingles(stemWords(half), 3));
    expect(s).toBeLessThan(0.8);
    expect(duplicateStemsRule(lintQuestions(bank([single('a', base, FOUR), single('b', half, FOUR)])))).toEqual([]);
  });

  it('finds a near duplicate among many distinct stems and rejects too many hash functions', () => {
    const words = ['parquet', 'avro', 'kinesis', 'glue', 'athena', 'emr', 'lambda', 'redshift', 'sagemaker', 'clarify', 'bedrock', 'feature', 'store', 'pipeline', 'endpoint', 'batch'];
    const stems = Array.from({ length: 300 }, (_, i) => Array.from({ length: 20 }, (_, j) => words[(i * 7 + j * (i % 5 + 1) + j * j) % words.length]).join(' ') + ` case ${i}`);
    const items = stems.map((s, i) => single(`i${i}`, s, FOUR));
    items.push(single('copy', stems[123]!.replace('case 123', 'case 123 today'), FOUR));
    const found = duplicateStemsRule(lintQuestions(bank(items))).filter((p) => p.itemId === 'copy');
    expect(found.map((p) => p.code)).toEqual(['near-duplicate-stem']);
    expect(() => duplicateStemsRule([], { threshold: 0.8, shingle: 3, bands: 100, rows: 5 })).toThrow(/at most 256 hash functions/);
  });
});

describe('duplicateStemsRule against brute force', () => {
  it('flags exactly the stems that have an earlier stem at Jaccard >= 0.8 (fixed seed)', () => {
    let seed = 7;
    const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const vocab = Array.from({ length: 400 }, (_, i) => `w${i}`);
    const stems: string[] = Array.from({ length: 200 }, () => Array.from({ length: 60 + Math.floor(rand() * 30) }, () => vocab[Math.floor(rand() * vocab.length)]).join(' '));
    // Mutated copies: change 1 to 5 words, so similarities spread on both sides of the threshold.
    for (let k = 0; k < 60; k++) {
      const words = stems[Math.floor(rand() * 200)]!.split(' ');
      const changes = 1 + Math.floor(rand() * 5);
      for (let c = 0; c < changes; c++) words[Math.floor(rand() * words.length)] = vocab[Math.floor(rand() * vocab.length)]!;
      stems.push(words.join(' '));
    }
    const sets = stems.map((st) => shingles(stemWords(st), 3));
    const expected = new Set<string>();
    const exact = new Set<string>();
    const seen = new Set<string>();
    stems.forEach((st, i) => {
      if (seen.has(st)) exact.add(`q${i}`);
      seen.add(st);
    });
    for (let i = 0; i < stems.length; i++) {
      if (exact.has(`q${i}`)) continue;
      for (let j = 0; j < i; j++) if (stems[j] !== stems[i] && jaccard(sets[i]!, sets[j]!) >= 0.8) expected.add(`q${i}`);
    }
    expect(expected.size).toBeGreaterThan(15);
    expect(expected.size).toBeLessThan(60);
    const items = stems.map((st, i) => single(`q${i}`, st, FOUR));
    const found = new Set(duplicateStemsRule(lintQuestions(bank(items))).filter((p) => p.code === 'near-duplicate-stem').map((p) => p.itemId));
    expect([...found].sort()).toEqual([...expected].sort());
  });
});

describe('referenceRule', () => {
  it('accepts English AWS documentation and product pages', () => {
    expect(referenceProblem('https://docs.aws.amazon.com/sagemaker/latest/dg/whatis.html')).toBeNull();
    expect(referenceProblem('https://aws.amazon.com/sagemaker/pricing/')).toBeNull();
    expect(referenceProblem('https://aws.amazon.com/ai/machine-learning/')).toBeNull();
  });

  it('rejects language segments, other hosts, http and malformed URLs', () => {
    expect(referenceProblem('https://docs.aws.amazon.com/fr_fr/sagemaker/latest/dg/whatis.html')?.code).toBe('reference-language');
    expect(referenceProblem('https://docs.aws.amazon.com/ja_jp/sagemaker/latest/dg/whatis.html')?.code).toBe('reference-language');
    expect(referenceProblem('https://aws.amazon.com/fr/sagemaker/')?.code).toBe('reference-language');
    expect(referenceProblem('https://aws.amazon.com/jp/sagemaker/')?.code).toBe('reference-language');
    expect(referenceProblem('http://docs.aws.amazon.com/sagemaker/')?.code).toBe('reference-host');
    expect(referenceProblem('https://docs.aws.amazon.com.cn/sagemaker/')?.code).toBe('reference-host');
    expect(referenceProblem('https://example.com/aws')?.code).toBe('reference-host');
    expect(referenceProblem('not a url')?.code).toBe('reference-malformed');
    expect(referenceProblem('https://aws.amazon.com/')?.code).toBe('reference-malformed');
  });

  it('reports each bad reference at its index and a repeated one as a warning', () => {
    const ok = 'https://docs.aws.amazon.com/athena/latest/ug/what-is.html';
    const s = single('s', 'S', FOUR, 0, { references: [ok, 'https://docs.aws.amazon.com/de_de/athena/latest/ug/what-is.html', ok] });
    const problems = referenceRule(lintQuestions(bank([s])));
    expect(problems.map((p) => `${p.severity}:${p.code}:${p.line}`)).toEqual(['error:reference-language:12', 'warning:reference-repeated:12']);
  });
});

describe('outOfScopeRule and serviceMatcher', () => {
  const exam = testExam();

  it('matches full names in any case and short forms as AWS writes them', () => {
    const find = serviceMatcher(['Amazon Route 53', 'Amazon Route 53 Application Recovery Controller', 'AWS IoT Greengrass', 'AWS Certificate Manager (ACM)', 'AWS Artifact', 'AWS RAM']);
    expect(find('Use amazon route 53 for DNS').map((m) => m.service)).toEqual(['Amazon Route 53']);
    expect(find('Use Route 53 Application Recovery Controller').map((m) => m.service)).toEqual(['Amazon Route 53 Application Recovery Controller']);
    expect(find('Deploy with Greengrass and an ACM certificate').map((m) => m.service)).toEqual(['AWS IoT Greengrass', 'AWS Certificate Manager (ACM)']);
    // Ordinary words that are also the short names of services do not match.
    expect(find('Store the model artifact; add RAM; the greengrass field; route 53 packets')).toEqual([]);
    expect(find('Use AWS Artifact for reports').map((m) => m.service)).toEqual(['AWS Artifact']);
  });

  it('drops short forms that are part of an in-scope service name', () => {
    const find = serviceMatcher(['AWS Glue Studio Thing'], ['AWS Glue Studio Thing Pro']);
    expect(find('Use Glue Studio Thing Pro').map((m) => m.service)).toEqual([]);
    expect(find('Use AWS Glue Studio Thing').map((m) => m.service)).toEqual(['AWS Glue Studio Thing']);
  });

  it('warns per field that names an out-of-scope service, scenarios included', () => {
    const s = single('s', 'A company uses Amazon Route 53 and Amazon S3.', ['Use AWS IoT Greengrass', 'Use Amazon SageMaker', 'Use Athena', 'Use EMR'], 1);
    const c = caseStudy('c', 'The devices run Greengrass.', [single('c-q1', 'Which one?', FOUR), single('c-q2', 'Which other?', FOUR, 1)]);
    const problems = outOfScopeRule(bank([s, c]), [exam]);
    expect(problems.map((p) => `${p.severity}:${p.itemId}:${p.message}`)).toEqual([
      'warning:c:scenario names AWS IoT Greengrass, which is out of scope for TEST-01',
      'warning:s:stem names Amazon Route 53, which is out of scope for TEST-01',
      'warning:s:option "a" names AWS IoT Greengrass, which is out of scope for TEST-01',
    ]);
  });

  it('scans ordering steps and matching prompts and responses', () => {
    const o = ordering('o', 'Order', ['Create a hosted zone in Route 53', 'Then this', 'Finally that']);
    const m = matching('m', 'Match', [['p1', 'AWS RAM share'], ['ACM certificate', 'r2'], ['p3', 'r3']]);
    expect(outOfScopeRule(bank([o, m]), [exam]).map((p) => `${p.itemId}:${p.message.split(' names')[0]}`)).toEqual(['o:step "s1"', 'm:prompt "p2"', 'm:response "r1"']);
  });
});

describe('coverageRule', () => {
  const exam = testExam();
  const at = (e: typeof exam, bullet: string, code: string, message: string): Problem => ({ severity: 'error', code, message, file: 'exam.yaml', line: 1, column: 1, itemId: bullet });

  it('counts distinct questions per bullet, case-study questions included, other exams excluded', () => {
    const items = [
      single('a', 'A', FOUR, 0, tagged({ bullets: ['1.1.k1', '1.1.k1', '1.1.k2'] })),
      single('b', 'B', FOUR, 0, tagged({ bullets: ['1.1.k1'] }, 'other-exam')),
      caseStudy('c', 'Scenario', [single('c1', 'C1', FOUR, 0, tagged({ bullets: ['1.1.k2'] })), single('c2', 'C2', FOUR, 0, tagged({ task: '2.1', bullets: ['2.1.k1'] }))]),
    ];
    expect(Object.fromEntries(countByBullet(lintQuestions(bank(items)), exam))).toEqual({ '1.1.k1': 1, '1.1.k2': 2, '1.1.s1': 0, '2.1.k1': 1 });
    const problems = coverageRule(lintQuestions(bank(items)), [exam], at);
    expect(problems.map((p) => p.message)).toEqual([
      'TEST-01 1.1.k1 "Data formats" is tested by 1 question a mock may use (at least 2 needed)',
      'TEST-01 1.1.s1 "Choosing formats" is tested by 0 questions a mock may use (at least 2 needed)',
      'TEST-01 2.1.k1 "Algorithms" is tested by 1 question a mock may use (at least 2 needed)',
    ]);
    expect(problems.every((p) => p.severity === 'error' && p.code === 'bullet-uncovered')).toBe(true);
  });

  it('is silent when every bullet has enough items', () => {
    const all = ['1.1.k1', '1.1.k2', '1.1.s1', '2.1.k1'];
    const items = [single('a', 'A', FOUR, 0, tagged({ bullets: all })), single('b', 'B', FOUR, 0, tagged({ bullets: all }))];
    expect(coverageRule(lintQuestions(bank(items)), [exam], at)).toEqual([]);
    const stricter = { ...exam, exam: { ...exam.exam, coverage: { perBullet: 3, severity: 'error' as const } } };
    expect(coverageRule(lintQuestions(bank(items)), [stricter], at)).toHaveLength(4);
  });
});
