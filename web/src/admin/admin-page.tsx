import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { AdminUserList, User } from '../../../src/core/api/contracts.ts';
import { ROLES, type Role } from '../../../src/core/auth/roles.ts';
import { api, ApiRequestError } from '../api/api-client.ts';
import { ErrorPanel } from '../error-panel.tsx';
import { useI18n } from '../i18n/i18n-context.tsx';
import { PlatformSettingsPanel } from './platform-settings.tsx';
import { LtiPlatformsPanel } from './lti-platforms.tsx';
import { useDocumentTitle } from '../use-document-title.ts';

/**
 * Administration: the accounts, searchable by email or name, and the roles each holds. A ticked or
 * unticked box is saved at once and put back if the server refuses (the last administrator, say).
 */
export function AdminPage({ me }: { me: User }) {
  const { t } = useI18n();
  useDocumentTitle(t('adminTitle'));
  const [query, setQuery] = useState('');
  const [applied, setApplied] = useState('');
  const [page, setPage] = useState(1);
  const [list, setList] = useState<AdminUserList | null>(null);
  const [error, setError] = useState<ApiRequestError | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const load = useCallback(() => {
    setError(null);
    api.adminUsers(applied, page).then(setList, (e: unknown) => setError(e instanceof ApiRequestError ? e : new ApiRequestError(0, 'network', String(e))));
  }, [applied, page]);
  useEffect(load, [load]);

  const search = (e: FormEvent) => {
    e.preventDefault();
    setPage(1);
    setApplied(query.trim());
  };
  const toggle = async (user: User, role: Role, on: boolean) => {
    if (!list) return;
    const roles = on ? [...user.roles, role] : user.roles.filter((r) => r !== role);
    const put = (u: User) => setList((l) => (l ? { ...l, users: l.users.map((x) => (x.id === u.id ? u : x)) } : l));
    put({ ...user, roles });
    setMessage(null);
    try {
      const saved = await api.setRoles(user.id, roles);
      put(saved);
      setMessage({ ok: true, text: t('rolesSaved', { email: saved.email, roles: saved.roles.length ? saved.roles.map((r) => t(`role_${r}`)).join(', ') : t('role_none') }) });
    } catch (err) {
      put(user);
      setMessage({ ok: false, text: err instanceof ApiRequestError ? err.message : String(err) });
    }
  };

  if (error) return <ErrorPanel error={error} onRetry={load} />;
  const pages = list ? Math.max(1, Math.ceil(list.total / list.pageSize)) : 1;
  return (
    <div className="admin-page">
      <h1>{t('adminTitle')}</h1>
      <p className="subtle">{t('adminIntro')}</p>
      <form className="admin-search" role="search" onSubmit={search}>
        <label htmlFor="admin-query">{t('adminSearch')}</label>
        <input id="admin-query" type="search" value={query} maxLength={100} onChange={(e) => setQuery(e.target.value)} />
        <button type="submit">{t('adminSearchButton')}</button>
      </form>
      <p role="status" className={message ? (message.ok ? 'form-ok' : 'form-error') : 'visually-hidden'}>
        {message?.text}
      </p>
      {!list ? (
        <p role="status">{t('loading')}</p>
      ) : (
        <>
          <p className="subtle">{t('adminCount', { n: list.total })}</p>
          <div className="table-scroll">
            <table className="admin-users" data-testid="admin-users">
              <thead>
                <tr>
                  <th scope="col">{t('adminEmail')}</th>
                  <th scope="col">{t('adminName')}</th>
                  {ROLES.map((r) => (
                    <th scope="col" key={r}>
                      {t(`role_${r}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {list.users.map((u) => (
                  <tr key={u.id} data-email={u.email}>
                    <th scope="row">{u.email}</th>
                    <td>{u.name}</td>
                    {ROLES.map((r) => (
                      <td key={r}>
                        <input
                          type="checkbox"
                          checked={u.roles.includes(r)}
                          aria-label={t('roleOf', { role: t(`role_${r}`), email: u.email })}
                          onChange={(e) => void toggle(u, r, e.target.checked)}
                        />
                        {u.id === me.id && r === 'admin' && <span className="subtle small"> {t('adminYou')}</span>}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {pages > 1 && (
            <p className="button-row">
              <button type="button" disabled={page <= 1} onClick={() => setPage((p) => p - 1)}>
                {t('previousPage')}
              </button>
              <span>{t('pageOf', { page, pages })}</span>
              <button type="button" disabled={page >= pages} onClick={() => setPage((p) => p + 1)}>
                {t('nextPage')}
              </button>
            </p>
          )}
        </>
      )}
      <PlatformSettingsPanel />
      <LtiPlatformsPanel />
    </div>
  );
}
