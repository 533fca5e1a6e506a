import { api } from '../api/api-client.ts';
import { useApiLoad } from '../api/use-api-load.ts';
import { formatMoment } from '../format-moment.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { routeHref } from '../routing/use-hash-route.ts';

/** On the dashboard: reports re-scored after a corrected key (score before and after), and the answers to the candidate's disputes. */
export function NoticesPanel() {
  const { t, locale } = useI18n();
  const { data, setData } = useApiLoad(() => api.notices(), 'notices');
  if (!data) return null;
  const fresh = data.notices.filter((n) => !n.seen);
  const answered = data.disputes.filter((d) => d.status !== 'open');
  const open = data.disputes.filter((d) => d.status === 'open');
  if (fresh.length === 0 && data.disputes.length === 0) return null;
  const score = (s: { raw: number; scoredItems: number; scaled: number | null }) => (s.scaled !== null ? String(s.scaled) : `${s.raw}/${s.scoredItems}`);
  const dismiss = () => void api.noticesSeen().then(() => setData({ ...data, notices: data.notices.map((n) => ({ ...n, seen: true })) }));
  return (
    <section className="panel" aria-labelledby="notices-title" data-testid="notices">
      <h2 id="notices-title">{t('noticesTitle')}</h2>
      {fresh.length > 0 && (
        <>
          <ul>
            {fresh.map((n) => (
              <li key={`${n.attemptId}-${n.itemId}`}>
                {t('noticeRescored', { date: formatMoment(n.date, locale), id: n.itemId, before: score(n.before), after: score(n.after) })} <span lang="en">{n.summary}</span> <a href={routeHref({ page: 'report', id: n.attemptId })}>{t('noticeOpenReport')}</a>
              </li>
            ))}
          </ul>
          <button type="button" className="small-button" onClick={dismiss}>
            {t('noticesDismiss')}
          </button>
        </>
      )}
      {data.disputes.length > 0 && (
        <details>
          <summary>{t('myDisputes', { open: open.length, answered: answered.length })}</summary>
          <ul>
            {data.disputes.map((d) => (
              <li key={d.id}>
                <strong>{d.itemId}</strong> — {t(d.status === 'open' ? 'disputeStatusOpen' : d.status === 'accepted' ? 'disputeStatusAccepted' : 'disputeStatusRejected')}
                {d.resolution && (
                  <>
                    {t('colon')}
                    <span lang="en">{d.resolution}</span>
                  </>
                )}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
