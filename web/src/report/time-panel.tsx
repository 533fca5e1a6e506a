import type { ScoreReport } from '../../../src/core/api/contracts.ts';
import { useExams } from '../exam-version/exams-context.tsx';
import { formatDuration } from '../i18n/duration.ts';
import { useI18n } from '../i18n/i18n-context.tsx';

/** The id of a question's entry in the report's review list (for "slowest questions" to jump to). */
export const reportItemId = (position: number) => `report-q-${position}`;

/**
 * Time in the report: from start to submission (mocks and the quick check), the time on the
 * questions, the pace against the real exam's time per question, and the slowest questions, each
 * a link to its review below.
 */
export function TimePanel({ report, numberOf, onJump }: { report: ScoreReport; numberOf: Map<number, number>; onJump: (position: number) => void }) {
  const { t } = useI18n();
  const exams = useExams();
  const time = report.time;
  if (!time || time.seen === 0) return null;
  const standard = exams.find((e) => e.id === report.exam)?.profiles.find((p) => p.id === 'standard');
  const slower = time.averageMs > time.targetMs;
  const correctOf = new Map(report.items.map((i) => [i.position, i]));
  return (
    <section className="panel" aria-labelledby="time-title" data-testid="time-panel">
      <h2 id="time-title">{t('timeTitle')}</h2>
      {time.elapsedMs !== null && (
        <p>{report.timing ? t('timeElapsedOf', { elapsed: formatDuration(time.elapsedMs), allowed: formatDuration(report.timing.minutes * 60_000) }) : t('timeElapsed', { elapsed: formatDuration(time.elapsedMs) })}</p>
      )}
      <p>{t('timeOnQuestions', { total: formatDuration(time.questionMs), n: time.seen, average: formatDuration(time.averageMs) })}</p>
      <p className={slower ? 'pace slower' : 'pace'} data-testid="pace">
        {slower
          ? standard
            ? t('paceSlowerProjected', { target: formatDuration(time.targetMs), n: standard.items, projected: formatDuration(time.averageMs * standard.items), allowed: formatDuration(standard.minutes * 60_000) })
            : t('paceSlower', { target: formatDuration(time.targetMs) })
          : t('paceWithin', { target: formatDuration(time.targetMs) })}
      </p>
      <h3>{t('slowestTitle')}</h3>
      <ol className="slowest">
        {time.slowest.map((s) => {
          const item = correctOf.get(s.position);
          return (
            <li key={s.position}>
              <button type="button" className="link-button" onClick={() => onJump(s.position)}>
                {t('goToQuestion', { i: numberOf.get(s.position) ?? s.position + 1 })}
              </button>{' '}
              {formatDuration(s.ms)}
              {item && <span className={`badge ${item.correct ? 'ok' : 'ko'}`}>{item.correct ? `✓ ${t('correct')}` : `✗ ${item.answered ? t('incorrect') : t('notAnswered')}`}</span>}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
