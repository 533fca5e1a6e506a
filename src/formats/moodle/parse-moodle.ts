import type { PathSegment } from '../../core/items/check-bank.ts';
import { finishParse, type Candidate } from '../common/finish-parse.ts';
import type { FormatProblem, ParseOptions, ParseResult } from '../common/format-problem.ts';
import { htmlToText } from '../common/html-text.ts';
import { letterId } from '../common/item-parts.ts';
import { DEFAULT_LIMITS, type ImportLimits } from '../common/limits.ts';
import { itemIdFrom } from '../common/stable-id.ts';
import { elements, firstElement, lineLocator, parseXml, textContent, XmlError, type XmlElement } from '../common/xml-tree.ts';
import { tagsToMeta } from './moodle-tags.ts';
import { CASE_FOLDER } from './write-moodle.ts';

export interface MoodleParseOptions extends ParseOptions {
  limits?: ImportLimits;
}

const SUPPORTED = new Set(['multichoice', 'truefalse', 'matching', 'ordering']);

class TooMany extends Error {}

/**
 * Reads a Moodle XML quiz file: multichoice (single and multiple, keys from positive fractions),
 * matching (empty subquestions are distractor responses), ordering (qtype_ordering, answers in the
 * correct order), per-answer and general feedback, tags (certprep metadata, see moodle-tags.ts) and
 * case studies: a `description` question in a `Case studies/` category followed by its questions.
 * Other question types are skipped with a report; HTML is reduced to text (media reported lossy).
 */
export function parseMoodle(input: string, options: MoodleParseOptions = {}): ParseResult {
  const limits = options.limits ?? DEFAULT_LIMITS;
  if (input.length > limits.maxFileBytes) return { entries: [], seen: [], problems: [{ severity: 'error', code: 'limit', message: `file is larger than the limit of ${limits.maxFileBytes} bytes (--max-file-mb)` }] };
  const candidates: Candidate[] = [];
  let categoryPath = '';
  let openCase: { value: Record<string, unknown>; category: string; offsets: number[]; candidate: Candidate } | undefined;
  const textOf = (el: XmlElement | undefined, lost: Set<string>): string | undefined => {
    if (!el) return undefined;
    const t = firstElement(el, 'text');
    const raw = t ? textContent(t) : '';
    const format = el.attrs.format ?? 'html';
    return format === 'html' || format === 'moodle_auto_format' ? htmlToText(raw, lost) : raw;
  };

  let index = -1;
  const handle = (qel: XmlElement): void => {
    if (qel.name !== 'question') return;
    index++;
    const type = qel.attrs.type ?? '';
    const n = index + 1;
    const path = `/quiz/question[${n}]`;
    const pos = where(qel.offset);
    if (type === 'category') {
      categoryPath = textContent(firstElement(firstElement(qel, 'category') ?? qel, 'text') ?? qel).trim();
      return;
    }
    const lost = new Set<string>();
    // Names are plain text in Moodle; the idnumber, when present, is the stabler id.
    const idnumber = firstElement(qel, 'idnumber');
    const nameEl = firstElement(qel, 'name');
    const name = nameEl ? textContent(firstElement(nameEl, 'text') ?? nameEl).trim() : '';
    const rawId = (idnumber ? textContent(idnumber).trim() : '') || name;
    const id = itemIdFrom(rawId) ?? `moodle-${n}`;
    const locate = (p: PathSegment[]) => ({ ...pos, path: p.length ? `${path}#${p.join('.')}` : path });
    const problems: FormatProblem[] = [];
    const tagList = elements(firstElement(qel, 'tags') ?? { name: '', attrs: {}, children: [], offset: 0 }, 'tag').map((t) => textContent(firstElement(t, 'text') ?? t).trim());
    const { meta, tags } = tagsToMeta(tagList);

    if (type === 'description') {
      if (!categoryPath.includes(`/${CASE_FOLDER}/`)) {
        candidates.push({ value: undefined, id, locate, skipped: true, problems: [{ severity: 'warning', code: 'skipped', message: 'a description outside a "Case studies" category is not a question', ...pos, path, itemId: id }] });
        return;
      }
      const value: Record<string, unknown> = { id, type: 'case', title: name || id, scenario: textOf(firstElement(qel, 'questiontext'), lost) ?? '', questions: [] };
      // Files written before per-exam tags carry the case study's exams on its description.
      if (meta.exams) value.exams = meta.exams;
      const offsets: number[] = [];
      const candidate: Candidate = {
        value,
        id,
        locate: (p) => (p[0] === 'questions' && typeof p[1] === 'number' && offsets[p[1]] !== undefined ? { ...where(offsets[p[1]]!), path: `${path}#${p.join('.')}` } : locate(p)),
        problems,
      };
      if (lost.size) problems.push({ severity: 'warning', code: 'lossy', message: `dropped: ${[...lost].join(', ')}`, ...pos, path, itemId: id });
      openCase = { value, category: categoryPath, offsets, candidate };
      candidates.push(candidate);
      return;
    }
    if (!SUPPORTED.has(type)) {
      candidates.push({ value: undefined, id, locate, skipped: true, problems: [{ severity: 'warning', code: 'skipped', message: `Moodle question type "${type}" has no certprep equivalent`, ...pos, path, itemId: id }] });
      return;
    }
    const q: Record<string, unknown> = { id, stem: textOf(firstElement(qel, 'questiontext'), lost) ?? '' };
    const explanation = textOf(firstElement(qel, 'generalfeedback'), lost);
    if (explanation) q.explanation = explanation;
    const answers = elements(qel, 'answer');
    const answerText = (a: XmlElement) => textOf(a, lost) ?? '';
    const why = (a: XmlElement) => textOf(firstElement(a, 'feedback'), lost) || undefined;
    if (type === 'multichoice' || type === 'truefalse') {
      // <single> is "true"/"false" or "1"/"0"; a true/false question is a two-option multiple choice.
      const singleEl = firstElement(qel, 'single');
      const single = type === 'truefalse' || !singleEl || /^(true|1)$/i.test(textContent(singleEl).trim());
      const fractions = answers.map((a) => Number(a.attrs.fraction ?? '0'));
      q.type = single ? 'single' : 'multiple';
      // Single answer: only full marks is the key; a partial-credit answer becomes a distractor (reported lossy).
      const optionText = (a: XmlElement) => (type === 'truefalse' ? answerText(a).replace(/^(true|false)$/i, (w) => w[0]!.toUpperCase() + w.slice(1).toLowerCase()) : answerText(a));
      q.options = answers.map((a, i) => ({ id: letterId(i), text: optionText(a), correct: single ? fractions[i]! >= 100 : fractions[i]! > 0, ...(why(a) ? { why: why(a) } : {}) }));
      if (!single) q.select = fractions.filter((f) => f > 0).length;
      if (single && fractions.some((f) => f > 0 && f < 100)) lost.add('partial credit of answers');
      if (!single && new Set(fractions.filter((f) => f > 0).map((f) => f.toFixed(2))).size > 1) lost.add('unequal answer weights (certprep scores all-or-nothing)');
    } else if (type === 'ordering') {
      q.type = 'ordering';
      q.steps = answers.map((a, i) => ({ id: `s${i + 1}`, text: answerText(a), ...(why(a) ? { why: why(a) } : {}) }));
    } else {
      const subs = elements(qel, 'subquestion');
      const prompts: Record<string, unknown>[] = [];
      const responses: { id: string; text: string }[] = [];
      for (const s of subs) {
        const answer = textContent(firstElement(firstElement(s, 'answer') ?? s, 'text') ?? s);
        const r = { id: `r${responses.length + 1}`, text: answer };
        responses.push(r);
        const prompt = textOf(s, lost) ?? '';
        if (prompt) prompts.push({ id: `p${prompts.length + 1}`, text: prompt, match: r.id });
      }
      // Distractor subquestions come after the pairs in our export; put them last in any file.
      const matched = prompts.map((p) => responses.find((r) => r.id === p.match)!);
      const ordered = [...matched, ...responses.filter((r) => !matched.includes(r))];
      const rename = new Map(ordered.map((r, i) => [r.id, `r${i + 1}`]));
      q.type = 'matching';
      q.prompts = prompts.map((p) => ({ ...p, match: rename.get(p.match as string) }));
      q.responses = ordered.map((r) => ({ ...r, id: rename.get(r.id)! }));
    }
    Object.assign(q, meta);
    if (tags.length) q.tags = tags;
    if (elements(qel, 'file').length > 0 || qel.children.some((c) => typeof c !== 'string' && c.name === 'questiontext' && elements(c, 'file').length > 0)) lost.add('attached files');
    if (lost.size) problems.push({ severity: 'warning', code: 'lossy', message: `dropped: ${[...lost].join(', ')}`, ...pos, path, itemId: id });

    if (openCase && openCase.category === categoryPath) {
      (openCase.value.questions as unknown[]).push(q);
      openCase.offsets.push(qel.offset);
      openCase.candidate.problems!.push(...problems.map((p) => ({ ...p, itemId: openCase!.candidate.id })));
      return;
    }
    openCase = undefined;
    candidates.push({ value: q, id, locate, problems, derivedId: !idnumber });
  };

  // Questions are handled as the reader completes them and then dropped (see parseXml).
  const where = lineLocator(input);
  let root: XmlElement;
  try {
    root = parseXml(input, {
      onRootChild: (el) => {
        if (index + 1 >= limits.maxEntries && el.name === 'question') throw new TooMany();
        handle(el);
      },
    });
  } catch (err) {
    if (err instanceof TooMany) return { entries: [], seen: [], problems: [{ severity: 'error', code: 'limit', message: `file has more than ${limits.maxEntries} questions (--max-entries)` }] };
    if (!(err instanceof XmlError)) throw err;
    return { entries: [], seen: [], problems: [{ severity: 'error', code: 'syntax', message: err.message.replace(/ \(line \d+, column \d+\)$/, ''), line: err.line, column: err.column }] };
  }
  if (root.name !== 'quiz') {
    return { entries: [], seen: [], problems: [{ severity: 'error', code: 'moodle', message: `a Moodle XML file has a <quiz> root element, found <${root.name}>`, ...where(root.offset), path: `/${root.name}` }] };
  }
  return finishParse(candidates, [], options);
}
