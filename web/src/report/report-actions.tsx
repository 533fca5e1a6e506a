import { useEffect } from 'react';
import type { AttemptView, ScoreReport } from '../../../src/core/api/contracts.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { useStartAttempt } from '../pages/use-start-attempt.ts';
import { resultsCsv } from './results-csv.ts';

/**
 * What to do with a report: redo the questions answered wrong (as practice with feedback), take
 * another mock of the same kind, download the per-question results, print or save as PDF.
 */
export function ReportActions({ report, attempt }: { report: ScoreReport; attempt: AttemptView | null }) {
  const { t } = useI18n();
  const { busy, error, start } = useStartAttempt();
  // A printed report shows what is folded on screen (skills, explanations, case scenarios), however printing starts.
  useEffect(() => {
    let opened: HTMLDetailsElement[] = [];
    const before = () => {
      opened = [...document.querySelectorAll<HTMLDetailsElement>('.report details:not([open])')];
      for (const d of opened) d.open = true;
    };
    const after = () => {
      for (const d of opened) d.open = false;
      opened = [];
    };
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, []);
  const wrong = report.items.filter((i) => !i.correct).map((i) => i.itemId);
  const download = () => {
    const url = URL.createObjectURL(new Blob([resultsCsv(report)], { type: 'text/csv;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `certprep-${report.exam}-${report.submittedAt.slice(0, 10)}-${report.attemptId}.csv`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  return (
    <section className="panel report-actions no-print" aria-label={t('reportActions')}>
      {error && (
        <p className="form-error" role="alert">
          {error.message}
        </p>
      )}
      <p className="actions">
        {wrong.length > 0 && (
          <button type="button" className="primary" disabled={busy !== null} onClick={() => void start('redo', { kind: 'practice', exam: report.exam, items: wrong, count: Math.min(wrong.length, 100), feedback: 'immediate' })}>
            {busy === 'redo' ? t('starting') : t('redoWrong', { n: wrong.length })}
          </button>
        )}
        {report.kind === 'mock' && attempt?.profile && (
          <button type="button" disabled={busy !== null} onClick={() => void start('retake', { kind: 'mock', exam: report.exam, profile: attempt.profile! })}>
            {busy === 'retake' ? t('starting') : t('retakeMock')}
          </button>
        )}
        <button type="button" onClick={download}>
          {t('downloadCsv')}
        </button>
        <button type="button" onClick={() => window.print()}>
          {t('printReport')}
        </button>
      </p>
    </section>
  );
}
