import type { Answer, ItemReview, PresentedItem } from '../api/contracts.ts';
import type { TaggedQuestion } from '../items/exam-tags.ts';
import type { CaseStudy, Question } from '../items/item-schema.ts';
import type { BankAnswer } from '../scoring/score-question.ts';
import type { FormEntry } from './assemble-form.ts';

/**
 * Presentation ids: the candidate sees choices as o1..on, steps as s1..sn, prompts as p1..pn and
 * responses as r1..rn, numbered in display order. They reveal nothing (an ordering item's bank ids
 * would give its order away) and map back to bank ids through the form entry.
 */
const prefix = { single: 'o', multiple: 'o', ordering: 's', matching: 'p' } as const;
const pid = (p: string, i: number) => `${p}${i + 1}`;

export interface CaseContext {
  caseStudy: CaseStudy;
  index: number;
  count: number;
}

export function presentItem(q: Question, entry: FormEntry, ctx?: CaseContext): PresentedItem {
  const caseStudy = ctx ? { id: ctx.caseStudy.id, title: ctx.caseStudy.title, scenario: ctx.caseStudy.scenario, index: ctx.index, count: ctx.count } : undefined;
  const base = { position: entry.position, type: q.type, stem: q.stem, ...(caseStudy ? { caseStudy } : {}) };
  switch (q.type) {
    case 'single':
    case 'multiple': {
      const byId = new Map(q.options.map((o) => [o.id, o]));
      const options = entry.order.map((id, i) => ({ id: pid('o', i), text: byId.get(id)!.text }));
      return q.type === 'multiple' ? { ...base, select: q.select, options } : { ...base, options };
    }
    case 'ordering': {
      const byId = new Map(q.steps.map((s) => [s.id, s]));
      return { ...base, steps: entry.order.map((id, i) => ({ id: pid('s', i), text: byId.get(id)!.text })) };
    }
    case 'matching': {
      const prompts = new Map(q.prompts.map((p) => [p.id, p]));
      const responses = new Map(q.responses.map((r) => [r.id, r]));
      return {
        ...base,
        prompts: entry.order.map((id, i) => ({ id: pid('p', i), text: prompts.get(id)!.text })),
        responses: (entry.responses ?? []).map((id, i) => ({ id: pid('r', i), text: responses.get(id)!.text })),
      };
    }
  }
}

export class AnswerShapeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AnswerShapeError';
  }
}

/** Maps a candidate's answer from presentation ids to bank ids, refusing any id or shape that does not fit the item. */
export function toBankAnswer(q: Question, entry: FormEntry, answer: Answer): BankAnswer {
  const fromList = (list: string[], p: string, id: string, what: string) => {
    const m = new RegExp(`^${p}(\\d+)$`).exec(id);
    const bank = m ? list[Number(m[1]) - 1] : undefined;
    if (!bank) throw new AnswerShapeError(`"${id}" is not a ${what} of this item`);
    return bank;
  };
  switch (q.type) {
    case 'single':
      if (!('choice' in answer)) throw new AnswerShapeError('a multiple-choice item takes {"choice": "<option id>"}');
      return { choice: fromList(entry.order, 'o', answer.choice, 'option') };
    case 'multiple': {
      if (!('choices' in answer)) throw new AnswerShapeError('a multiple-response item takes {"choices": ["<option id>", ...]}');
      const choices = answer.choices.map((c) => fromList(entry.order, 'o', c, 'option'));
      if (new Set(choices).size !== choices.length) throw new AnswerShapeError('an option is chosen twice');
      // As on the real exam, fewer than asked is allowed (incomplete, scored wrong); more is not an answer.
      if (choices.length > q.select) throw new AnswerShapeError(`this item asks for ${q.select} options; ${choices.length} were chosen`);
      return { choices };
    }
    case 'ordering': {
      if (!('order' in answer)) throw new AnswerShapeError('an ordering item takes {"order": ["<step id>", ...]}');
      const order = answer.order.map((s) => fromList(entry.order, 's', s, 'step'));
      if (new Set(order).size !== order.length || order.length !== q.steps.length) throw new AnswerShapeError(`an order lists each of the ${q.steps.length} steps once`);
      return { order };
    }
    case 'matching': {
      if (!('pairs' in answer)) throw new AnswerShapeError('a matching item takes {"pairs": {"<prompt id>": "<response id>"}}');
      const pairs: Record<string, string> = {};
      for (const [p, r] of Object.entries(answer.pairs)) pairs[fromList(entry.order, 'p', p, 'prompt')] = fromList(entry.responses ?? [], 'r', r, 'response');
      return { pairs };
    }
  }
}

/** Maps a stored bank answer back to presentation ids (for resuming an attempt). */
export function toPresentedAnswer(q: Question, entry: FormEntry, answer: BankAnswer): Answer {
  const toP = (list: string[], p: string, id: string) => pid(p, list.indexOf(id));
  if ('choice' in answer) return { choice: toP(entry.order, 'o', answer.choice) };
  if ('choices' in answer) return { choices: answer.choices.map((c) => toP(entry.order, 'o', c)) };
  if ('order' in answer) return { order: answer.order.map((s) => toP(entry.order, 's', s)) };
  const pairs: Record<string, string> = {};
  for (const [p, r] of Object.entries(answer.pairs)) pairs[toP(entry.order, 'p', p)] = toP(entry.responses ?? [], 'r', r);
  void q;
  return { pairs };
}

/** The full review of one item, key and rationales included: only for revealed items. */
export function reviewItem(
  q: TaggedQuestion,
  entry: FormEntry,
  answer: BankAnswer | null,
  result: { correct: boolean; answered: boolean },
  caseStudy?: CaseStudy,
): ItemReview {
  const base: ItemReview = {
    position: entry.position,
    itemId: q.id,
    type: q.type,
    stem: q.stem,
    domain: entry.domain,
    task: q.task ?? null,
    scored: entry.scored,
    correct: result.correct,
    answered: result.answered,
    explanation: q.explanation ?? null,
    references: q.references ?? [],
    ...(caseStudy ? { caseStudy: { id: caseStudy.id, title: caseStudy.title, scenario: caseStudy.scenario } } : {}),
  };
  switch (q.type) {
    case 'single':
    case 'multiple': {
      const chosen = new Set(answer && 'choice' in answer ? [answer.choice] : answer && 'choices' in answer ? answer.choices : []);
      const byId = new Map(q.options.map((o) => [o.id, o]));
      return {
        ...base,
        options: entry.order.map((id, i) => {
          const o = byId.get(id)!;
          return { id: pid(prefix[q.type], i), text: o.text, correct: o.correct, chosen: chosen.has(id), why: o.why ?? null };
        }),
      };
    }
    case 'ordering': {
      const display = new Map(entry.order.map((id, i) => [id, pid('s', i)]));
      return {
        ...base,
        steps: q.steps.map((s) => ({ id: display.get(s.id)!, text: s.text, why: s.why ?? null })),
        ...(answer && 'order' in answer ? { chosenOrder: answer.order.map((s) => display.get(s)!) } : {}),
      };
    }
    case 'matching': {
      const responses = new Map(q.responses.map((r) => [r.id, r.text]));
      const chosen = answer && 'pairs' in answer ? answer.pairs : {};
      return {
        ...base,
        pairs: entry.order.map((pidBank) => {
          const p = q.prompts.find((x) => x.id === pidBank)!;
          const mine = chosen[p.id];
          return { prompt: p.text, response: responses.get(p.match)!, chosen: mine ? (responses.get(mine) ?? null) : null, correct: mine === p.match, why: p.why ?? null };
        }),
      };
    }
  }
}
