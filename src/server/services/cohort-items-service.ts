import type { Kysely } from 'kysely';
import type { CohortItems, User } from '../../core/api/contracts.ts';
import { entryQuestions } from '../../core/items/item-schema.ts';
import { itemAnalysis } from '../../core/measure/item-analysis.ts';
import type { BankAnswer } from '../../core/scoring/score-question.ts';
import { cohorts } from '../../db/repositories/cohorts.ts';
import type { Database } from '../../db/schema.ts';
import type { BankService } from './bank-service.ts';
import { taughtCohort } from './cohort-service.ts';

/** A wrong option chosen this often, over at least this many answers, is a misconception the cohort shares. */
export const SHARED_MISTAKE_RATE = 0.4;
export const SHARED_MISTAKE_MIN_ANSWERS = 3;

/**
 * Item analysis over a cohort's answers, for its tutors: each single- or multiple-response question the
 * members met, with its difficulty (share right), its discrimination (corrected point-biserial) and how
 * often each option was chosen; a question where one wrong option drew a large share comes first. Each
 * member counts once per question, by their first answer given before they saw its key.
 */
export class CohortItemsService {
  constructor(private readonly deps: { db: Kysely<Database>; bank: BankService }) {}

  async analysis(tutor: User, cohortId: string): Promise<CohortItems> {
    const { db, bank } = this.deps;
    const cohort = await taughtCohort(db, tutor, cohortId);
    const roster = await cohorts.roster(db, cohortId);
    if (roster.length === 0) return { members: 0, items: [] };
    const questions = new Map(bank.activeEntries().flatMap(entryQuestions).filter((q) => q.exams?.[cohort.exam] && (q.type === 'single' || q.type === 'multiple')).map((q) => [q.id, q]));
    const rows = await db
      .selectFrom('responses')
      .select(['user_id', 'item_id', 'correct', 'answer', 'answered_ms'])
      .where('user_id', 'in', roster.map((m) => m.id))
      .where('after_reveal', '=', 0)
      .orderBy('answered_ms')
      .execute();
    const first = new Map<string, (typeof rows)[number]>();
    for (const r of rows) if (questions.has(r.item_id) && !first.has(`${r.user_id} ${r.item_id}`)) first.set(`${r.user_id} ${r.item_id}`, r);
    const chosen = (answer: string | null): string[] => {
      if (!answer) return [];
      const a = JSON.parse(answer) as BankAnswer;
      return 'choice' in a ? [a.choice] : 'choices' in a ? a.choices : [];
    };
    const optionIds = Object.fromEntries([...questions].map(([id, q]) => [id, q.type === 'single' || q.type === 'multiple' ? q.options.map((o) => o.id) : []]));
    const analysis = itemAnalysis([...first.values()].map((r) => ({ person: r.user_id, item: r.item_id, score: r.correct, chosen: chosen(r.answer) })), { options: optionIds });
    const items = analysis.items.map((s) => {
      const q = questions.get(s.item)!;
      const options = q.type === 'single' || q.type === 'multiple' ? q.options.map((o) => ({ id: o.id, text: o.text, correct: !!o.correct, rate: s.choiceRates[o.id] ?? 0 })) : [];
      const worst = options.filter((o) => !o.correct).sort((a, b) => b.rate - a.rate)[0];
      const shared = worst && s.responses >= SHARED_MISTAKE_MIN_ANSWERS && worst.rate >= SHARED_MISTAKE_RATE ? worst.id : null;
      return { id: s.item, stem: q.stem, responses: s.responses, p: s.p, pointBiserial: s.pointBiserial, options, sharedMistake: shared };
    });
    // Shared mistakes first (the most chosen first), then the hardest.
    const wrongRate = (i: (typeof items)[number]) => (i.sharedMistake ? i.options.find((o) => o.id === i.sharedMistake)!.rate : 0);
    items.sort((a, b) => wrongRate(b) - wrongRate(a) || a.p - b.p || a.id.localeCompare(b.id));
    return { members: roster.length, items };
  }
}
