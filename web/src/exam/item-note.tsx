import { useState } from 'react';
import type { ItemNote } from '../../../src/core/api/contracts.ts';
import { api } from '../api/api-client.ts';
import { useI18n } from '../i18n/i18n-context.tsx';

const EMPTY: ItemNote = { bookmarked: false, note: '' };

/**
 * The candidate's bookmark and personal note on a question, in practice and in the report. They
 * belong to the question, so they come back whenever it does. The bookmark saves at once; the note
 * when the candidate saves it.
 */
export function ItemNoteEditor({ attemptId, position, initial, onSaved }: { attemptId: string; position: number; initial: ItemNote | undefined; onSaved?: (note: ItemNote) => void }) {
  const { t } = useI18n();
  const [saved, setSaved] = useState<ItemNote>(initial ?? EMPTY);
  const [draft, setDraft] = useState(saved.note);
  const [status, setStatus] = useState<'idle' | 'saving' | 'saved' | 'failed'>('idle');
  const [error, setError] = useState('');
  const id = `note-${attemptId}-${position}`;

  /** Stores the bookmark and note; `before` is put back if the server does not store them. */
  const save = async (next: ItemNote, before?: ItemNote) => {
    setStatus('saving');
    try {
      const stored = await api.saveNote(attemptId, position, next);
      setSaved(stored);
      setDraft(stored.note);
      setStatus('saved');
      onSaved?.(stored);
    } catch (e) {
      if (before) setSaved(before);
      setError(e instanceof Error ? e.message : String(e));
      setStatus('failed');
    }
  };

  return (
    <div className="item-note">
      <button type="button" className={`small-button bookmark${saved.bookmarked ? ' on' : ''}`} aria-pressed={saved.bookmarked} onClick={() => {
          // The star changes at once; the server's answer confirms it or puts it back.
          const next = { bookmarked: !saved.bookmarked, note: saved.note };
          const before = saved;
          setSaved(next);
          void save(next, before);
        }}>
        {saved.bookmarked ? `★ ${t('bookmarked')}` : `☆ ${t('bookmark')}`}
      </button>
      <details open={saved.note !== '' || undefined}>
        <summary>{saved.note ? t('myNote') : t('addNote')}</summary>
        <label htmlFor={id} className="visually-hidden">
          {t('myNoteLabel')}
        </label>
        <textarea id={id} rows={3} maxLength={2000} value={draft} onChange={(e) => setDraft(e.target.value)} />
        <p className="note-actions">
          <button type="button" className="small-button" disabled={draft.trim() === saved.note || status === 'saving'} onClick={() => void save({ bookmarked: saved.bookmarked, note: draft })}>
            {t('saveNote')}
          </button>
          <span role="status" className="subtle small">
            {status === 'saved' ? t('noteSaved') : status === 'saving' ? t('saving') : ''}
          </span>
        </p>
      </details>
      {status === 'failed' && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
