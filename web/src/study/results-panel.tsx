import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { ExamResultView, ExamSummary } from '../../../src/core/api/contracts.ts';
import { api } from '../api/api-client.ts';
import { useBlueprintNames } from '../exam-version/exams-context.tsx';
import { useI18n } from '../i18n/i18n-context.tsx';

type Classification = 'meets' | 'needs-improvement';

/**
 * After the real exam: the candidate records the result from the AWS score report. A fail shows the
 * earliest retake and the domains to work on, with a plan to that date; a pass shows how long the
 * certification lasts.
 */
export function ResultsPanel({ exam, onPlanned }: { exam: ExamSummary; onPlanned: () => void }) {
  const { t, locale } = useI18n();
  const names = useBlueprintNames(exam.id);
  const [results, setResults] = useState<ExamResultView[]>([]);
  const [satOn, setSatOn] = useState('');
  const [scaled, setScaled] = useState('');
  const [passed, setPassed] = useState<boolean | null>(null);
  const [domains, setDomains] = useState<Record<string, Classification>>(() => Object.fromEntries(exam.domains.map((d) => [d.id, 'meets'])));
  const [message, setMessage] = useState<string | null>(null);
  const dateFormat = new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  const label = (d: string) => dateFormat.format(new Date(`${d}T00:00:00Z`));
  const load = useCallback(() => {
    api.results(exam.id).then(setResults, () => undefined);
  }, [exam.id]);
  useEffect(load, [load]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setMessage(null);
    try {
      await api.recordResult({ exam: exam.id, satOn, scaled: Number(scaled), passed: passed === true, domains });
      load();
    } catch (err) {
      setMessage(err instanceof Error ? err.message : String(err));
    }
  };
  const planTo = async (date: string) => {
    try {
      await api.setPlan(exam.id, date, 8);
      onPlanned();
    } catch (err) {
      setMessage(err instanceof Error ? err.message : String(err));
    }
  };

  return (
    <section className="panel" aria-labelledby="results-title" data-testid="exam-results">
      <h2 id="results-title">{t('resultsTitle')}</h2>
      {results.map((r) => (
        <div key={r.id} className={`result-card ${r.passed ? 'passed' : 'failed'}`} data-testid="exam-result">
          <p>
            <strong>{t(r.passed ? 'resultPassed' : 'resultFailed', { date: label(r.satOn), score: r.scaled })}</strong>
            {r.beta && <span className="badge neutral">{t('badgeBeta')}</span>}
          </p>
          {r.after.kind === 'retake' ? (
            <>
              <p>{r.after.reason === 'beta-once' ? t('retakeAfterBeta', { date: label(r.after.earliest) }) : t('retakeWait', { date: label(r.after.earliest) })}</p>
              {r.after.focus.length > 0 && <p>{t('retakeFocus', { list: r.after.focus.map((d) => t('domainLabel', { id: d, name: names.domain(d, exam.domains.find((x) => x.id === d)?.name ?? d).text })).join(' ; ') })}</p>}
              <button type="button" onClick={() => void planTo(r.after.kind === 'retake' ? r.after.earliest : '')}>
                {t('retakePlan', { date: label(r.after.earliest) })}
              </button>
            </>
          ) : (
            <p>{t('certifiedUntil', { until: label(r.after.validUntil), from: label(r.after.prepareFrom) })}</p>
          )}
        </div>
      ))}
      <details open={results.length === 0 || undefined}>
        <summary>{t('resultRecord')}</summary>
        <form className="result-form" onSubmit={(e) => void submit(e)}>
          <div className="field inline">
            <label htmlFor="result-date">{t('resultDate')}</label>
            <input id="result-date" type="date" required value={satOn} onChange={(e) => setSatOn(e.target.value)} />
          </div>
          <div className="field inline">
            <label htmlFor="result-score">{t('resultScore')}</label>
            <input id="result-score" type="number" inputMode="numeric" min={exam.scale.min} max={exam.scale.max} required value={scaled} onChange={(e) => setScaled(e.target.value)} />
          </div>
          <fieldset>
            <legend>{t('resultVerdict')}</legend>
            <label className="choice-inline">
              <input type="radio" name="result-verdict" required checked={passed === true} onChange={() => setPassed(true)} />
              {t('pass')}
            </label>
            <label className="choice-inline">
              <input type="radio" name="result-verdict" checked={passed === false} onChange={() => setPassed(false)} />
              {t('fail')}
            </label>
          </fieldset>
          <fieldset>
            <legend>{t('resultDomains')}</legend>
            {exam.domains.map((d) => (
              <div key={d.id} className="field inline">
                <label htmlFor={`result-domain-${d.id}`}>
                  <span lang={names.domain(d.id, d.name).lang}>{t('domainLabel', { id: d.id, name: names.domain(d.id, d.name).text })}</span>
                </label>
                <select id={`result-domain-${d.id}`} value={domains[d.id]} onChange={(e) => setDomains({ ...domains, [d.id]: e.target.value as Classification })}>
                  <option value="meets">{t('meets')}</option>
                  <option value="needs-improvement">{t('needsImprovement')}</option>
                </select>
              </div>
            ))}
          </fieldset>
          {message && (
            <p className="form-error" role="alert">
              {message}
            </p>
          )}
          <button type="submit">{t('resultSave')}</button>
        </form>
      </details>
    </section>
  );
}
