import type { MyAssignment } from '../../../src/core/api/contracts.ts';
import { formatDay } from '../exam-version/notice-text.ts';
import { useI18n } from '../i18n/i18n-context.tsx';

/** An assignment's state in words: to do, done (on which day) or late; the colour only repeats it. */
export function AssignmentBadge({ status }: { status: MyAssignment['status'] }) {
  const { t, locale } = useI18n();
  if (status.state === 'done') return <span className="badge ok">{t('assignmentDone', { day: formatDay(status.doneAt.slice(0, 10), locale) })}</span>;
  if (status.state === 'late') return <span className="badge ko">{t('assignmentLate')}</span>;
  return <span className="badge neutral">{t('assignmentTodo')}</span>;
}
