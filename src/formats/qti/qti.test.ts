import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { bankEntrySchema } from '../../core/items/item-schema.ts';
import { arbEntries } from '../testing/arbitrary-entries.ts';
import { expectRoundTrip } from '../testing/round-trip.ts';
import { parseQti } from './parse-qti.ts';
import { projectQti, writeQti, writeQtiFiles } from './write-qti.ts';
import { sharedPath } from '../../../test/helpers/shared-path.ts';

const SCHEMA = process.env.QTI_XSD ?? sharedPath('reference', 'qti3-xsd', 'imsqti_asiv3p0p1_v1p0.xsd');

describe('QTI 3.0', () => {
  it('round-trips generated items of every type, case studies included', () => {
    fc.assert(fc.property(arbEntries(), (entries) => expectRoundTrip(entries, writeQti, (o) => parseQti(o), projectQti)), { numRuns: 150, seed: 42 });
  });

  it('writes items and stimuli that validate against the QTI 3.0.1 schema (one xmllint run)', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'qti-'));
    try {
      const all = fc.sample(arbEntries({ maxLength: 8 }), { numRuns: 12, seed: 7 }).flat();
      const seen = new Set<string>();
      const unique = all.filter((e) => {
        const ids = e.type === 'case' ? [e.id, ...e.questions.map((q) => q.id)] : [e.id];
        if (ids.some((id) => seen.has(id))) return false;
        ids.forEach((id) => seen.add(id));
        return true;
      });
      const { output } = writeQtiFiles(unique);
      const files: string[] = [];
      for (const [name, text] of output) {
        if (name === 'imsmanifest.xml') continue;
        const full = path.join(dir, name);
        mkdirSync(path.dirname(full), { recursive: true });
        writeFileSync(full, text);
        files.push(full);
      }
      expect(unique.some((e) => e.type === 'case')).toBe(true);
      expect(new Set(unique.map((e) => e.type)).size).toBe(5);
      const result = execFileSync('xmllint', ['--noout', '--schema', SCHEMA, ...files], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      expect(result).toBe('');
      // The manifest has its own schema (content packaging), hence a second run.
      writeFileSync(path.join(dir, 'imsmanifest.xml'), output.get('imsmanifest.xml')!);
      execFileSync('xmllint', ['--noout', '--schema', path.join(path.dirname(SCHEMA), 'imsqtiv3p0p1_imscpv1p2_v1p0.xsd'), path.join(dir, 'imsmanifest.xml')], { stdio: ['ignore', 'pipe', 'pipe'] });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('reads a foreign item: inline feedback, mapping keys, XHTML stem, dropped image reported lossy', () => {
    const item = `<?xml version="1.0"?>
<qti-assessment-item xmlns="http://www.imsglobal.org/xsd/imsqtiasi_v3p0" identifier="Q-Foreign_1" title="t" time-dependent="false">
  <qti-response-declaration identifier="RESPONSE" cardinality="multiple" base-type="identifier">
    <qti-mapping default-value="0"><qti-map-entry map-key="ChoiceA" mapped-value="1"/><qti-map-entry map-key="ChoiceC" mapped-value="1"/></qti-mapping>
  </qti-response-declaration>
  <qti-item-body>
    <p>Which two
       services store <b>objects</b>? <img src="x.png" alt=""/></p>
    <qti-choice-interaction response-identifier="RESPONSE" max-choices="2">
      <qti-prompt>Select TWO.</qti-prompt>
      ${['A', 'B', 'C', 'D', 'E'].map((l) => `<qti-simple-choice identifier="Choice${l}">Option ${l}<qti-feedback-inline outcome-identifier="FEEDBACK" identifier="Choice${l}" show-hide="show">Because ${l}</qti-feedback-inline></qti-simple-choice>`).join('\n')}
    </qti-choice-interaction>
  </qti-item-body>
</qti-assessment-item>`;
    const r = parseQti(strToU8(item), { file: 'foreign.xml' });
    expect(r.entries).toHaveLength(1);
    const e = r.entries[0]!;
    expect(e).toMatchObject({ id: 'q-foreign_1', type: 'multiple', select: 2, stem: 'Which two services store objects?\n\nSelect TWO.' });
    if (e.type !== 'multiple') throw new Error('type');
    expect(e.options.map((o) => [o.id, o.text, o.correct, o.why])).toEqual([
      ['choicea', 'Option A', true, 'Because A'],
      ['choiceb', 'Option B', false, 'Because B'],
      ['choicec', 'Option C', true, 'Because C'],
      ['choiced', 'Option D', false, 'Because D'],
      ['choicee', 'Option E', false, 'Because E'],
    ]);
    expect(r.problems).toContainEqual(expect.objectContaining({ code: 'lossy', itemId: 'q-foreign_1', message: expect.stringContaining('images') }));
  });

  it('reads foreign order and match items written the usual way (pretty-printed, prompts, uppercase identifiers)', () => {
    const head = (id: string, decl: string) => `<?xml version="1.0" encoding="UTF-8"?>
<qti-assessment-item xmlns="http://www.imsglobal.org/xsd/imsqtiasi_v3p0" identifier="${id}" title="${id}" adaptive="false" time-dependent="false">
  ${decl}
  <qti-outcome-declaration identifier="SCORE" cardinality="single" base-type="float"/>`;
    const order = `${head('ORDER-1', '<qti-response-declaration identifier="RESPONSE" cardinality="ordered" base-type="identifier"><qti-correct-response><qti-value>C</qti-value><qti-value>A</qti-value><qti-value>B</qti-value></qti-correct-response></qti-response-declaration>')}
  <qti-item-body>
    <qti-order-interaction response-identifier="RESPONSE" shuffle="true">
      <qti-prompt>Put the pipeline stages in order.</qti-prompt>
      <qti-simple-choice identifier="A">Train</qti-simple-choice>
      <qti-simple-choice identifier="B">
        Deploy
      </qti-simple-choice>
      <qti-simple-choice identifier="C">Ingest</qti-simple-choice>
    </qti-order-interaction>
  </qti-item-body>
</qti-assessment-item>`;
    const match = `${head('Match_1', '<qti-response-declaration identifier="RESPONSE" cardinality="multiple" base-type="directedPair"><qti-correct-response><qti-value>S3 OBJ</qti-value><qti-value>EBS BLOCK</qti-value><qti-value>EFS FILE</qti-value></qti-correct-response></qti-response-declaration>')}
  <qti-item-body>
    <p>Match each service with its storage kind.</p>
    <qti-match-interaction response-identifier="RESPONSE" shuffle="false" max-associations="3">
      <qti-simple-match-set>
        <qti-simple-associable-choice identifier="S3" match-max="1">Amazon S3</qti-simple-associable-choice>
        <qti-simple-associable-choice identifier="EBS" match-max="1">Amazon EBS</qti-simple-associable-choice>
        <qti-simple-associable-choice identifier="EFS" match-max="1">Amazon EFS</qti-simple-associable-choice>
      </qti-simple-match-set>
      <qti-simple-match-set>
        <qti-simple-associable-choice identifier="BLOCK" match-max="1">Block</qti-simple-associable-choice>
        <qti-simple-associable-choice identifier="FILE" match-max="1">File</qti-simple-associable-choice>
        <qti-simple-associable-choice identifier="OBJ" match-max="1">Object</qti-simple-associable-choice>
      </qti-simple-match-set>
    </qti-match-interaction>
  </qti-item-body>
</qti-assessment-item>`;
    const manifest = '<manifest><resources><resource identifier="r1" type="imsqti_item_xmlv3p0" href="o.xml"/><resource identifier="r2" type="imsqti_item_xmlv3p0" href="m.xml"/></resources></manifest>';
    const r = parseQti(zipSync({ 'imsmanifest.xml': strToU8(manifest), 'o.xml': strToU8(order), 'm.xml': strToU8(match) }));
    expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(r.entries[0]).toMatchObject({ id: 'order-1', type: 'ordering', stem: 'Put the pipeline stages in order.', steps: [{ id: 'c', text: 'Ingest' }, { id: 'a', text: 'Train' }, { id: 'b', text: 'Deploy' }] });
    expect(r.entries[1]).toMatchObject({
      id: 'match_1',
      type: 'matching',
      stem: 'Match each service with its storage kind.',
      prompts: [{ id: 's3', text: 'Amazon S3', match: 'obj' }, { id: 'ebs', match: 'block' }, { id: 'efs', match: 'file' }],
      responses: [{ id: 'block', text: 'Block' }, { id: 'file' }, { id: 'obj' }],
    });
  });

  it('refuses a zip member that inflates beyond the size it declares', () => {
    const zip = Buffer.from(zipSync({ 'imsmanifest.xml': strToU8('<manifest><resources/></manifest>'.padEnd(4000, ' ')) }, { level: 9 }));
    // Patch the declared size in the central directory (offset 24 of its entry) down to 100 bytes.
    const central = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    zip.writeUInt32LE(100, central + 24);
    const r = parseQti(new Uint8Array(zip));
    expect(r.problems).toEqual([expect.objectContaining({ severity: 'error', code: 'limit', message: '"imsmanifest.xml" unpacks to more than the 100 bytes it declares; refused' })]);
  });

  it('skips unsupported interactions with a report, and rejects an item whose key names no choice', () => {
    const text = `<qti-assessment-item identifier="essay" title="e" time-dependent="false"><qti-item-body><p>Write.</p><qti-extended-text-interaction response-identifier="R"/></qti-item-body></qti-assessment-item>`;
    const skipped = parseQti(strToU8(text));
    expect(skipped.entries).toEqual([]);
    expect(skipped.problems).toEqual([expect.objectContaining({ code: 'skipped', itemId: 'essay', path: expect.stringContaining('qti-item-body') })]);

    const [entry] = [bankEntrySchema.parse({ id: 'k', type: 'single', stem: 'S', options: ['a', 'b', 'c', 'd'].map((id, i) => ({ id, text: id, correct: i === 0 })) })];
    const files = writeQtiFiles([entry!]).output;
    const broken = files.get('items/k.xml')!.replace('<qti-value>a</qti-value>', '<qti-value>zz</qti-value>');
    const r = parseQti(zipSync({ 'imsmanifest.xml': strToU8(files.get('imsmanifest.xml')!), 'items/k.xml': strToU8(broken) }));
    expect(r.entries).toEqual([]);
    expect(r.problems).toContainEqual(expect.objectContaining({ severity: 'error', itemId: 'k', message: 'correct response "zz" is not a choice' }));
  });

  it('reports malformed XML with file, line and column, and a package without manifest', () => {
    const r = parseQti(zipSync({ 'imsmanifest.xml': strToU8('<manifest><resources><resource type="imsqti_item_xmlv3p0" href="items/a.xml"/></resources></manifest>'), 'items/a.xml': strToU8('<qti-assessment-item>\n  <qti-item-body>\n</qti-assessment-item>') }));
    expect(r.problems).toContainEqual(expect.objectContaining({ severity: 'error', code: 'syntax', path: 'items/a.xml', line: 3, column: 1, itemId: 'a' }));
    const none = parseQti(zipSync({ 'items/a.xml': strToU8('<x/>') }));
    expect(none.problems).toEqual([expect.objectContaining({ severity: 'error', message: 'a QTI content package needs imsmanifest.xml at its root' })]);
  });

  it('refuses a zip bomb by its declared unpacked size, before inflating it', () => {
    const zeros = new Uint8Array(3 * 1024 * 1024);
    const bomb = zipSync({ 'imsmanifest.xml': strToU8('<manifest/>'), 'big.xml': zeros }, { level: 9 });
    expect(bomb.length).toBeLessThan(20_000);
    const r = parseQti(bomb, { limits: { maxFileBytes: 1024 * 1024, maxUnpackedBytes: 1024 * 1024, maxEntries: 100 } });
    expect(r.entries).toEqual([]);
    expect(r.problems).toEqual([expect.objectContaining({ code: 'limit', message: expect.stringContaining('unpacks to more than 1.0 MB') })]);
    const many = zipSync(Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`f${i}.xml`, strToU8('<a/>')])));
    expect(parseQti(many, { limits: { maxFileBytes: 1e6, maxUnpackedBytes: 1e6, maxEntries: 10 } }).problems[0]).toMatchObject({ code: 'limit', message: expect.stringContaining('more than 10 files') });
    expect(parseQti(bomb, { limits: { maxFileBytes: 100, maxUnpackedBytes: 1e9, maxEntries: 100 } }).problems[0]).toMatchObject({ code: 'limit', message: expect.stringContaining('--max-file-mb') });
  });
});
