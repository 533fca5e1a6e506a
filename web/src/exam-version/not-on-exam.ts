import type { ExamSummary, PresentedItem } from '../../../src/core/api/contracts.ts';
import type { MessageKey } from '../i18n/messages.ts';

type T = (key: MessageKey, vars?: Record<string, string | number>) => string;

/**
 * Practice may serve a question of a kind the exam version does not use (MLA-C02 has no ordering,
 * matching or case studies): the note that says so, or null for a question the real exam could hold.
 */
export function notOnExamNote(item: Pick<PresentedItem, 'type' | 'caseStudy'>, exam: Pick<ExamSummary, 'code' | 'mockTypes'>, t: T): string | null {
  if (item.caseStudy && !exam.mockTypes.includes('case')) return t('notOnExamCase', { code: exam.code });
  if (item.type === 'ordering' && !exam.mockTypes.includes('ordering')) return t('notOnExamType_ordering', { code: exam.code });
  if (item.type === 'matching' && !exam.mockTypes.includes('matching')) return t('notOnExamType_matching', { code: exam.code });
  return null;
}
