import { useEffect, useState } from 'react';
import { api, ApiRequestError } from '../api/api-client.ts';
import { useI18n } from '../i18n/i18n-context.tsx';

// One exchange per code, even if the page renders twice (a code works once).
const exchanges = new Map<string, Promise<{ route: string }>>();

/** The first screen of a launch from a course: the one-time code becomes this tab's session, then the app opens where the launch said. */
export function LtiStartPage({ code, onSignedIn }: { code: string; onSignedIn: () => void }) {
  const { t } = useI18n();
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    if (!exchanges.has(code)) exchanges.set(code, api.ltiSession(code));
    exchanges.get(code)!.then(
      (landing) => {
        // The launch's address (with its spent code) is replaced, not kept in the history.
        window.location.replace(`#${landing.route}`);
        onSignedIn();
      },
      (e: unknown) => setFailure(e instanceof ApiRequestError ? e.message : String(e)),
    );
  }, [code, onSignedIn]);
  if (failure) return <p className="form-error" role="alert">{t('ltiStartFailed', { message: failure })}</p>;
  return <p role="status">{t('ltiStarting')}</p>;
}
