import type { StudyPlanView } from '../../../src/core/api/contracts.ts';
import type { I18n } from '../i18n/i18n-context.tsx';

/**
 * Where the candidate stands against their plan, in words: the plan panel's long form (which goes on to
 * say the weeks below are re-planned) or the dashboard's short one.
 */
export function planStatusText(status: StudyPlanView['status'], t: I18n['t'], form: 'panel' | 'card'): string {
  if (status.state === 'behind') return t(form === 'panel' ? 'planBehind' : 'cardPlanBehind', { list: status.behind.join(', ') });
  if (status.state === 'ahead') return t('planAhead');
  if (!status.expected.length) return t('planNothingDue');
  return t(form === 'panel' ? 'planOnTrack' : 'cardPlanOnTrack', { done: status.done.length, n: status.expected.length });
}
