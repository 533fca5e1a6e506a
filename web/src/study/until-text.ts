import type { I18n } from '../i18n/i18n-context.tsx';

/** When a flash card comes back, in the largest whole unit: "1 min", "10 min", "3 days", "2 months". */
export function untilText(ms: number, t: I18n['t']): string {
  const minutes = Math.max(1, Math.round(ms / 60_000));
  if (minutes < 60) return t('inMinutes', { n: minutes });
  const hours = Math.round(minutes / 60);
  if (hours < 24) return t('inHours', { n: hours });
  const days = Math.round(hours / 24);
  if (days < 31) return days === 1 ? t('inOneDay') : t('inDays', { n: days });
  return t('inMonths', { n: Math.round(days / 30) });
}
