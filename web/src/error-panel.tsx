import type { ApiRequestError } from './api/api-client.ts';
import { useI18n } from './i18n/i18n-context.tsx';

/** A failed load: what went wrong, in the server's words when it gave some, and a retry. */
export function ErrorPanel({ error, onRetry }: { error: ApiRequestError | Error; onRetry?: () => void }) {
  const { t } = useI18n();
  const network = 'status' in error && error.status === 0;
  return (
    <div className="panel error-panel" role="alert">
      <h2>{t('errorTitle')}</h2>
      <p>{network ? t('networkError') : error.message}</p>
      <p className="actions">
        {onRetry && (
          <button type="button" onClick={onRetry}>
            {t('retry')}
          </button>
        )}
        <a href="#/">{t('backToDashboard')}</a>
      </p>
    </div>
  );
}
