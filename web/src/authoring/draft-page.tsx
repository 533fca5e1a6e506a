import { useEffect, useState } from 'react';
import type { DraftView } from '../../../src/core/api/contracts.ts';
import { api, ApiRequestError } from '../api/api-client.ts';
import { useApiLoad } from '../api/use-api-load.ts';
import { ErrorPanel } from '../error-panel.tsx';
import { ItemView } from '../exam/item-view.tsx';
import { FormMessage } from '../form-message.tsx';
import { useI18n } from '../i18n/i18n-context.tsx';
import { routeHref } from '../routing/use-hash-route.ts';
import { useDocumentTitle } from '../use-document-title.ts';

/**
 * One draft: the item as the content files' YAML, what the validator and the linter say of it (line and
 * column in the draft), the preview as a candidate sees it, the diff with the version it edits, the item's
 * statistics; its author checks and sends it for review, a second author approves or sends it back.
 */
export function DraftPage({ draftId }: { draftId: string }) {
  const { t } = useI18n();
  const { data: draft, error, reload, setData } = useApiLoad(() => api.draft(draftId), draftId);
  const [yaml, setYaml] = useState('');
  const [note, setNote] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  useDocumentTitle(draft ? t('draftTitle', { id: draft.itemId }) : t('loading'));
  useEffect(() => {
    if (draft) setYaml(draft.yaml);
  }, [draft?.id]); // eslint-disable-line react-hooks/exhaustive-deps -- the text is the author's once loaded
  if (error) return <ErrorPanel error={error} onRetry={reload} />;
  if (!draft) return <p role="status">{t('loading')}</p>;
  const act = async (call: () => Promise<DraftView>, ok: string) => {
    try {
      setData(await call());
      setMessage({ ok: true, text: ok });
    } catch (err) {
      setMessage({ ok: false, text: err instanceof ApiRequestError ? err.message : String(err) });
    }
  };
  const editable = draft.mine && draft.status === 'draft';
  const errors = draft.problems.filter((p) => p.severity === 'error');
  const warnings = draft.problems.filter((p) => p.severity === 'warning');
  return (
    <article className="draft-page">
      <section className="panel" aria-labelledby="draft-title">
        <p>
          <a href={routeHref({ page: 'authoring' })}>{t('authoringTitle')}</a>
        </p>
        <h1 id="draft-title">{t('draftTitle', { id: draft.itemId })}</h1>
        <p data-testid="draft-status">
          {t(draft.status === 'review' ? 'draftStatusReview' : draft.status === 'published' ? 'draftStatusPublished' : 'draftStatusDraft')}
          {draft.author && <> · {t('draftBy', { name: draft.author })}</>}
          {draft.stats && <> · {draft.stats.shareRight === null ? t('disputeNoStats') : t('disputeStats', { n: draft.stats.responses, pct: Math.round(draft.stats.shareRight * 100) })}</>}
          {draft.stats?.calibrated && ` · a = ${draft.stats.calibrated.a.toFixed(2)}, d = ${draft.stats.calibrated.d.toFixed(2)}`}
        </p>
        {draft.reviewNote && (
          <p className="form-error" role="note">
            {t('draftReviewNote', { note: draft.reviewNote })}
          </p>
        )}
        <label htmlFor="draft-yaml">{t('draftYaml')}</label>
        <textarea id="draft-yaml" className="yaml-editor" spellCheck={false} rows={24} value={yaml} readOnly={!editable} onChange={(e) => setYaml(e.target.value)} aria-describedby="draft-findings" />
        <p className="button-row">
          {editable && (
            <>
              <button type="button" onClick={() => void act(() => api.saveDraft(draft.id, yaml), t('draftSaved'))}>
                {t('draftCheck')}
              </button>
              <button type="button" className="primary" disabled={yaml !== draft.yaml || errors.length > 0} onClick={() => void act(() => api.submitDraft(draft.id), t('draftSubmitted'))}>
                {t('draftSubmit')}
              </button>
            </>
          )}
        </p>
        <FormMessage message={message} />
        <div id="draft-findings" data-testid="draft-findings">
          <h2>{t('draftFindings', { errors: t('countErrors', { n: errors.length }), warnings: t('countWarnings', { n: warnings.length }) })}</h2>
          <ul>
            {draft.problems.map((p, i) => (
              <li key={i} className={p.severity === 'error' ? 'form-error' : ''}>
                <code>
                  draft.yaml:{p.line}:{p.column}
                </code>{' '}
                {p.severity} {p.message}
              </li>
            ))}
          </ul>
        </div>
      </section>
      {draft.status === 'review' && !draft.mine && (
        <section className="panel" aria-labelledby="draft-review">
          <h2 id="draft-review">{t('draftReviewTitle')}</h2>
          <label>
            {t('draftReviewNoteLabel')}
            <textarea rows={3} value={note} onChange={(e) => setNote(e.target.value)} />
          </label>
          <p className="button-row">
            <button type="button" className="primary" onClick={() => void act(() => api.reviewDraft(draft.id, true, note), t('draftPublished'))}>
              {t('draftApprove')}
            </button>
            <button type="button" onClick={() => void act(() => api.reviewDraft(draft.id, false, note), t('draftSentBack'))}>
              {t('draftSendBack')}
            </button>
          </p>
        </section>
      )}
      <section className="panel" aria-labelledby="draft-preview">
        <h2 id="draft-preview">{t('draftPreview')}</h2>
        {draft.preview.length === 0 && <p className="hint">{t('draftNoPreview')}</p>}
        {draft.preview.map((item, i) => (
          <ItemView key={`${draft.updatedAt}-${i}`} item={item} number={i + 1} total={draft.preview.length} state={{ answer: null, flagged: false, struck: [] }} locked={false} review={undefined} onChange={() => undefined} />
        ))}
      </section>
      {!draft.isNew && (
        <section className="panel" aria-labelledby="draft-diff">
          <h2 id="draft-diff">{t('draftDiff')}</h2>
          <pre className="diff">
            {draft.diff
              .filter((l) => l.op !== 'same')
              .map((l, i) => (
                <span key={i} className={`diff-${l.op}`}>
                  {l.op === 'added' ? '+ ' : '- '}
                  {l.text}
                  {'\n'}
                </span>
              ))}
          </pre>
          {draft.diff.every((l) => l.op === 'same') && <p className="hint">{t('draftNoChange')}</p>}
        </section>
      )}
    </article>
  );
}
