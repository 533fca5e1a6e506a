import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { SessionView } from '../../../src/core/api/contracts.ts';
import { api, ApiRequestError } from '../api/api-client.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { useDocumentTitle } from '../use-document-title.ts';

/** Sign in or sign up; on a server without any account, only "Create your account". */
export function AuthPage({ firstRun, onSession }: { firstRun: boolean; onSession: (s: SessionView) => void }) {
  const { t, locale } = useI18n();
  const [mode, setMode] = useState<'signin' | 'signup'>(firstRun ? 'signup' : 'signin');
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [consent, setConsent] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => heading.current?.focus(), [mode]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onSession(mode === 'signup' ? await api.signUp({ email, name, password, locale, calibrationConsent: consent }) : await api.signIn({ email, password }));
    } catch (err) {
      if (err instanceof ApiRequestError) setError(err.status === 429 ? t('tooManyAttempts') : err.status === 0 ? t('networkError') : err.message);
      else setError(String(err));
    } finally {
      setBusy(false);
    }
  };

  const title = firstRun ? t('createAccount') : mode === 'signup' ? t('signUp') : t('signIn');
  useDocumentTitle(title);
  return (
    <section className="panel auth" aria-labelledby="auth-title">
      <h1 id="auth-title" ref={heading} tabIndex={-1}>
        {title}
      </h1>
      {firstRun && <p>{t('createAccountIntro')}</p>}
      <form onSubmit={submit} noValidate={false}>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        {mode === 'signup' && (
          <div className="field">
            <label htmlFor="auth-name">{t('name')}</label>
            <input id="auth-name" name="name" type="text" autoComplete="name" required value={name} onChange={(e) => setName(e.target.value)} />
          </div>
        )}
        <div className="field">
          <label htmlFor="auth-email">{t('email')}</label>
          <input id="auth-email" name="email" type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="auth-password">{t('password')}</label>
          <input
            id="auth-password"
            name="password"
            type="password"
            autoComplete={mode === 'signup' ? 'new-password' : 'current-password'}
            required
            minLength={mode === 'signup' ? 10 : undefined}
            aria-describedby={mode === 'signup' ? 'auth-password-hint' : undefined}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
          {mode === 'signup' && (
            <p id="auth-password-hint" className="hint">
              {t('passwordHint')}
            </p>
          )}
        </div>
        {mode === 'signup' && (
          <label className="choice-line">
            <input type="checkbox" checked={consent} onChange={(e) => setConsent(e.target.checked)} />
            {t('calibrationConsent')}
          </label>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {title}
        </button>
      </form>
      {!firstRun && (
        <p className="switch-mode">
          {mode === 'signin' ? t('noAccount') : t('haveAccount')}{' '}
          <button type="button" className="link-button" onClick={() => { setMode(mode === 'signin' ? 'signup' : 'signin'); setError(null); }}>
            {mode === 'signin' ? t('signUp') : t('signIn')}
          </button>
        </p>
      )}
    </section>
  );
}
