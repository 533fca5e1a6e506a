import { displayOrder, questionPool, type FormEntry } from '../../core/exam/assemble-form.ts';
import type { ExamDefinition } from '../../core/exam/exam-schema.ts';
import type { Question } from '../../core/items/item-schema.ts';
import { eapAbility } from '../../core/measure/ability.ts';
import { nextAdaptiveItem } from '../../core/measure/adaptive-next.ts';
import { scoreQuestion, type BankAnswer } from '../../core/scoring/score-question.ts';
import { seededRandom } from '../../core/util/seeded-random.ts';
import type { BankService } from './bank-service.ts';

/** Randomesque exposure control: the next item is drawn among this many of the most informative. */
export const QUICK_CHECK_TOP_K = 5;
/** No item should be given in more than this share of quick checks (eligibility control, `ExposureControl`). */
export const QUICK_CHECK_MAX_EXPOSURE = 0.2;

/** What the quick check reads from the bank: its items, their parameters, flags and exposure eligibility. */
export type QuickCheckBank = Pick<BankService, 'activeEntries' | 'irt' | 'flaggedItems' | 'quickCheckIneligible'>;

/**
 * The adaptive quick check's next item: the ability so far (EAP over every item given, unanswered
 * counted wrong), then one of the most informative unused items in the domain furthest below its
 * weight (drawn among the top QUICK_CHECK_TOP_K, so no item is shown to most candidates). Items in
 * `exclude` (the user's open mocks) and the ones the calibration flagged (check the key) are never
 * chosen; the ones exposure control leaves out of this check (`BankService.quickCheckIneligible`)
 * only when nothing else is left in the domain. Returns the form entry for `position`, or undefined
 * when the bank has no candidate left.
 */
export function nextQuickEntry(
  bank: QuickCheckBank,
  exam: ExamDefinition,
  given: { entry: FormEntry; question: Question; answer: BankAnswer | null }[],
  seed: string,
  exclude: ReadonlySet<string> = new Set(),
): FormEntry | undefined {
  const params = bank.irt(exam.id, { allowProvisional: true })!.params;
  const flagged = bank.flaggedItems();
  const rng = seededRandom(`${seed}:${given.length}`);
  const pool = rng.shuffle(questionPool(bank.activeEntries(), exam, { forMock: true }).filter((p) => params.has(p.question.id) && !exclude.has(p.question.id) && !flagged.has(p.question.id)));
  const scored = given.filter((g) => params.has(g.entry.itemId));
  const theta = eapAbility(
    scored.map((g) => params.get(g.entry.itemId)!),
    scored.map((g) => (scoreQuestion(g.question, g.answer) ? 1 : 0)),
  ).theta;
  const perDomain = new Map<string, number>();
  for (const g of given) perDomain.set(g.entry.domain, (perDomain.get(g.entry.domain) ?? 0) + 1);
  const next = nextAdaptiveItem(
    pool.map((p) => ({ id: p.question.id, domain: p.domain, params: params.get(p.question.id)! })),
    new Set(given.map((g) => g.entry.itemId)),
    theta,
    exam.domains,
    perDomain,
    { topK: QUICK_CHECK_TOP_K, random: () => rng.next(), ineligible: bank.quickCheckIneligible(exam.id, seed) },
  );
  if (!next) return undefined;
  const chosen = pool.find((p) => p.question.id === next.id)!;
  return { position: given.length, itemId: next.id, caseId: chosen.caseStudy?.id, domain: chosen.domain, scored: true, ...displayOrder(chosen.question, rng) };
}
