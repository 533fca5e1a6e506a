import type { PresentedItem } from '../../../src/core/api/contracts.ts';
import { useI18n } from '../i18n/i18n-context.tsx';

export interface NavEntry {
  item: PresentedItem;
  answered: boolean;
  flagged: boolean;
}

/**
 * The question grid: every item's state is said in words (for screen readers) and shown by fill
 * (answered), a flag mark (flagged) and a thick outline (current), never by colour alone.
 */
export function ExamNavigator({ entries, current, onGo }: { entries: NavEntry[]; current: number; onGo: (index: number) => void }) {
  const { t } = useI18n();
  return (
    <nav className="navigator" aria-labelledby="nav-title">
      <h2 id="nav-title" className="nav-title">{t('navigator')}</h2>
      <ol className="nav-grid">
        {entries.map((e, i) => {
          const states = [e.answered ? t('navAnswered') : t('navUnanswered'), e.flagged ? t('navFlagged') : null, i === current ? t('navCurrent') : null].filter(Boolean);
          return (
            <li key={e.item.position}>
              <button
                type="button"
                className={`nav-cell${e.answered ? ' answered' : ''}${e.flagged ? ' flagged' : ''}${i === current ? ' current' : ''}`}
                aria-current={i === current ? 'step' : undefined}
                aria-label={`${t('goToQuestion', { i: i + 1 })}: ${states.join(', ')}`}
                onClick={() => onGo(i)}
              >
                {i + 1}
                {e.flagged && <span className="flag-mark" aria-hidden="true">⚑</span>}
              </button>
            </li>
          );
        })}
      </ol>
      <p className="nav-legend" aria-hidden="true">
        <span className="nav-cell answered sample">1</span> {t('navAnswered')} <span className="nav-cell sample">2</span> {t('navUnanswered')}{' '}
        <span className="nav-cell flagged sample">3<span className="flag-mark">⚑</span></span> {t('navFlagged')}
      </p>
    </nav>
  );
}
