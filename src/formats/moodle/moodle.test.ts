import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbEntries } from '../testing/arbitrary-entries.ts';
import { expectRoundTrip } from '../testing/round-trip.ts';
import { parseMoodle } from './parse-moodle.ts';
import { projectMoodle, writeMoodle } from './write-moodle.ts';

describe('Moodle XML', () => {
  it('round-trips generated items of every type, case studies included', () => {
    fc.assert(fc.property(arbEntries(), (entries) => expectRoundTrip(entries, writeMoodle, (o) => parseMoodle(o), projectMoodle)), { numRuns: 150, seed: 42 });
  });

  it('lists what it cannot carry, item by item', () => {
    const [e] = fc.sample(arbEntries({ types: ['matching'], maxLength: 1 }), { numRuns: 1, seed: 3 })[0]!;
    const withWhy = { ...e!, id: 'm1', prompts: (e as { prompts: object[] }).prompts.map((p, i) => ({ ...p, id: `x${i}`, why: 'because' })) } as never;
    const { problems } = writeMoodle([withWhy]);
    expect(problems).toEqual([expect.objectContaining({ code: 'lossy', itemId: 'm1', message: expect.stringContaining('prompts.*.why') })]);
  });

  it('reads a foreign Moodle export: HTML text, categories, partial credit, skipped types', () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<quiz>
  <question type="category"><category><text>$course$/top/Week 1</text></category></question>
  <question type="multichoice">
    <name><text>Storage Q1</text></name>
    <questiontext format="html"><text><![CDATA[<p>Which service&nbsp;stores <b>objects</b>?</p><p><img src="@@PLUGINFILE@@/a.png"/></p>]]></text></questiontext>
    <generalfeedback format="html"><text><![CDATA[<p>S3 is object storage.</p>]]></text></generalfeedback>
    <single>true</single>
    <answer fraction="100" format="html"><text>Amazon S3</text><feedback format="html"><text>Right.</text></feedback></answer>
    <answer fraction="50" format="html"><text>Amazon EFS</text></answer>
    <answer fraction="0" format="html"><text>Amazon EBS</text></answer>
    <answer fraction="0" format="html"><text>AWS Glue</text></answer>
  </question>
  <question type="truefalse"><name><text>tf</text></name><questiontext><text>S3 is object storage.</text></questiontext>
    <answer fraction="100"><text>true</text><feedback><text>It stores objects.</text></feedback></answer>
    <answer fraction="0"><text>false</text></answer></question>
  <question type="shortanswer"><name><text>short</text></name><questiontext><text>Name it.</text></questiontext><answer fraction="100"><text>S3</text></answer></question>
</quiz>`;
    const r = parseMoodle(xml);
    expect(r.seen).toEqual(['storage-q1', 'tf', 'short']);
    expect(r.entries).toHaveLength(2);
    expect(r.entries[0]).toMatchObject({ id: 'storage-q1', type: 'single', stem: 'Which service stores objects?', explanation: 'S3 is object storage.' });
    expect(r.problems).toContainEqual(expect.objectContaining({ code: 'lossy', itemId: 'storage-q1', message: expect.stringMatching(/images.*partial credit/), line: 4 }));
    // True/false: a two-option multiple choice for practice; a short answer is skipped with its reason.
    expect(r.entries[1]).toMatchObject({ id: 'tf', type: 'single', options: [{ text: 'True', correct: true, why: 'It stores objects.' }, { text: 'False', correct: false }] });
    expect(r.problems).toContainEqual(expect.objectContaining({ code: 'skipped', itemId: 'short', message: 'Moodle question type "shortanswer" has no certprep equivalent' }));
  });

  it('reports malformed XML with line and column, and a wrong root', () => {
    const r = parseMoodle('<quiz>\n<question type="multichoice">\n<name><text>a</name>\n</quiz>');
    expect(r.problems).toEqual([expect.objectContaining({ severity: 'error', code: 'syntax', line: 3, column: 14, message: 'closing tag </name> does not match <text>' })]);
    expect(parseMoodle('<html/>').problems[0]).toMatchObject({ severity: 'error', message: expect.stringContaining('<quiz> root') });
    expect(parseMoodle('<!DOCTYPE quiz [<!ENTITY a "aaaa">]><quiz/>').problems[0]).toMatchObject({ severity: 'error', line: 1, column: 1 });
    expect(parseMoodle(`<quiz>${'<a>'.repeat(100_000)}`).problems[0]).toMatchObject({ severity: 'error', message: 'elements nested deeper than 256 levels' });
  });

  it('rejects an item that breaks the bank rules, at its line, and keeps the others', () => {
    const good = writeMoodle(fc.sample(arbEntries({ types: ['single'], maxLength: 1 }), { numRuns: 1, seed: 5 })[0]!).output;
    const bad = good.replace('<answer fraction="0"', '<answer fraction="100"');
    const r = parseMoodle(bad);
    expect(r.entries).toEqual([]);
    expect(r.problems).toContainEqual(expect.objectContaining({ severity: 'error', code: 'key-count', line: 4 }));
  });
});
