import { useState, type FormEvent } from 'react';
import type { ItemReview } from '../../../src/core/api/contracts.ts';
import { api, ApiRequestError } from '../api/api-client.ts';
import { FormMessage } from '../form-message.tsx';
import { useI18n } from '../i18n/i18n-context.tsx';

const letter = (i: number) => String.fromCharCode(65 + i);

/**
 * "Dispute this key", under a revealed question: the option(s) the candidate believes right (a choice
 * question), why, and an AWS page. An author answers; an accepted dispute re-scores the report.
 */
export function DisputeForm({ attemptId, review }: { attemptId: string; review: ItemReview }) {
  const { t } = useI18n();
  const choice = review.type === 'single' || review.type === 'multiple';
  const keys = review.options?.filter((o) => o.correct).length ?? 0;
  const [proposed, setProposed] = useState<string[]>([]);
  const [reason, setReason] = useState('');
  const [link, setLink] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [sent, setSent] = useState(false);
  const toggle = (id: string) => setProposed(review.type === 'single' ? [id] : proposed.includes(id) ? proposed.filter((x) => x !== id) : [...proposed, id]);
  const send = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await api.dispute(attemptId, review.position, { proposed, reason, link: link.trim() || null });
      setSent(true);
      setMessage({ ok: true, text: t('disputeSent') });
    } catch (err) {
      setMessage({ ok: false, text: err instanceof ApiRequestError ? err.message : String(err) });
    }
  };
  return (
    <details className="dispute">
      <summary>{t('disputeOpen')}</summary>
      {sent ? (
        <FormMessage message={message} />
      ) : (
        <form className="stack-form dispute-form" onSubmit={(e) => void send(e)}>
          {choice && review.options && (
            <fieldset>
              <legend>{keys > 1 ? t('disputeWhichN', { n: keys }) : t('disputeWhich')}</legend>
              {review.options.map((o, i) => (
                <label key={o.id} className="check">
                  <input type={review.type === 'single' ? 'radio' : 'checkbox'} name={`dispute-${review.position}`} checked={proposed.includes(o.id)} onChange={() => toggle(o.id)} /> <strong>{letter(i)}.</strong> <span lang="en">{o.text}</span>
                </label>
              ))}
            </fieldset>
          )}
          <label>
            {t('disputeWhy')}
            <textarea rows={4} minLength={20} maxLength={4000} required value={reason} onChange={(e) => setReason(e.target.value)} />
          </label>
          <label>
            {t('disputeLink')}
            <input type="url" placeholder="https://docs.aws.amazon.com/…" value={link} onChange={(e) => setLink(e.target.value)} />
          </label>
          <button type="submit">{t('disputeSend')}</button>
          <FormMessage message={message} />
        </form>
      )}
    </details>
  );
}
