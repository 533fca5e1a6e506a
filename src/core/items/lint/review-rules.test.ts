import { describe, expect, it } from 'vitest';
import type { Problem } from '../check-bank.ts';
import { absoluteClaimRule } from './absolute-claim-rule.ts';
import { lifecycleRule } from './lifecycle-rule.ts';
import { lintQuestions } from './lint-context.ts';
import { cueTerms, identifierParts, stemEchoRule } from './stem-echo-rule.ts';
import { bank, multiple, single, testExam } from './test-items.ts';

const codes = (ps: Problem[]) => ps.map((p) => `${p.code}:${p.itemId}`);

describe('stemEchoRule', () => {
  it('finds a name or phrase shared by the stem and the key only (the "Git tags" → "Git trigger" case)', () => {
    const q = single(
      'echo',
      'A team tags releases with Git tags in AWS CodeCommit. How should the pipeline start on a new tag?',
      ['Add a Git trigger on tag pushes', 'Schedule the pipeline every hour', 'Poll the repository from Lambda', 'Start the pipeline from a CloudWatch alarm'],
      0,
    );
    const problems = stemEchoRule(lintQuestions(bank([q])));
    expect(codes(problems)).toEqual(['stem-echo:echo']);
    expect(problems[0]!.message).toContain('"git"');
    expect(problems[0]!.severity).toBe('warning');
  });

  it('stays quiet when a distractor shares the word too, for common words, and once a reviewer accepted the item', () => {
    const shared = single('shared', 'The team uses Git tags in CodeCommit.', ['Add a Git trigger', 'Poll Git from Lambda', 'Schedule the pipeline', 'Use an alarm'], 0);
    const common = single('common', 'The company wants the model training data in one place.', ['Store the training data in S3 buckets', 'Use EFS', 'Use EBS', 'Use FSx'], 0);
    const accepted = single('accepted', 'The team uses Git tags.', ['Add a Git trigger', 'Schedule it', 'Poll it', 'Alarm on it'], 0, { lintChecked: ['stem-echo'] });
    expect(stemEchoRule(lintQuestions(bank([shared, common, accepted])))).toEqual([]);
  });

  it('finds a stem word hidden in the key\'s API or metric name, unless a distractor uses it or it is generic', () => {
    const hidden = single(
      'hidden',
      'Batch transform fails on large CSV files. How can the job succeed without exceeding the payload limit of the container?',
      ['Raise MaxPayloadInMB and split by line', 'Use more instances', 'Switch to a larger instance type', 'Set MaxConcurrentTransforms to 1'],
      0,
    );
    const sharedPart = single('shared-part', 'Requests exceed the payload limit.', ['Raise MaxPayloadInMB', 'Lower the payload size on the client', 'Use more instances', 'Batch requests'], 0);
    const generic = single('generic', 'Each request takes too long.', ['Alarm on ModelLatency per RequestCount', 'Use more instances', 'Use a bigger instance', 'Use Spot'], 0);
    const problems = stemEchoRule(lintQuestions(bank([hidden, sharedPart, generic])));
    expect(codes(problems)).toEqual(['stem-echo:hidden']);
    expect(problems[0]!.message).toContain('"payload"');
    expect([...identifierParts('Raise MaxPayloadInMB, then ConcurrentRequestsPerModel')].sort()).toEqual(['concurrent', 'in', 'max', 'mb', 'model', 'payload', 'per', 'request']);
  });

  it('checks every key of a multiple-response question', () => {
    const q = multiple('multi', 'Records arrive through Amazon Kinesis Data Streams into an online store. (Select TWO.)', ['Write to the online store', 'Use Kinesis Data Streams consumers', 'Use a batch job', 'Use Athena', 'Use EMR'], [0, 1]);
    expect(stemEchoRule(lintQuestions(bank([q]))).map((p) => p.message.slice(0, 7))).toEqual(['key "a"', 'key "b"']);
  });

  it('keeps names and phrases, drops common words, and matches plurals', () => {
    // "Analysis" opens a sentence: a capital there is not a name.
    expect([...cueTerms('The team pushes Git tags to SageMaker endpoints. Analysis uses SSE-KMS keys.')].sort()).toEqual([
      'git',
      'git tag',
      'push git',
      'sagemaker',
      'sagemaker endpoint',
      'sse-kms',
      'sse-kms key',
    ]);
  });
});

describe('absoluteClaimRule', () => {
  it('flags only / never / always / cannot in a why or the explanation, each where it is', () => {
    const q = single('claims', 'Which store?', ['S3', 'EFS', 'EBS', 'FSx'], 0, {
      explanation: 'S3 is the only store that serves this at scale.',
      options: [
        { id: 'a', text: 'S3', correct: true, why: 'It always scales.' },
        { id: 'b', text: 'EFS', correct: false, why: 'It cannot be read by the job.' },
        { id: 'c', text: 'EFS One Zone', correct: false, why: 'A one-zone store loses data in a zone outage.' },
        { id: 'd', text: 'EBS', correct: false, why: 'Attaches to one instance.' },
      ],
    });
    const problems = absoluteClaimRule(lintQuestions(bank([q])));
    expect(problems.map((p) => p.message.split(':')[0])).toEqual(['the explanation says "only"', 'the why of option "a" says "always"', 'the why of option "b" says "cannot"']);
    expect(problems.every((p) => p.severity === 'warning')).toBe(true);
  });

  it('does not come back once a reviewer lists absolute-claim in lintChecked, and ignores hyphenated terms', () => {
    const checked = single('checked', 'Which?', ['A', 'B', 'C', 'D'], 0, { explanation: 'Only A does this.', lintChecked: ['absolute-claim'] });
    const hyphen = single('hyphen', 'Which?', ['A', 'B', 'C', 'D'], 0, { explanation: 'An always-on endpoint.' });
    expect(absoluteClaimRule(lintQuestions(bank([checked, hyphen])))).toEqual([]);
  });
});

describe('lifecycleRule', () => {
  const exam = testExam();
  exam.exam.serviceLifecycle = [
    { service: 'Amazon Mechanical Turk', match: ['Mechanical Turk', 'MTurk'], status: 'shut-down', date: '2026-09-30', confidence: 'official' },
    { service: 'Amazon SageMaker Clarify', match: ['Clarify'], status: 'maintenance', date: '2026-07-30', confidence: 'corroborated' },
    { service: 'Amazon Kendra', match: ['Kendra'], status: 'closed', date: '2026-07-30', confidence: 'official' },
    { service: 'AWS CodeCommit', match: ['CodeCommit'], status: 'open', confidence: 'official' },
  ];
  const OPTS: [string, string, string, string] = ['Use Amazon SageMaker Clarify', 'Use a custom script', 'Use AWS Glue DataBrew', 'Use Amazon Athena'];

  it('is an error when a question valid for the exam relies on a shut-down service, in the stem or a key', () => {
    const stem = single('mturk-stem', 'A team labels images with Amazon Mechanical Turk workers. Which step is next?', ['Use a private team', 'Use a vendor', 'Relabel', 'Audit'], 0);
    const key = single('mturk-key', 'A team needs a public workforce for labelling. What should it use?', ['Use Amazon Mechanical Turk', 'Use a private team', 'Use a vendor', 'Use interns'], 0);
    const distractor = single('mturk-wrong', 'A team needs labels from its own staff. What should it use?', ['Use a private team', 'Use MTurk', 'Use a vendor', 'Use interns'], 0);
    const problems = lifecycleRule(lintQuestions(bank([stem, key, distractor])), [exam]);
    expect(codes(problems)).toEqual(['lifecycle-shut-down:mturk-stem', 'lifecycle-shut-down:mturk-key']);
    expect(problems.every((p) => p.severity === 'error')).toBe(true);
    expect(problems[1]!.message).toBe('key "a" relies on Amazon Mechanical Turk, which shut down on 2026-09-30: a question valid for TEST-01 must not');
  });

  it('warns when a new customer adopts a closed service, and when the explanation does not say what changed', () => {
    const adopt = single('clarify-new', 'A bank must measure bias in its training data before training. What should the ML engineer use?', OPTS, 0, { explanation: 'Pre-training bias metrics.' });
    const existing = single('clarify-existing', 'A bank already runs bias reports. Which tool should it keep for pre-training metrics?', OPTS, 0, {
      explanation: 'Clarify is in maintenance: closed to new customers since 2026-07-30.',
    });
    const named = single('clarify-named', 'A bank uses Amazon SageMaker Clarify for bias reports. How should it add a new metric?', OPTS, 0, { explanation: 'Metrics.' });
    const open = single('open', 'Where should the team keep its code?', ['Use AWS CodeCommit', 'Use S3', 'Use EFS', 'Use EBS'], 0);
    expect(codes(lifecycleRule(lintQuestions(bank([adopt, existing, named, open])), [exam]))).toEqual([
      'lifecycle-new-customer:clarify-new',
      'lifecycle-note:clarify-new',
      'lifecycle-note:clarify-named',
    ]);
  });

  it('applies an exam file’s list only to questions tagged for that exam', () => {
    const other = single('other-exam', 'A team needs a public workforce.', ['Use Amazon Mechanical Turk', 'Use a vendor', 'Use staff', 'Use interns'], 0, { exams: { 'mla-c01': { task: '1.1', bullets: ['1.1.k1'], module: 1, angoff: 0.6 } } });
    expect(lifecycleRule(lintQuestions(bank([other])), [exam])).toEqual([]);
  });
});
