import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cardId } from '../core/lessons/lesson-schema.ts';
import { loadContent } from './load-content.ts';
import { loadLessons } from './load-lessons.ts';

const { exams } = await loadContent('content');
const c02Skills = exams.find((e) => e.exam.id === 'mla-c02')!.modules.get(1)!.skills!;

const cards = Array.from({ length: 10 }, (_, i) => `  - front: "Which limit number ${i} applies?"\n    back: "Limit ${i}."\n    source: https://docs.aws.amazon.com/streams/latest/dev/service-sizes-and-limits.html`).join('\n');
const filler = (n: number) => Array.from({ length: n }, (_, i) => `Sentence ${i} explains how streaming ingestion scales with shards and partitions.`).join(' ');
function lesson(opts: { id?: string; exams?: string; body?: string; front?: string } = {}): string {
  const exams = opts.exams ?? `  mla-c02: {module: 1, bullets: [${c02Skills.join(', ')}]}`;
  const body =
    opts.body ??
    [
      '## What it is for',
      filler(40),
      '## How it works',
      filler(30),
      '## Choose a stream when you need replay',
      '| Need | Choose |',
      '| --- | --- |',
      '| Replay | Kinesis Data Streams |',
      '## Numbers worth knowing',
      'See [the quotas](https://docs.aws.amazon.com/streams/latest/dev/service-sizes-and-limits.html).',
      '## Common traps',
      filler(10),
      '## What changed recently',
      'Nothing this year.',
    ].join('\n\n');
  return `---\nid: ${opts.id ?? 'data-ingestion'}\ntitle: Data ingestion for ML\ntitleFr: Ingestion de données pour le ML\nexams:\n${exams}\n${opts.front ?? ''}references:\n${Array.from({ length: 4 }, (_, i) => `  - https://docs.aws.amazon.com/page-${i}.html`).join('\n')}\ncards:\n${cards}\n---\n${body}\n`;
}

async function load(files: Record<string, string>) {
  const dir = await mkdtemp(path.join(tmpdir(), 'lessons-'));
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, name), text);
  const result = await loadLessons(dir, exams);
  return { ...result, messages: result.problems.map((p) => `${path.basename(p.file)}:${p.line} ${p.message}`) };
}

describe('loading lessons', () => {
  it('reads a valid lesson with its cards, each with an id that survives reordering', async () => {
    const { lessons, problems } = await load({ 'data-ingestion.md': lesson() });
    expect(problems).toEqual([]);
    expect(lessons).toHaveLength(1);
    expect(lessons[0]!.words).toBeGreaterThanOrEqual(800);
    expect(lessons[0]!.cards[3]!.id).toBe(cardId('data-ingestion', 'Which limit number 3 applies?'));
    expect(lessons[0]!.exams['mla-c02']!.module).toBe(1);
  });

  it('says what is wrong and where: front matter, tags, skills left out, HTML, links, length, duplicates', async () => {
    const body = lesson().split('\n---\n')[1]!;
    const { lessons, messages } = await load({
      'no-front.md': '# Just text\n',
      'bad-bullet.md': lesson({ id: 'bad-bullet', exams: `  mla-c02: {module: 2, bullets: [1.2.s1, 1.3.s7, 9.9.s9]}` }),
      'skills-left.md': lesson({ id: 'skills-left', exams: `  mla-c02: {module: 3, bullets: [1.1.s1]}` }),
      'html.md': lesson({ id: 'html', exams: '  mla-c01: {module: 4, bullets: [1.2.k1]}', body: body.replace('Nothing this year.', 'Nothing <b>this</b> year, see [a blog](https://example.com/x).') }),
      'short.md': lesson({ id: 'short', exams: '  mla-c01: {module: 5, bullets: [1.2.k1]}', body: '## What it is for\n\nToo short.' }),
      'twin.md': lesson({ id: 'twin' }),
      'data-ingestion.md': lesson(),
      'wrong-name.md': lesson({ id: 'other-name', exams: '  mla-c01: {module: 6, bullets: [1.3.k1]}' }),
    });
    expect(lessons.map((l) => l.id)).toEqual(['data-ingestion']);
    expect(messages).toContain('no-front.md:1 a lesson starts with YAML front matter between two "---" lines');
    expect(messages).toContain('bad-bullet.md:1 exams.mla-c02: MLA-C02 has no bullet or skill 9.9.s9');
    expect(messages.find((m) => m.startsWith('skills-left.md:1 exams.mla-c02: module 3 teaches'))).toMatch(/which the lesson does not list$/);
    const htmlLine = lesson({ id: 'html' }).split('\n').findIndex((l) => l === 'Nothing this year.') + 1;
    expect(messages).toContain(`html.md:${htmlLine} raw HTML is not allowed in a lesson`);
    expect(messages).toContain(`html.md:${htmlLine} links go to English AWS pages only: https://example.com/x`);
    expect(messages).toContain('short.md:1 the body has 6 words (800–1500)');
    expect(messages).toContain('short.md:1 missing the section "## How it works"');
    expect(messages).toContain('twin.md:2 mla-c02 module 1 already has the lesson "data-ingestion"');
    expect(messages).toContain('wrong-name.md:2 the id "other-name" must match the file name');
  });

  it('points schema errors at their line in the file', async () => {
    const text = lesson().replace('source: https://docs.aws.amazon.com/streams/latest/dev/service-sizes-and-limits.html', 'source: https://docs.aws.amazon.com/fr_fr/streams/latest/dev/x.html');
    const { messages } = await load({ 'data-ingestion.md': text });
    const line = text.split('\n').findIndex((l) => l.includes('fr_fr')) + 1;
    expect(messages).toEqual([`data-ingestion.md:${line} cards.0.source: must be an English AWS page (https://docs.aws.amazon.com/… or https://aws.amazon.com/…)`]);
  });
});
