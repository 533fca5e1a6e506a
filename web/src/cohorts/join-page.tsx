import { useState } from 'react';
import type { CohortSummary } from '../../../src/core/api/contracts.ts';
import { api, ApiRequestError } from '../api/api-client.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { routeHref } from '../routing/use-hash-route.ts';
import { useDocumentTitle } from '../use-document-title.ts';

/** The invite link a tutor shares: one button joins the cohort (nothing happens on opening the link alone). */
export function JoinPage({ code }: { code: string }) {
  const { t } = useI18n();
  useDocumentTitle(t('cohortJoinTitle'));
  const [joined, setJoined] = useState<CohortSummary | null>(null);
  const [error, setError] = useState<string | null>(null);
  const join = async () => {
    setError(null);
    try {
      setJoined(await api.joinCohort(code));
    } catch (err) {
      setError(err instanceof ApiRequestError ? err.message : String(err));
    }
  };
  return (
    <section className="panel narrow" aria-labelledby="join-page-title">
      <h1 id="join-page-title">{t('cohortJoinTitle')}</h1>
      {joined ? (
        <>
          <p className="form-ok" role="status">
            {t('cohortJoined', { name: joined.name })}
          </p>
          <p>
            <a href={routeHref({ page: 'cohorts' })}>{t('cohortsMine')}</a> · <a href={routeHref({ page: 'dashboard' })}>{t('backToDashboard')}</a>
          </p>
        </>
      ) : (
        <>
          <p>{t('cohortJoinText', { code })}</p>
          <button type="button" className="primary" onClick={() => void join()}>
            {t('cohortJoin')}
          </button>
          {error && (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
        </>
      )}
    </section>
  );
}
