import type { PresentedItem } from '../../../src/core/api/contracts.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import type { AnswerStatus } from './answer-state.ts';

export interface NavEntry {
  item: PresentedItem;
  status: AnswerStatus;
  flagged: boolean;
}

/** An entry's answer state in words: "answered", "unanswered" or "incomplete: 1 of 2 chosen". */
export function useStatusText(): (status: AnswerStatus) => string {
  const { t } = useI18n();
  return (status) =>
    status.state === 'answered' ? t('navAnswered') : status.state === 'incomplete' ? t('navIncomplete', { chosen: status.chosen, needed: status.needed }) : t('navUnanswered');
}

/**
 * The question grid: every item's state is said in words (for screen readers) and shown by fill
 * (answered), a half mark (incomplete), a flag mark (flagged) and a thick outline (current), never by colour alone.
 */
export function ExamNavigator({ entries, current, onGo }: { entries: NavEntry[]; current: number; onGo: (index: number) => void }) {
  const { t } = useI18n();
  const statusText = useStatusText();
  return (
    <nav className="navigator" aria-labelledby="nav-title">
      <h2 id="nav-title" className="nav-title">{t('navigator')}</h2>
      <ol className="nav-grid">
        {entries.map((e, i) => {
          const states = [statusText(e.status), e.flagged ? t('navFlagged') : null, i === current ? t('navCurrent') : null].filter(Boolean);
          return (
            <li key={e.item.position}>
              <button
                type="button"
                className={`nav-cell ${e.status.state}${e.flagged ? ' flagged' : ''}${i === current ? ' current' : ''}`}
                aria-current={i === current ? 'step' : undefined}
                aria-label={`${t('goToQuestion', { i: i + 1 })}: ${states.join(', ')}`}
                onClick={() => onGo(i)}
              >
                {i + 1}
                {e.status.state === 'incomplete' && <span className="incomplete-mark" aria-hidden="true">½</span>}
                {e.flagged && <span className="flag-mark" aria-hidden="true">⚑</span>}
              </button>
            </li>
          );
        })}
      </ol>
      <p className="nav-legend" aria-hidden="true">
        <span className="nav-cell answered sample">1</span> {t('navAnswered')} <span className="nav-cell incomplete sample">2<span className="incomplete-mark">½</span></span> {t('navIncompleteLegend')}{' '}
        <span className="nav-cell sample">3</span> {t('navUnanswered')}{' '}
        <span className="nav-cell flagged sample">4<span className="flag-mark">⚑</span></span> {t('navFlagged')}
      </p>
    </nav>
  );
}
