import type { ExamSummary } from '../../../src/core/api/contracts.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { noticeText } from './notice-text.ts';

/** Where the exam version stands (beta, retired in English…), in the user's language; nothing when there is nothing to say. */
export function ExamNotice({ exam }: { exam: ExamSummary }) {
  const { t, locale } = useI18n();
  const text = noticeText(exam.status, exam.code, t, locale);
  if (!text) return null;
  return (
    <p className={`exam-notice exam-notice-${exam.status.phase}`} role="note" data-testid="exam-notice">
      {text}
    </p>
  );
}
