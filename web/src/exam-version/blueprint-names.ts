import type { ExamSummary } from '../../../src/core/api/contracts.ts';
import type { Locale } from '../i18n/i18n-context.tsx';

/**
 * Domain names and task-statement titles in the interface language, where the exam file gives a
 * French one; otherwise the official English, which the caller marks with lang="en".
 */
export function blueprintNames(exam: ExamSummary | undefined, locale: Locale) {
  const domains = new Map(exam?.domains.map((d) => [d.id, d]) ?? []);
  const tasks = new Map(exam?.domains.flatMap((d) => d.tasks.map((t) => [t.id, t] as const)) ?? []);
  return {
    domain(id: string, fallback: string): { text: string; lang: Locale } {
      const d = domains.get(id);
      return locale === 'fr' && d?.nameFr ? { text: d.nameFr, lang: 'fr' } : { text: d?.name ?? fallback, lang: 'en' };
    },
    task(id: string, fallback: string): { text: string; lang: Locale } {
      const t = tasks.get(id);
      return locale === 'fr' && t?.titleFr ? { text: t.titleFr, lang: 'fr' } : { text: t?.title ?? fallback, lang: 'en' };
    },
  };
}
