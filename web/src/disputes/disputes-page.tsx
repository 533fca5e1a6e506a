import { useState, type FormEvent } from 'react';
import type { DisputeQueue, ResolveDispute } from '../../../src/core/api/contracts.ts';
import { api, ApiRequestError } from '../api/api-client.ts';
import { useApiLoad } from '../api/use-api-load.ts';
import { ErrorPanel } from '../error-panel.tsx';
import { FormMessage } from '../form-message.tsx';
import { formatMoment } from '../format-moment.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { Prose } from '../prose.tsx';
import { useDocumentTitle } from '../use-document-title.ts';

type QueueItem = DisputeQueue['items'][number];

/** An author's decision on one disputed question: a corrected key (re-scores every attempt that answered it), a rejection, or retiring it. */
function ResolveForm({ item, onDone }: { item: QueueItem; onDone: (text: string) => void }) {
  const { t } = useI18n();
  const [decision, setDecision] = useState<ResolveDispute['decision']>('reject');
  const [key, setKey] = useState(item.options.filter((o) => o.correct).map((o) => o.id));
  const [reason, setReason] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const single = item.type === 'single';
  const send = async (e: FormEvent) => {
    e.preventDefault();
    const body: ResolveDispute = decision === 'accept' ? { decision, reason, key, why: {} } : { decision, reason };
    try {
      const r = await api.resolveDispute(item.itemId, body);
      onDone(t(r.decision === 'accept' ? 'disputeAccepted' : r.decision === 'retire' ? 'disputeRetired' : 'disputeRejected', { id: item.itemId, n: r.disputes, rescored: r.rescored }));
    } catch (err) {
      setMessage({ ok: false, text: err instanceof ApiRequestError ? err.message : String(err) });
    }
  };
  return (
    <form className="stack-form dispute-form" onSubmit={(e) => void send(e)}>
      <fieldset>
        <legend>{t('disputeDecision')}</legend>
        {(['reject', 'accept', 'retire'] as const).map((d) => (
          <label key={d} className="check">
            <input type="radio" name={`decision-${item.itemId}`} checked={decision === d} onChange={() => setDecision(d)} /> {t(d === 'accept' ? 'disputeDecisionAccept' : d === 'retire' ? 'disputeDecisionRetire' : 'disputeDecisionReject')}
          </label>
        ))}
      </fieldset>
      {decision === 'accept' && item.options.length > 0 && (
        <fieldset>
          <legend>{t('disputeNewKey')}</legend>
          {item.options.map((o) => (
            <label key={o.id} className="check">
              <input type={single ? 'radio' : 'checkbox'} name={`key-${item.itemId}`} checked={key.includes(o.id)} onChange={() => setKey(single ? [o.id] : key.includes(o.id) ? key.filter((k) => k !== o.id) : [...key, o.id])} /> <span lang="en">{o.text}</span>
            </label>
          ))}
        </fieldset>
      )}
      <label>
        {t('disputeReasonLabel')}
        <textarea rows={3} minLength={10} maxLength={4000} required value={reason} onChange={(e) => setReason(e.target.value)} />
      </label>
      <button type="submit" className="primary">
        {t('disputeResolve')}
      </button>
      <FormMessage message={message} />
    </form>
  );
}

/** The authors' queue of disputed keys: per question, the question as served, who proposed what and why, its statistics, and the decision. */
export function DisputesPage() {
  const { t, locale } = useI18n();
  useDocumentTitle(t('disputesTitle'));
  const { data, error, reload } = useApiLoad(() => api.disputeQueue(), 'disputes');
  const [done, setDone] = useState<string | null>(null);
  if (error) return <ErrorPanel error={error} onRetry={reload} />;
  if (!data) return <p role="status">{t('loading')}</p>;
  return (
    <section className="panel" aria-labelledby="disputes-title">
      <h1 id="disputes-title">{t('disputesTitle')}</h1>
      <p role="status">{done ?? t('disputesWaiting', { n: data.items.length })}</p>
      {data.items.map((item) => (
        <article key={item.itemId} className="submission" aria-labelledby={`dispute-${item.itemId}`}>
          <h2 id={`dispute-${item.itemId}`}>{t('disputeItem', { id: item.itemId, n: item.disputes.length })}</h2>
          <p className="hint">
            {item.exams.join(', ')} · {item.stats.shareRight === null ? t('disputeNoStats') : t('disputeStats', { n: item.stats.responses, pct: Math.round(item.stats.shareRight * 100) })}
            {item.stats.calibrated && ` · a = ${item.stats.calibrated.a.toFixed(2)}, d = ${item.stats.calibrated.d.toFixed(2)}`}
          </p>
          <Prose className="stem" text={item.stem} />
          <ul className="review-options">
            {item.options.map((o) => (
              <li key={o.id} className={o.correct ? 'key' : ''}>
                <span lang="en">{o.text}</span> {o.correct && <span className="badge ok">{t('keyMark')}</span>} {o.proposedBy > 0 && <span className="badge neutral">{t('disputeProposedBy', { n: o.proposedBy })}</span>}
              </li>
            ))}
          </ul>
          <ul>
            {item.disputes.map((d) => (
              <li key={d.id}>
                <span className="hint">{formatMoment(d.createdAt, locale)}</span> — {d.reason}{' '}
                {d.link && (
                  <a href={d.link} target="_blank" rel="noopener noreferrer nofollow">
                    {d.link}
                  </a>
                )}
              </li>
            ))}
          </ul>
          <ResolveForm
            item={item}
            onDone={(text) => {
              setDone(text);
              reload();
            }}
          />
        </article>
      ))}
    </section>
  );
}
