import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n/i18n-context.tsx';
import type { SaveStatus } from './save-queue.ts';

/** Speaks only when saving starts failing, and once more when it recovers. */
export function SaveAnnouncer({ status }: { status: SaveStatus }) {
  const { t } = useI18n();
  const [message, setMessage] = useState('');
  const troubled = useRef(false);
  useEffect(() => {
    if (status === 'retrying' || status === 'failed') {
      if (!troubled.current) setMessage(status === 'retrying' ? t('notSaved') : t('notSavedShort'));
      troubled.current = true;
    } else if (status === 'saved' && troubled.current) {
      troubled.current = false;
      setMessage(t('saved'));
    }
  }, [status, t]);
  return (
    <p className="visually-hidden" role="status">
      {message}
    </p>
  );
}
