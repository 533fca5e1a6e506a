import { useState } from 'react';
import type { PlatformSettings } from '../../../src/core/api/contracts.ts';
import { api, ApiRequestError } from '../api/api-client.ts';
import { useApiLoad } from '../api/use-api-load.ts';
import { FormMessage } from '../form-message.tsx';
import { useI18n } from '../i18n/i18n-context.tsx';

/** The platform's settings an administrator chooses: who reads each other's posts under a question. */
export function PlatformSettingsPanel() {
  const { t } = useI18n();
  const { data, setData } = useApiLoad(() => api.platformSettings(), 'settings');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  if (!data) return null;
  const choose = async (discussionScope: PlatformSettings['discussionScope']) => {
    try {
      setData(await api.setPlatformSettings({ discussionScope }));
      setMessage({ ok: true, text: t('settingsSaved') });
    } catch (err) {
      setMessage({ ok: false, text: err instanceof ApiRequestError ? err.message : String(err) });
    }
  };
  return (
    <section className="panel" aria-labelledby="settings-title">
      <h2 id="settings-title">{t('settingsTitle')}</h2>
      <fieldset>
        <legend>{t('settingsDiscussionScope')}</legend>
        {(['cohort', 'global'] as const).map((s) => (
          <label key={s} className="check">
            <input type="radio" name="discussion-scope" checked={data.discussionScope === s} onChange={() => void choose(s)} /> {t(s === 'cohort' ? 'settingsScopeCohort' : 'settingsScopeGlobal')}
          </label>
        ))}
      </fieldset>
      <FormMessage message={message} />
    </section>
  );
}
