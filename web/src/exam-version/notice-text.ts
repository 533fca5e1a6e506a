import type { ExamSummary } from '../../../src/core/api/contracts.ts';
import type { MessageKey } from '../i18n/messages.ts';

type T = (key: MessageKey, vars?: Record<string, string | number>) => string;
type Status = ExamSummary['status'];

const LANGUAGE_KEYS: Record<string, MessageKey> = {
  English: 'langEnglish',
  Japanese: 'langJapanese',
  Korean: 'langKorean',
  'Simplified Chinese': 'langSimplifiedChinese',
};

/** A day (YYYY-MM-DD) as the user's language writes it; the date is a calendar day, not an instant. */
export function formatDay(day: string, locale: 'en' | 'fr'): string {
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
}

function languages(list: string[], t: T, locale: 'en' | 'fr'): string {
  const names = list.map((l) => (LANGUAGE_KEYS[l] ? t(LANGUAGE_KEYS[l]) : l));
  return new Intl.ListFormat(locale === 'fr' ? 'fr' : 'en', { type: 'conjunction' }).format(names);
}

/**
 * The sentence that says where an exam version stands (beta, retired in some languages, retired),
 * from the status the server computed on its own clock; null when there is nothing to say.
 */
export function noticeText(status: Status, code: string, t: T, locale: 'en' | 'fr'): string | null {
  const day = (d: string) => formatDay(d, locale);
  switch (status.phase) {
    case 'beta': {
      const vars = { code, since: status.since ? day(status.since) : '', languages: languages(status.languages, t, locale) };
      const ga = status.generalAvailability;
      if (!ga) return t('noticeBetaNoDate', vars);
      return t(ga.confirmed ? 'noticeBetaConfirmed' : 'noticeBetaReported', { ...vars, date: day(ga.date) });
    }
    case 'available':
      return status.since.confirmed ? null : t('noticeAvailableReported', { code, date: day(status.since.date) });
    case 'retiring': {
      const successor = status.successor ?? '';
      const parts = status.ended.map((e) => t('noticeRetiredIn', { code, languages: languages(e.languages, t, locale), date: day(e.date) }));
      for (const c of status.continuing) {
        const vars = { languages: languages(c.languages, t, locale), successor };
        if (!c.until) parts.push(t('noticeStillOffered', vars));
        else if (c.untilSuccessorGeneralAvailability) parts.push(t(c.until.confirmed ? 'noticeUntilSuccessorConfirmed' : 'noticeUntilSuccessorReported', { ...vars, date: day(c.until.date) }));
        else parts.push(t('noticeStillOfferedUntil', { ...vars, date: day(c.until.date) }));
      }
      if (successor) parts.push(t('noticePreferSuccessor', { successor }));
      return parts.join(' ');
    }
    case 'retired':
      return [
        status.lastSitting ? t('noticeRetired', { code, date: day(status.lastSitting.date) }) : t('noticeRetiredNoDate', { code }),
        ...(status.successor ? [t('noticePreferSuccessor', { successor: status.successor })] : []),
      ].join(' ');
    case 'current':
      return null;
  }
}

/** A short label for the header and the exam list: "beta", "retired in English", "retired". */
export function statusBadge(status: Status, t: T): string | null {
  if (status.phase === 'beta') return t('badgeBeta');
  if (status.phase === 'retiring') return t('badgeRetiring');
  if (status.phase === 'retired') return t('badgeRetired');
  return null;
}
