import type { MessageKey } from '../i18n/messages.ts';
import { formatDay } from './notice-text.ts';

type T = (key: MessageKey, vars?: Record<string, string | number>) => string;

/** Whole days from `today` to `examDate` (both YYYY-MM-DD, calendar days). */
export function daysBetween(today: string, examDate: string): number {
  return Math.round((Date.parse(`${examDate}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

/** The countdown to the user's exam date, on the server's day. */
export function countdownText(examDate: string, today: string, t: T, locale: 'en' | 'fr'): string {
  const n = daysBetween(today, examDate);
  const date = formatDay(examDate, locale);
  if (n < 0) return t('examPassed', { date });
  if (n === 0) return t('examToday');
  if (n === 1) return t('dayToExam', { date });
  return t('daysToExam', { date, n });
}
