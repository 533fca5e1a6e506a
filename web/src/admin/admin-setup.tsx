import { useState, type FormEvent } from 'react';
import type { SessionView } from '../../../src/core/api/contracts.ts';
import { api, ApiRequestError } from '../api/api-client.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { routeHref } from '../routing/use-hash-route.ts';

/**
 * In the settings: the way into the administration. While the server has no administrator, whoever
 * enters the one-time code the server printed at start-up becomes it; an administrator gets the link.
 */
export function AdminSetup({ session, onSession }: { session: SessionView; onSession: (s: SessionView) => void }) {
  const { t } = useI18n();
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  if (session.user?.roles.includes('admin')) {
    return (
      <section className="panel" aria-labelledby="admin-link-title">
        <h2 id="admin-link-title">{t('adminTitle')}</h2>
        <p>
          <a href={routeHref({ page: 'admin' })}>{t('adminOpen')}</a>
        </p>
      </section>
    );
  }
  if (!session.adminSetup) return null;
  const claim = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await api.claimAdmin(code);
      onSession(await api.session());
    } catch (err) {
      setError(err instanceof ApiRequestError ? err.message : String(err));
    }
  };
  return (
    <section className="panel" aria-labelledby="admin-setup-title" data-testid="admin-setup">
      <h2 id="admin-setup-title">{t('adminTitle')}</h2>
      <p>{t('adminSetupText')}</p>
      <form onSubmit={claim} className="inline-form">
        <label htmlFor="admin-code">{t('adminSetupCode')}</label>
        <input id="admin-code" value={code} autoComplete="off" spellCheck={false} maxLength={64} onChange={(e) => setCode(e.target.value)} aria-describedby={error ? 'admin-code-error' : undefined} />
        <button type="submit">{t('adminSetupButton')}</button>
      </form>
      {error && (
        <p id="admin-code-error" className="form-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
