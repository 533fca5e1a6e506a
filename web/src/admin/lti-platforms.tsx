import { useState, type FormEvent } from 'react';
import { api, ApiRequestError } from '../api/api-client.ts';
import { useApiLoad } from '../api/use-api-load.ts';
import { FormMessage } from '../form-message.tsx';
import { useI18n } from '../i18n/i18n-context.tsx';
import { formatMoment } from '../format-moment.ts';

const FIELDS = ['issuer', 'clientId', 'deploymentIds', 'authUrl', 'tokenUrl', 'jwksUrl'] as const;

/** The LTI 1.3 platforms the tool trusts: registered by hand from the platform's tool settings, listed, removed. */
export function LtiPlatformsPanel() {
  const { t, locale } = useI18n();
  const { data, reload } = useApiLoad(() => api.ltiPlatforms(), 'lti');
  const [form, setForm] = useState<Record<(typeof FIELDS)[number], string>>({ issuer: '', clientId: '', deploymentIds: '', authUrl: '', tokenUrl: '', jwksUrl: '' });
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [registration, setRegistration] = useState<{ url: string; expiresAt: string } | null>(null);
  const run = async (call: () => Promise<unknown>, ok: string, after?: () => void) => {
    try {
      await call();
      setMessage({ ok: true, text: ok });
      after?.();
      reload();
    } catch (err) {
      setMessage({ ok: false, text: err instanceof ApiRequestError ? err.message : String(err) });
    }
  };
  const register = (e: FormEvent) => {
    e.preventDefault();
    void run(() => api.registerLtiPlatform({ ...form, deploymentIds: form.deploymentIds.split(/[\s,]+/).filter(Boolean) }), t('ltiRegistered', { issuer: form.issuer }), () => setForm({ issuer: '', clientId: '', deploymentIds: '', authUrl: '', tokenUrl: '', jwksUrl: '' }));
  };
  if (!data) return null;
  return (
    <section className="panel" aria-labelledby="lti-title">
      <h2 id="lti-title">{t('ltiTitle')}</h2>
      <p>{t('ltiIntro', { jwks: `${window.location.origin}/lti/jwks` })}</p>
      {data.length === 0 ? (
        <p className="subtle">{t('ltiNone')}</p>
      ) : (
        <ul className="cohort-list">
          {data.map((p) => (
            <li key={p.id}>
              <span>
                <strong>{p.issuer}</strong> <span className="subtle small">{t('ltiPlatformLine', { client: p.clientId, deployments: p.deploymentIds.join(', ') })}</span>
              </span>
              <button type="button" className="small-button" onClick={() => window.confirm(t('ltiRemoveConfirm', { issuer: p.issuer })) && void run(() => api.removeLtiPlatform(p.id), t('ltiRemoved', { issuer: p.issuer }))}>
                {t('ltiRemove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <h3>{t('ltiDynamicTitle')}</h3>
      <p>{t('ltiDynamicText')}</p>
      <button type="button" onClick={() => void api.newLtiRegistration().then(setRegistration, (err: unknown) => setMessage({ ok: false, text: err instanceof ApiRequestError ? err.message : String(err) }))}>
        {t('ltiDynamicButton')}
      </button>
      {registration && (
        <p data-testid="lti-registration-url">
          {t('ltiDynamicMade', { when: formatMoment(registration.expiresAt, locale) })} <code className="break-all">{registration.url}</code>
        </p>
      )}
      <h3>{t('ltiRegister')}</h3>
      <form className="stack-form lti-form" onSubmit={register}>
        {FIELDS.map((f) => (
          <label key={f}>
            {t(`lti_${f}`)}
            <input value={form[f]} required onChange={(e) => setForm({ ...form, [f]: e.target.value })} />
          </label>
        ))}
        <button type="submit">{t('ltiRegisterButton')}</button>
      </form>
      <FormMessage message={message} />
    </section>
  );
}
