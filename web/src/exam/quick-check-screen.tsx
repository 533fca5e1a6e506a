import { useEffect, useRef } from 'react';
import { useI18n } from '../i18n/i18n-context.tsx';
import { useDocumentTitle } from '../use-document-title.ts';
import { isAnswered } from './answer-state.ts';
import { ItemView } from './item-view.tsx';
import { quickStep } from './quick-step.ts';
import { SaveAnnouncer } from './save-announcer.tsx';
import type { AttemptState } from './use-attempt.ts';

/**
 * The adaptive quick check: one item at a time, always the latest the server chose. There is no
 * going back: the server picks each item from the answers already given, so changing one would
 * make the items after it the wrong ones. "Next" waits for the answer's save to be acknowledged
 * before asking for the next item; on the last item the button submits for the result.
 */
export function QuickCheckScreen({ a }: { a: AttemptState }) {
  const { t } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  const items = a.view?.items ?? [];
  const current = items[items.length - 1];
  const total = Math.max(a.view?.target ?? items.length, items.length);
  const number = items.length;
  useDocumentTitle(`${t('questionOf', { i: number, n: total })} — ${t('examTitleQuick')}`);

  // A new item puts focus on its heading, so screen readers start reading at the question.
  useEffect(() => {
    heading.current?.focus();
  }, [number]);

  const { showQuestion } = a;
  const shownPosition = current?.position ?? null;
  useEffect(() => showQuestion(shownPosition), [showQuestion, shownPosition]);

  if (!a.view || !current) return <p role="status">{t('loading')}</p>;

  const state = a.states[current.position] ?? { answer: null, flagged: false, struck: [] };
  const answered = isAnswered(current, state.answer);
  const step = quickStep(items.length, a.view.target, a.complete);
  const busy = a.advancing || a.submitting;
  const statusText = a.status === 'saved' ? t('saved') : a.status === 'saving' ? t('saving') : a.status === 'retrying' ? t('notSaved') : t('notSavedShort');

  return (
    <div className="exam quick">
      <div className="exam-bar">
        <h1 className="exam-title">{t('examTitleQuick')}</h1>
        <p className="exam-progress">{t('questionOf', { i: number, n: total })}</p>
        <p className="timer">{t('untimed')}</p>
        <p className={`save-status ${a.status}`} data-testid="save-status">
          {statusText}
        </p>
        <SaveAnnouncer status={a.status} />
      </div>
      <div className="quick-progress" aria-hidden="true">
        <div className="quick-progress-fill" style={{ width: `${(number / total) * 100}%` }} />
      </div>
      {a.notice && (
        <p className="notice" role="alert">
          {a.notice}
        </p>
      )}
      {a.complete && (
        <p className="info" role="status">
          {t('quickNoMoreItems')}
        </p>
      )}
      <p className="hint">{t('quickNoGoingBack')}</p>
      <ItemView
        ref={heading}
        item={current}
        number={number}
        total={total}
        state={state}
        // While the answer is being saved and the next item chosen, the answer must not change.
        locked={busy}
        review={undefined}
        onChange={(next) => a.update(current.position, next)}
      />
      <div className="item-actions quick-actions">
        <p className="hint" id="quick-next-hint">
          {answered ? '' : t('quickUnanswered')}
        </p>
        {step === 'next' ? (
          <button type="button" className="primary" aria-describedby="quick-next-hint" disabled={busy} onClick={() => void a.advance()}>
            {a.advancing ? t('quickChoosing') : `${t('next')} →`}
          </button>
        ) : (
          <button type="button" className="primary" aria-describedby="quick-next-hint" disabled={busy} onClick={() => void a.submit()}>
            {a.submitting ? t('submitting') : t('quickSeeResult')}
          </button>
        )}
      </div>
    </div>
  );
}
