import type { AttemptScope, AttemptSummary } from '../../../src/core/api/contracts.ts';
import type { I18n } from '../i18n/i18n-context.tsx';
import { profileName } from './profile-name.ts';

/** "Practice — domains 2, 3", "Review of mistakes", "Practice — module 13"…: what a practice covered. */
export function scopeName(t: I18n['t'], scope: AttemptScope | null): string {
  if (!scope) return t('kindPractice');
  if (scope.review) return t('kindReview');
  if (scope.bookmarked) return `${t('kindPractice')} — ${t('scopeBookmarked')}`;
  if (scope.items) return t('kindRedo', { n: scope.items });
  const parts = [
    scope.domains?.length ? t('scopeDomains', { list: scope.domains.join(', ') }) : null,
    scope.tasks?.length ? t('scopeTasks', { list: scope.tasks.join(', ') }) : null,
    scope.modules?.length ? t('scopeModules', { list: scope.modules.join(', ') }) : null,
    scope.skills?.length ? t('scopeSkills', { list: scope.skills.join(', ') }) : null,
  ].filter((p): p is string => p !== null);
  return `${t('kindPractice')} — ${parts.length ? parts.join('; ') : t('scopeWholeExam')}`;
}

/** An attempt as the history names it: the mock's profile, the quick check, or what a practice covered. */
export function attemptName(t: I18n['t'], a: Pick<AttemptSummary, 'kind' | 'profile' | 'scope'>): string {
  if (a.kind === 'mock') return a.profile ? profileName(t, a.profile) : t('kindMock');
  if (a.kind === 'quick') return t('kindQuick');
  return scopeName(t, a.scope);
}
