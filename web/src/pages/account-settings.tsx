import { useState, type FormEvent } from 'react';
import { THEMES, type Preferences, type SessionView, type User } from '../../../src/core/api/contracts.ts';
import { api, ApiRequestError } from '../api/api-client.ts';
import { FormMessage } from '../form-message.tsx';
import { useI18n } from '../i18n/i18n-context.tsx';
import { applyTheme } from '../theme.ts';
import { DownloadLink } from '../download-link.tsx';

/**
 * The account part of the settings: change the password (other devices are signed out), download
 * everything stored about you, delete the account (with the password; the answers stay, anonymised,
 * only if you tick the box). An account a course platform made has no password: it signs in from the
 * course, and confirms its deletion with its email.
 */
export function AccountSettings({ user, passwordSet, onSession }: { user: User; passwordSet: boolean; onSession: (s: SessionView) => void }) {
  const { t } = useI18n();
  const [prefsError, setPrefsError] = useState<string | null>(null);
  // Shown at once (the theme applies at once too); put back if the server does not store it.
  const [prefs, setPrefs] = useState<Required<Preferences>>({ theme: user.theme, calibrationConsent: user.calibrationConsent });
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  // The password, or for an account without one its email: what confirms the deletion.
  const [deleteConfirmation, setDeleteConfirmation] = useState('');
  // Deleting keeps the answers, anonymised, only if the box is ticked; it starts as the consent given.
  const [keep, setKeep] = useState(user.calibrationConsent);
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const errorText = (e: unknown) => (e instanceof ApiRequestError ? e.message : String(e));

  const change = async (e: FormEvent) => {
    e.preventDefault();
    setMessage(null);
    try {
      const r = await api.changePassword(current, next);
      setCurrent('');
      setNext('');
      setMessage({ ok: true, text: t('passwordChanged', { n: r.otherSessionsEnded }) });
    } catch (err) {
      setMessage({ ok: false, text: errorText(err) });
    }
  };
  const savePreferences = async (change: Preferences) => {
    const before = prefs;
    setPrefsError(null);
    setPrefs({ ...prefs, ...change });
    if (change.theme) applyTheme(change.theme);
    try {
      onSession(await api.setPreferences(change));
    } catch (err) {
      setPrefs(before);
      applyTheme(before.theme);
      setPrefsError(errorText(err));
    }
  };
  const remove = async (e: FormEvent) => {
    e.preventDefault();
    setDeleteError(null);
    if (!window.confirm(t('deleteConfirm'))) return;
    try {
      await api.deleteAccount(passwordSet ? { password: deleteConfirmation } : { email: deleteConfirmation }, keep);
      onSession(await api.session());
    } catch (err) {
      setDeleteError(errorText(err));
    }
  };

  return (
    <div className="account-settings">
      <fieldset className="theme-choice">
        <legend>{t('themeTitle')}</legend>
        {THEMES.map((theme) => (
          <label key={theme} className="choice-inline">
            <input type="radio" name="theme" value={theme} checked={prefs.theme === theme} onChange={() => void savePreferences({ theme })} />
            {t(`theme_${theme}`)}
          </label>
        ))}
      </fieldset>
      <label className="choice-line">
        <input type="checkbox" checked={prefs.calibrationConsent} onChange={(e) => void savePreferences({ calibrationConsent: e.target.checked })} />
        {t('calibrationConsent')}
      </label>
      {prefsError && (
        <p className="form-error" role="alert">
          {prefsError}
        </p>
      )}
      <h2>{t('passwordTitle')}</h2>
      {passwordSet ? (
        <form onSubmit={(e) => void change(e)}>
          <div className="field">
            <label htmlFor="current-password">{t('currentPassword')}</label>
            <input id="current-password" type="password" autoComplete="current-password" required value={current} onChange={(e) => setCurrent(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="new-password">{t('newPassword')}</label>
            <input id="new-password" type="password" autoComplete="new-password" required minLength={10} value={next} onChange={(e) => setNext(e.target.value)} />
          </div>
          <FormMessage message={message} />
          <button type="submit">{t('changePassword')}</button>
        </form>
      ) : (
        <p className="hint">{t('noPasswordNote')}</p>
      )}

      <h2>{t('yourData')}</h2>
      <p>
        <DownloadLink href="/api/account/export">{t('exportData')}</DownloadLink>
      </p>
      <form onSubmit={(e) => void remove(e)} className="danger-zone">
        <h3>{t('deleteAccount')}</h3>
        <p className="hint">{t('deleteHint')}</p>
        {passwordSet ? (
          <div className="field">
            <label htmlFor="delete-password">{t('currentPassword')}</label>
            <input id="delete-password" type="password" autoComplete="current-password" required value={deleteConfirmation} onChange={(e) => setDeleteConfirmation(e.target.value)} />
          </div>
        ) : (
          <div className="field">
            <label htmlFor="delete-email">{t('deleteWithEmail', { email: user.email })}</label>
            <input id="delete-email" type="email" autoComplete="off" required value={deleteConfirmation} onChange={(e) => setDeleteConfirmation(e.target.value)} />
          </div>
        )}
        <label className="choice-line">
          <input type="checkbox" checked={keep} onChange={(e) => setKeep(e.target.checked)} />
          {t('keepAnonymised')}
        </label>
        {deleteError && (
          <p className="form-error" role="alert">
            {deleteError}
          </p>
        )}
        <button type="submit" className="danger">
          {t('deleteAccount')}
        </button>
      </form>
    </div>
  );
}
