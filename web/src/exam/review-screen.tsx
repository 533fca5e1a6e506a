import { useEffect, useRef } from 'react';
import { useI18n } from '../i18n/i18n-context.tsx';
import { useStatusText, type NavEntry } from './exam-navigator.tsx';

export type WalkKind = 'all' | 'incomplete' | 'unanswered' | 'flagged';

/**
 * Before submitting: the incomplete, the unanswered and the flagged items, each a link back to the
 * item, and the test driver's review walks (all, incomplete, unanswered, flagged), one question at a time.
 */
export function ReviewScreen({ entries, onGo, onBack, onSubmit, onWalk }: { entries: NavEntry[]; onGo: (index: number) => void; onBack: () => void; onSubmit: () => void; onWalk: (kind: WalkKind, indices: number[]) => void }) {
  const { t } = useI18n();
  const statusText = useStatusText();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const indexed = entries.map((e, i) => ({ ...e, index: i }));
  const incomplete = indexed.filter((e) => e.status.state === 'incomplete');
  const unanswered = indexed.filter((e) => e.status.state === 'unanswered');
  const flagged = indexed.filter((e) => e.flagged);
  const list = (items: typeof indexed) => (
    <ul className="review-links">
      {items.map((e) => (
        <li key={e.item.position}>
          <a
            href={`#q${e.index + 1}`}
            onClick={(ev) => {
              ev.preventDefault();
              onGo(e.index);
            }}
          >
            {t('goToQuestion', { i: e.index + 1 })}
          </a>
          {e.status.state === 'incomplete' && <strong> ({statusText(e.status)})</strong>}
          <span className="subtle"> — {e.item.stem.length > 90 ? `${e.item.stem.slice(0, 90)}…` : e.item.stem}</span>
        </li>
      ))}
    </ul>
  );
  return (
    <section className="panel review-screen" aria-labelledby="review-screen-title">
      <h2 id="review-screen-title" ref={heading} tabIndex={-1}>
        {t('reviewScreen')}
      </h2>
      <p>{t('reviewIntro')}</p>
      <p className="walk-buttons">
        {(
          [
            ['all', indexed],
            ['incomplete', incomplete],
            ['unanswered', unanswered],
            ['flagged', flagged],
          ] as const
        ).map(([kind, list]) => (
          <button key={kind} type="button" disabled={list.length === 0} onClick={() => onWalk(kind, list.map((e) => e.index))}>
            {t(`walkStart_${kind}`, { n: list.length })}
          </button>
        ))}
      </p>
      {incomplete.length > 0 && (
        <>
          <h3>{t('incompleteList', { n: incomplete.length })}</h3>
          <p className="warn-text">{t('incompleteExplain')}</p>
          {list(incomplete)}
        </>
      )}
      <h3>{t('unansweredList', { n: unanswered.length })}</h3>
      {unanswered.length ? list(unanswered) : <p className="subtle">{t('noneUnanswered')}</p>}
      <h3>{t('flaggedList', { n: flagged.length })}</h3>
      {flagged.length ? list(flagged) : <p className="subtle">{t('noneFlagged')}</p>}
      <p className="actions">
        <button type="button" onClick={onBack}>
          {t('backToQuestion')}
        </button>
        <button type="button" className="primary" onClick={onSubmit}>
          {t('submitExam')}
        </button>
      </p>
    </section>
  );
}
