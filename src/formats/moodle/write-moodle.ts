import type { BankEntry, Question } from '../../core/items/item-schema.ts';
import type { WriteResult } from '../common/format-problem.ts';
import { canonicalIds, mapQuestions, metaOf } from '../common/item-parts.ts';
import { lossReport } from '../common/lost-fields.ts';
import { escapeXmlText as esc, xmlSafe } from '../common/xml-tree.ts';
import { isCertprepTag, metaToTags } from './moodle-tags.ts';

export const MOODLE_ROOT = '$course$/top/certprep';
export const CASE_FOLDER = 'Case studies';

/**
 * What Moodle XML keeps of an entry: choices are numbered (Moodle answers have no ids), matching
 * responses come back in pair order, matching whys have no place, tags named `certprep:...` are
 * read as metadata, and characters XML cannot hold are dropped.
 */
export function projectMoodle(entries: BankEntry[]): BankEntry[] {
  return entries.map((e) => {
    const clean = (q: Question): Question => {
      let c = canonicalIds(q, true);
      if (c.type === 'matching') c = { ...c, prompts: c.prompts.map(({ why: _w, ...p }) => p), responses: c.responses.map(({ why: _w, ...r }) => r) };
      if (c.tags) c = { ...c, tags: c.tags.filter((t) => !isCertprepTag(t)) };
      return c;
    };
    return strip(mapQuestions(e, clean)) as BankEntry;
  });
}

function strip(v: unknown): unknown {
  if (typeof v === 'string') return xmlSafe(v);
  if (Array.isArray(v)) return v.map(strip);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, strip(x)]));
  return v;
}

const text = (s: string) => `<text>${esc(s)}</text>`;
const field = (tag: string, s: string | undefined) => (s === undefined ? '' : `<${tag} format="plain_text">${text(s)}</${tag}>`);

function category(path: string): string {
  return `<question type="category"><category>${text(path)}</category></question>`;
}

/**
 * Category of a standalone item, by the first exam it is tagged for:
 * `$course$/top/certprep/mla-c02/Domain 1/Task 1.2`, or `Untagged`. Its tags carry every exam.
 */
export function taskCategory(q: Question): string {
  const [examId, tag] = Object.entries(q.exams ?? {})[0] ?? [];
  return examId && tag?.task ? `${MOODLE_ROOT}/${examId}/Domain ${tag.task[0]}/Task ${tag.task}` : `${MOODLE_ROOT}/Untagged`;
}

function tagsXml(q: { tags?: string[] | undefined }, meta: ReturnType<typeof metaOf> | undefined): string {
  const all = metaToTags(meta ?? {}, q.tags ?? []);
  return all.length ? `<tags>${all.map((t) => `<tag>${text(t)}</tag>`).join('')}</tags>` : '';
}

/** Moodle's fraction for one of k correct answers, as its question editor writes it. */
function fraction(k: number): string {
  return Number.isInteger(100 / k) ? String(100 / k) : (100 / k).toFixed(5);
}

function question(q: Question): string {
  const head = `<name>${text(q.id)}</name>${field('questiontext', q.stem)}${field('generalfeedback', q.explanation)}<defaultgrade>1</defaultgrade><penalty>0</penalty><hidden>0</hidden><idnumber>${esc(q.id)}</idnumber>`;
  const tags = tagsXml(q, metaOf(q));
  const answer = (frac: string, t: string, why?: string) => `<answer fraction="${frac}" format="plain_text">${text(t)}${why ? field('feedback', why) : ''}</answer>`;
  if (q.type === 'single' || q.type === 'multiple') {
    const k = q.options.filter((o) => o.correct).length;
    // Wrong answers of a multiple-response item take -100 so that ticking everything scores nothing.
    const answers = q.options.map((o) => answer(o.correct ? fraction(q.type === 'single' ? 1 : k) : q.type === 'single' ? '0' : '-100', o.text, o.why)).join('');
    return `<question type="multichoice">${head}<single>${q.type === 'single'}</single><shuffleanswers>true</shuffleanswers><answernumbering>abc</answernumbering>${answers}${tags}</question>`;
  }
  if (q.type === 'ordering') {
    return `<question type="ordering">${head}<layouttype>VERTICAL</layouttype><selecttype>ALL</selecttype><selectcount>0</selectcount><gradingtype>ALL_OR_NOTHING</gradingtype>${q.steps.map((s) => answer('1', s.text, s.why)).join('')}${tags}</question>`;
  }
  const byId = new Map(q.responses.map((r) => [r.id, r]));
  const used = new Set(q.prompts.map((p) => p.match));
  const subs = [
    ...q.prompts.map((p) => `<subquestion format="plain_text">${text(p.text)}<answer>${text(byId.get(p.match)?.text ?? '')}</answer></subquestion>`),
    // A subquestion with no text is how Moodle stores an extra (distractor) response.
    ...q.responses.filter((r) => !used.has(r.id)).map((r) => `<subquestion format="plain_text"><text></text><answer>${text(r.text)}</answer></subquestion>`),
  ];
  return `<question type="matching">${head}<shuffleanswers>true</shuffleanswers>${subs.join('')}${tags}</question>`;
}

/**
 * A Moodle XML quiz file: categories per domain and task, one question per item, and each case
 * study in its own category as a `description` question (the scenario) followed by its questions.
 */
export function writeMoodle(entries: BankEntry[]): WriteResult<string> {
  const carried = projectMoodle(entries);
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>', '<quiz>'];
  let current = '';
  for (const e of carried) {
    const cat = e.type === 'case' ? `${MOODLE_ROOT}/${CASE_FOLDER}/${e.id}` : taskCategory(e);
    if (cat !== current || e.type === 'case') out.push(category(cat));
    current = cat;
    if (e.type === 'case') {
      out.push(`<question type="description"><name>${text(e.title)}</name>${field('questiontext', e.scenario)}<idnumber>${esc(e.id)}</idnumber></question>`);
      for (const q of e.questions) out.push(question(q));
      current = '';
    } else out.push(question(e));
  }
  out.push('</quiz>', '');
  return { output: out.join('\n'), problems: lossReport('Moodle XML', entries, carried) };
}

