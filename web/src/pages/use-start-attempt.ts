import { useState } from 'react';
import type { StartAttempt } from '../../../src/core/api/contracts.ts';
import { api, ApiRequestError } from '../api/api-client.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { navigate } from '../routing/use-hash-route.ts';

/**
 * Starts an attempt and opens it. `form` names the control that asked, so its own error shows
 * beside it; a refusal (a bank too small: 409) is shown as the server words it.
 */
export function useStartAttempt() {
  const { t } = useI18n();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<{ form: string; message: string } | null>(null);
  const start = async (form: string, body: StartAttempt) => {
    setBusy(form);
    setError(null);
    try {
      const view = await api.startAttempt(body);
      navigate({ page: 'attempt', id: view.id });
    } catch (e) {
      setError({ form, message: e instanceof ApiRequestError && e.status === 0 ? t('networkError') : e instanceof Error ? e.message : String(e) });
      setBusy(null);
    }
  };
  return { busy, error, start };
}
