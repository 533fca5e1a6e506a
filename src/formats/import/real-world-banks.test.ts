import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { questionPool } from '../../core/exam/assemble-form.ts';
import { isExamShaped, type BankEntry } from '../../core/items/item-schema.ts';
import { loadExam } from '../../../test/helpers/load-exam.ts';
import { writeZip } from '../common/zip.ts';
import { planImport } from './plan-import.ts';

const DIR = 'test/fixtures/interchange/real-world';
const plan = (file: string, format: 'gift' | 'moodle') => planImport(readFileSync(`${DIR}/${file}`), undefined, { format, collection: 'provider', skipInvalid: true, file });
const statuses = (p: Awaited<ReturnType<typeof plan>>) => p.report.items.map((i) => [i.id, i.status]);

describe('banks from elsewhere (real-world shapes)', () => {
  it('GIFT: repeated titles become distinct questions, each with its own report line and position', async () => {
    const p = await plan('duplicate-titles.gift', 'gift');
    expect(statuses(p)).toEqual([
      ['warm-up', 'imported'],
      ['warm-up-2', 'imported'],
      ['quick-fact', 'imported'],
      ['capital', 'skipped'],
      ['pick-all', 'imported'],
    ]);
    const renamed = p.report.items[1]!.problems.find((x) => x.code === 'renamed')!;
    expect(renamed).toEqual({ code: 'renamed', message: 'the name "warm-up" is used by an earlier question: imported as "warm-up-2"', line: 12, column: 1 });
    expect(p.entries.map((e) => e.id)).toEqual(['warm-up', 'warm-up-2', 'quick-fact', 'pick-all']);
  });

  it('GIFT: true/false becomes two options with their feedback; a weighted short answer is skipped, never read as a multiple response', async () => {
    const p = await plan('duplicate-titles.gift', 'gift');
    const tf = p.entries.find((e) => e.id === 'quick-fact')!;
    expect(tf).toMatchObject({ type: 'single', options: [{ text: 'True', correct: true, why: 'Yes: real-time endpoints serve HTTPS requests.' }, { text: 'False', correct: false, why: 'Real-time endpoints are HTTPS.' }] });
    expect(p.report.items[3]!.problems).toEqual([{ code: 'skipped', message: 'GIFT short-answer questions have no certprep equivalent', line: 22, column: 1 }]);
    // Three options, two keys: a multiple response for practice.
    expect(p.entries.find((e) => e.id === 'pick-all')).toMatchObject({ type: 'multiple', select: 2 });
  });

  it('Moodle: repeated names become distinct questions; <single>1</single> and <single>0</single> are read as written', async () => {
    const p = await plan('duplicate-names.xml', 'moodle');
    expect(statuses(p)).toEqual([
      ['question-1', 'imported'],
      ['question-1-2', 'imported'],
      ['question-1-3', 'imported'],
      ['question-2', 'imported'],
    ]);
    expect(p.report.items[2]!.problems.find((x) => x.code === 'renamed')).toEqual({ code: 'renamed', message: 'the name "question-1" is used by an earlier question: imported as "question-1-3"', line: 20, column: 3, path: '/quiz/question[3]' });
    const [first, second, third, fourth] = p.entries as BankEntry[];
    expect(first).toMatchObject({ type: 'single' });
    expect(second).toMatchObject({ type: 'multiple', select: 2 });
    expect(third).toMatchObject({ type: 'single', options: [{ text: 'True', correct: true }, { text: 'False', correct: false }] });
    // Multiple response with one key among three: kept, as the author wrote it.
    expect(fourth).toMatchObject({ type: 'multiple', select: 1 });
  });

  it('only the exam’s shapes may enter a mock, even once an author has tagged them', async () => {
    const c02 = loadExam('mla-c02');
    const tag = { 'mla-c02': { task: '1.1', bullets: ['1.1.s1'], module: 1, angoff: 0.6 } };
    const [gift, moodle] = [await plan('duplicate-titles.gift', 'gift'), await plan('duplicate-names.xml', 'moodle')];
    const tagged = [...gift.entries, ...moodle.entries].map((e) => ({ ...e, exams: tag }) as BankEntry);
    const shaped = tagged.filter((e) => e.type !== 'case' && isExamShaped(e)).map((e) => e.id);
    // Of the eight, one is a 4-option multiple choice; the others have 2, 3 or 5 options, or one key in a multiple response.
    expect(shaped).toEqual(['question-1']);
    expect(questionPool(tagged, c02, { forMock: true }).map((p) => p.question.id)).toEqual(shaped);
    expect(questionPool(tagged, c02).map((p) => p.question.id)).toHaveLength(8);
  });
});

describe('files from elsewhere: encodings, empty and hostile content', () => {
  const planFile = (file: string, format: 'gift' | 'moodle' | 'aiken' | 'csv') => planImport(readFileSync(`${DIR}/${file}`), undefined, { format, collection: 'provider', skipInvalid: true, file });

  it('reads UTF-16 with its byte-order mark, and refuses bytes that are not UTF-8 with their place and the likely encoding', async () => {
    const utf16 = await planFile('moodle-utf16.xml', 'moodle');
    expect(utf16.entries[0]).toMatchObject({ stem: 'Quel service stocke des objets ?' });
    const latin1 = await planFile('aiken-latin1.txt', 'aiken');
    expect(latin1.report.items).toEqual([
      { id: 'aiken-latin1.txt', status: 'rejected', problems: [{ code: 'encoding', message: 'the file is not UTF-8 (byte 0xE9): probably Windows-1252 or ISO-8859-1; save it as UTF-8', line: 1, column: 36 }] },
    ]);
    expect((await planFile('aiken-utf8.txt', 'aiken')).report.imported).toBe(1);
  });

  it('refuses an empty or binary file with a reason instead of "0 imported"', async () => {
    expect((await planFile('empty.gift', 'gift')).report).toMatchObject({ imported: 0, rejected: 1, items: [{ id: 'empty.gift', status: 'rejected', problems: [{ code: 'empty', message: 'the file is empty' }] }] });
    const binary = await planFile('binary.gift', 'gift');
    expect(binary.report.items[0]!.problems[0]!.code).toBe('encoding');
    expect(binary.report.items[0]!.problems[0]!.message).toContain('the file is not text');
  });

  it('shows a file-level warning even when every question imports, and drops references that are not https://', async () => {
    const csv = await planFile('unknown-column.csv', 'csv');
    expect(csv.report.warnings).toEqual([{ code: 'csv', message: 'unknown column "colour" ignored', line: 1, column: 10 }]);
    expect(csv.entries[0]!.type !== 'case' && csv.entries[0]!.references).toEqual(['https://docs.aws.amazon.com/AmazonS3/latest/userguide/Welcome.html']);
    expect(csv.report.items[0]!.problems).toContainEqual({ code: 'lossy', message: 'dropped references that are not https:// addresses: javascript:alert(1)', line: 2, column: 9 });
  });

  it('drops entity-encoded markup from HTML text instead of turning it into live-looking tags', async () => {
    const moodle = await planFile('encoded-markup.xml', 'moodle');
    const q = moodle.entries[0]!;
    if (q.type !== 'single') throw new Error(q.type);
    expect(q.stem).toBe('Which service stores objects? Pick one if a < b.');
    expect(q.options[3]!.text).toBe('Amazon FSx');
    expect(moodle.report.items[0]!.problems.find((p) => p.code === 'lossy')!.message).toMatch(/images.*scripts and styles|scripts and styles.*images/);
  });
});

describe('QTI packages that point outside themselves', () => {
  it('refuses an item named "../" and reports a member outside the package', async () => {
    const item = (id: string) =>
      new TextEncoder().encode(
        `<?xml version="1.0" encoding="UTF-8"?><qti-assessment-item xmlns="http://www.imsglobal.org/xsd/imsqtiasi_v3p0" identifier="${id}" title="${id}"><qti-response-declaration identifier="RESPONSE" cardinality="single" base-type="identifier"><qti-correct-response><qti-value>A</qti-value></qti-correct-response></qti-response-declaration><qti-item-body><qti-choice-interaction response-identifier="RESPONSE" max-choices="1"><qti-prompt>Which?</qti-prompt><qti-simple-choice identifier="A">One</qti-simple-choice><qti-simple-choice identifier="B">Two</qti-simple-choice><qti-simple-choice identifier="C">Three</qti-simple-choice><qti-simple-choice identifier="D">Four</qti-simple-choice></qti-choice-interaction></qti-item-body></qti-assessment-item>`,
      );
    const manifest = new TextEncoder().encode(
      `<?xml version="1.0" encoding="UTF-8"?><manifest xmlns="http://www.imsglobal.org/xsd/qti/qtiv3p0/imscp_v1p1" identifier="m"><resources><resource identifier="r1" type="imsqti_item_xmlv3p0" href="items/good.xml"/><resource identifier="r2" type="imsqti_item_xmlv3p0" href="../evil.xml"/></resources></manifest>`,
    );
    const zip = writeZip([
      ['imsmanifest.xml', manifest],
      ['items/good.xml', item('good')],
      ['../evil.xml', item('evil')],
    ]);
    const p = await planImport(zip, undefined, { format: 'qti', collection: 'provider', skipInvalid: true, file: 'package.zip' });
    expect(p.entries.map((e) => e.id)).toEqual(['good']);
    expect(p.report.warnings).toContainEqual({ code: 'unsafe-path', message: 'package member "../evil.xml" points outside the package: ignored', path: '../evil.xml' });
    const evil = p.report.items.find((i) => i.problems.some((x) => x.code === 'unsafe-path'))!;
    expect(evil.status).toBe('rejected');
    expect(evil.problems).toContainEqual({ code: 'unsafe-path', message: '"../evil.xml" points outside the package: refused', path: '../evil.xml' });
  });
});

describe('Aiken from other editors', () => {
  it('reads "A)Text" options, and a stray line among options breaks only its question, never gluing into the next', async () => {
    const p = await planImport(readFileSync(`${DIR}/aiken-stray-lines.txt`), undefined, { format: 'aiken', collection: 'provider', skipInvalid: true, file: 'aiken-stray-lines.txt' });
    expect(p.report.items.map((i) => i.status)).toEqual(['imported', 'rejected', 'imported']);
    expect(p.entries.map((e) => e.type !== 'case' && e.stem)).toEqual(['Which service stores objects?', 'Which service streams records?']);
    expect(p.entries[0]).toMatchObject({ options: [{ text: 'Amazon S3', correct: true }, { text: 'Amazon EBS' }, { text: 'Amazon EFS' }, { text: 'Amazon FSx' }] });
    expect(p.report.items[1]!.problems).toContainEqual({ code: 'syntax', message: '"Note: C was removed by the editor" is not an option ("A. text"), yet comes among this question\'s options', line: 11, column: 1 });
  });
});

describe('GIFT with answer formats, links, images and formulas', () => {
  it('reads format markers and HTML in answers and feedback as text, and reports links, images and formulas it cannot keep', async () => {
    const p = await planImport(readFileSync(`${DIR}/formats-and-math.gift`), undefined, { format: 'gift', collection: 'provider', skipInvalid: true, file: 'formats-and-math.gift' });
    const [html, markdown, math] = p.entries;
    if (html?.type !== 'single' || markdown?.type !== 'single' || math?.type !== 'single') throw new Error('types');
    expect(html.stem).toBe('Which service stores objects?');
    expect(html.options.map((o) => o.text)).toEqual(['Amazon S3', 'Amazon EBS', 'Amazon EFS', 'Amazon FSx']);
    expect(html.options[0]!.why).toBe('Object storage, see the guide.');
    expect(markdown.stem).toBe('Which chart shows the loss curve?');
    expect(markdown.options[0]!.text).toBe('The training loss curve');
    expect(math.stem).toBe('What is x squared when x is 3, and what is [formula]?');
    const lossy = (id: string) => p.report.items.find((i) => i.id === id)!.problems.find((x) => x.code === 'lossy')!.message;
    expect(lossy('html-answers')).toBe('dropped: links');
    expect(lossy('markdown-answers')).toBe('dropped: images, links');
    expect(lossy('math')).toBe('dropped: formulas (MathML without alttext)');
  });
});

describe('QTI items with feedback and rubrics', () => {
  it('maps inline, block and modal feedback to each choice’s why and the explanation; keeps rubric blocks out of the stem, reported', async () => {
    const p = await planImport(readFileSync(`${DIR}/qti-feedback.xml`), undefined, { format: 'qti', collection: 'provider', skipInvalid: true, file: 'qti-feedback.xml' });
    const q = p.entries[0]!;
    if (q.type !== 'single') throw new Error(q.type);
    expect(q.stem).toBe('A team keeps training data as files of several GB.\n\nWhich service stores them most cheaply?');
    expect(q.options.map((o) => [o.text, o.why])).toEqual([
      ['Amazon S3', 'Object storage at the lowest price per GB.'],
      ['Amazon EBS', 'EBS is block storage attached to one instance.'],
      ['Amazon RDS', 'RDS is a relational database.'],
      ['Amazon ElastiCache', 'ElastiCache is an in-memory cache.'],
    ]);
    expect(q.explanation).toBe('S3 is the object store for training data.');
    expect(p.report.items[0]!.problems.find((x) => x.code === 'lossy')!.message).toBe('dropped: rubric blocks');
  });
});
