import { useState, type FormEvent } from 'react';
import type { ExamSummary } from '../../../src/core/api/contracts.ts';
import { api, ApiRequestError } from '../api/api-client.ts';
import { useApiLoad } from '../api/use-api-load.ts';
import { ErrorPanel } from '../error-panel.tsx';
import { FormMessage } from '../form-message.tsx';
import { formatMoment } from '../format-moment.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { navigate, routeHref } from '../routing/use-hash-route.ts';
import { TableScroll } from '../table-scroll.tsx';
import { useDocumentTitle } from '../use-document-title.ts';

/** Authors' workspace: the drafts in progress and waiting for review, and a new draft (of a bank item, or a new item of a type). */
export function AuthoringPage({ exam }: { exam: ExamSummary }) {
  const { t, locale } = useI18n();
  useDocumentTitle(t('authoringTitle'));
  const { data, error, reload } = useApiLoad(() => api.drafts(), 'drafts');
  const [itemId, setItemId] = useState('');
  const [type, setType] = useState<'single' | 'multiple' | 'ordering' | 'matching'>('single');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const start = async (e: FormEvent, body: Parameters<typeof api.startDraft>[0]) => {
    e.preventDefault();
    try {
      navigate({ page: 'draft', id: (await api.startDraft(body)).id });
    } catch (err) {
      const draftId = err instanceof ApiRequestError ? (err.details as { draftId?: string } | undefined)?.draftId : undefined;
      if (draftId) navigate({ page: 'draft', id: draftId });
      else setMessage({ ok: false, text: err instanceof ApiRequestError ? err.message : String(err) });
    }
  };
  if (error) return <ErrorPanel error={error} onRetry={reload} />;
  if (!data) return <p role="status">{t('loading')}</p>;
  const status = (s: string) => t(s === 'review' ? 'draftStatusReview' : s === 'published' ? 'draftStatusPublished' : 'draftStatusDraft');
  return (
    <section className="panel" aria-labelledby="authoring-title">
      <h1 id="authoring-title">{t('authoringTitle')}</h1>
      <p>{t('authoringIntro')}</p>
      {data.length === 0 ? (
        <p>{t('authoringNone')}</p>
      ) : (
        <TableScroll label={t('authoringTitle')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('changelogItem')}</th>
                <th scope="col">{t('draftState')}</th>
                <th scope="col">{t('draftAuthor')}</th>
                <th scope="col">{t('draftUpdated')}</th>
              </tr>
            </thead>
            <tbody>
              {data.map((d) => (
                <tr key={d.id}>
                  <th scope="row">
                    <a href={routeHref({ page: 'draft', id: d.id })}>{d.itemId}</a> {d.isNew && <span className="badge neutral">{t('draftNew')}</span>}
                  </th>
                  <td>{status(d.status)}</td>
                  <td>{d.author ?? ''}</td>
                  <td>{formatMoment(d.updatedAt, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <h2>{t('draftStart')}</h2>
      <form className="inline-form" onSubmit={(e) => void start(e, { itemId: itemId.trim() })}>
        <label htmlFor="draft-item">{t('draftOfItem')}</label>
        <input id="draft-item" value={itemId} onChange={(e) => setItemId(e.target.value)} placeholder="1.1-001" required />
        <button type="submit">{t('draftEdit')}</button>
      </form>
      <form className="inline-form" onSubmit={(e) => void start(e, { type, exam: exam.id })}>
        <label htmlFor="draft-type">{t('draftNewOfType', { exam: exam.code })}</label>
        <select id="draft-type" value={type} onChange={(e) => setType(e.target.value as typeof type)}>
          {exam.mockTypes
            .filter((m): m is typeof type => m !== 'case')
            .map((m) => (
              <option key={m} value={m}>
                {t(m === 'single' ? 'typeSingle' : m === 'multiple' ? 'typeMultiple' : m === 'ordering' ? 'typeOrdering' : 'typeMatching')}
              </option>
            ))}
        </select>
        <button type="submit">{t('draftCreate')}</button>
      </form>
      <FormMessage message={message} />
    </section>
  );
}
