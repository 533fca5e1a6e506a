import { useEffect, useRef } from 'react';
import { useI18n } from '../i18n/i18n-context.tsx';

/** The confirmation before submitting, as a native modal dialog (focus trapped, Escape cancels). */
export function SubmitDialog({ incomplete, unanswered, flagged, busy, onConfirm, onCancel }: { incomplete: number; unanswered: number; flagged: number; busy: boolean; onConfirm: () => void; onCancel: () => void }) {
  const { t } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = dialog.current;
    // Closing (Escape, Cancel) gives focus back to the control that opened the dialog.
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (d && !d.open) d.showModal();
    return () => {
      d?.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);
  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="submit-title" aria-describedby="submit-text" onCancel={(e) => { e.preventDefault(); onCancel(); }}>
      <h2 id="submit-title">{t('confirmSubmitTitle')}</h2>
      <div id="submit-text">
        <p>{t('confirmSubmitText')}</p>
        {incomplete > 0 && <p className="warn-text">{t('confirmIncomplete', { n: incomplete })}</p>}
        {unanswered > 0 && <p className="warn-text">{t('confirmUnanswered', { n: unanswered })}</p>}
        {flagged > 0 && <p>{t('confirmFlagged', { n: flagged })}</p>}
      </div>
      <p className="actions">
        <button type="button" onClick={onCancel} autoFocus disabled={busy}>
          {t('cancel')}
        </button>
        <button type="button" className="primary" onClick={onConfirm} disabled={busy}>
          {busy ? t('submitting') : t('confirmSubmit')}
        </button>
      </p>
    </dialog>
  );
}
