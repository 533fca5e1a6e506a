import { formatDuration } from '../i18n/duration.ts';
import { useState } from 'react';
import type { AttemptSummary } from '../../../src/core/api/contracts.ts';
import { api, ApiRequestError } from '../api/api-client.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { routeHref } from '../routing/use-hash-route.ts';
import { attemptName } from './scope-name.ts';

/**
 * Every attempt for this exam, newest first: what it was (a mock's profile, the quick check, what a
 * practice covered), its score, and a way back into it. An attempt in progress can be abandoned after
 * a confirmation in its own row; an abandoned one has no score and no report.
 */
export function AttemptHistory({ attempts, onChange }: { attempts: AttemptSummary[]; onChange: () => void }) {
  const { t, locale } = useI18n();
  const [confirming, setConfirming] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const dateFormat = new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });
  const abandon = async (id: string) => {
    setError(null);
    try {
      await api.abandon(id);
      setConfirming(null);
      onChange();
    } catch (e) {
      setError(e instanceof ApiRequestError ? e.message : String(e));
    }
  };
  return (
    <section className="panel" aria-labelledby="history-title">
      <h2 id="history-title">{t('history')}</h2>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {attempts.length === 0 ? (
        <p className="subtle">{t('historyEmpty')}</p>
      ) : (
        <div className="table-scroll">
          <table className="history-table">
            <thead>
              <tr>
                <th scope="col">{t('colDate')}</th>
                <th scope="col">{t('colKind')}</th>
                <th scope="col">{t('colItems')}</th>
                <th scope="col">{t('colTime')}</th>
                <th scope="col">{t('colScore')}</th>
                <th scope="col">{t('colResult')}</th>
                <th scope="col">{t('colAction')}</th>
              </tr>
            </thead>
            <tbody>
              {attempts.map((a) => (
                <tr key={a.id} data-status={a.status} data-attempt={a.id}>
                  <td data-label={t('colDate')}>{dateFormat.format(new Date(a.startedAt))}</td>
                  <td data-label={t('colKind')}>{attemptName(t, a)}</td>
                  <td data-label={t('colItems')}>{a.items}</td>
                  <td data-label={t('colTime')}>{a.timeMs !== undefined ? formatDuration(a.timeMs) : '—'}</td>
                  <td data-label={t('colScore')}>{a.scaled ?? '—'}</td>
                  <td data-label={t('colResult')}>{a.status === 'open' ? t('inProgress') : a.status === 'abandoned' ? t('abandoned') : a.passed === null ? '—' : a.passed ? t('pass') : t('fail')}</td>
                  <td className="row-actions" data-label={t('colAction')}>
                    {a.status === 'submitted' && <a href={routeHref({ page: 'report', id: a.id })}>{t('viewReport')}</a>}
                    {a.status === 'open' && confirming !== a.id && (
                      <>
                        <a href={routeHref({ page: 'attempt', id: a.id })}>{t('resume')}</a>{' '}
                        <button type="button" className="small-button" onClick={() => setConfirming(a.id)}>
                          {t('abandon')}
                        </button>
                      </>
                    )}
                    {a.status === 'open' && confirming === a.id && (
                      <span role="group" aria-label={t('abandonConfirm')}>
                        {t('abandonConfirm')}{' '}
                        <button type="button" className="small-button danger" onClick={() => void abandon(a.id)}>
                          {t('abandonYes')}
                        </button>{' '}
                        <button type="button" className="small-button" autoFocus onClick={() => setConfirming(null)}>
                          {t('abandonNo')}
                        </button>
                      </span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
