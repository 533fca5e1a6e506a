import { useState, type FormEvent } from 'react';
import type { Discussion } from '../../../src/core/api/contracts.ts';
import { api, ApiRequestError } from '../api/api-client.ts';
import { FormMessage } from '../form-message.tsx';
import { formatMoment } from '../format-moment.ts';
import { useI18n } from '../i18n/i18n-context.tsx';

/**
 * The discussion under a revealed question, loaded when opened: posts as plain text (never HTML), a box to
 * add one, and for tutors and administrators the way to hide a post or lock the thread.
 */
export function DiscussionPanel({ itemId }: { itemId: string }) {
  const { t, locale } = useI18n();
  const [thread, setThread] = useState<Discussion | null>(null);
  const [body, setBody] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const run = async (call: () => Promise<Discussion>, after?: () => void) => {
    try {
      setThread(await call());
      setMessage(null);
      after?.();
    } catch (err) {
      setMessage({ ok: false, text: err instanceof ApiRequestError ? err.message : String(err) });
    }
  };
  const post = (e: FormEvent) => {
    e.preventDefault();
    void run(() => api.postToDiscussion(itemId, body), () => setBody(''));
  };
  return (
    <details className="discussion" onToggle={(e) => (e.currentTarget.open && !thread ? void run(() => api.discussion(itemId)) : undefined)}>
      <summary>{thread ? t('discussionCount', { n: thread.posts.length }) : t('discussionOpen')}</summary>
      {thread && (
        <>
          {thread.posts.length === 0 && <p className="hint">{t(thread.scope === 'global' ? 'discussionEmptyGlobal' : 'discussionEmptyCohort')}</p>}
          <ol className="posts">
            {thread.posts.map((p) => (
              <li key={p.id} className={p.hidden ? 'post hidden-post' : 'post'}>
                <p className="hint">
                  <strong>{p.author}</strong> · {formatMoment(p.createdAt, locale)}
                  {p.hidden && <> · {t('discussionHidden')}</>}
                </p>
                <p className="post-body">{p.body}</p>
                {thread.canModerate && (
                  <button type="button" className="small-button" onClick={() => void run(() => api.hidePost(itemId, p.id, !p.hidden))}>
                    {p.hidden ? t('discussionShow') : t('discussionHide')}
                  </button>
                )}
              </li>
            ))}
          </ol>
          {thread.canModerate && (
            <p>
              <button type="button" className="small-button" onClick={() => void run(() => api.lockDiscussion(itemId, !thread.locked))}>
                {thread.locked ? t('discussionUnlock') : t('discussionLock')}
              </button>
            </p>
          )}
          {thread.canPost ? (
            <form className="stack-form dispute-form" onSubmit={post}>
              <label>
                {t('discussionYourPost')}
                <textarea rows={3} maxLength={2000} required value={body} onChange={(e) => setBody(e.target.value)} />
              </label>
              <button type="submit">{t('discussionPost')}</button>
            </form>
          ) : (
            <p className="hint">{t('discussionLocked')}</p>
          )}
        </>
      )}
      <FormMessage message={message} />
    </details>
  );
}
