import { forwardRef } from 'react';
import type { ItemReview, PresentedItem } from '../../../src/core/api/contracts.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { Prose } from '../prose.tsx';
import { ItemReviewView } from '../report/item-review-view.tsx';
import { ChoiceItem } from './choice-item.tsx';
import { MatchingItem } from './matching-item.tsx';
import { OrderingItem } from './ordering-item.tsx';
import type { ItemState } from './save-queue.ts';

interface Props {
  item: PresentedItem;
  /** 1-based place of the item in the attempt, for "Question i of n". */
  number: number;
  total: number;
  state: ItemState;
  locked: boolean;
  review: ItemReview | undefined;
  /** Practice: a note that this kind of question is not on the attempt's exam version. */
  note?: string | null | undefined;
  onChange: (s: ItemState) => void;
  /** Phone: the case scenario folds after the case's first question. */
  foldCase?: boolean;
}

/** One item: the case-study scenario when there is one, the stem, the answer controls, feedback. */
export const ItemView = forwardRef<HTMLHeadingElement, Props>(function ItemView({ item, number, total, state, locked, review, note, foldCase, onChange }, heading) {
  const { t } = useI18n();
  const stemId = `stem-${item.position}`;
  const controls = { item, state, locked, stemId, onChange };
  return (
    <article className={`item${item.caseStudy ? " with-case" : ""}`} data-type={item.type} aria-labelledby={`q-${item.position}`}>
      {item.caseStudy && (
        <section className="case-study" aria-labelledby={`case-${item.position}`} tabIndex={0}>
          <h3 id={`case-${item.position}`}>
            {t('caseStudy')}
            {t('colon')}
            <span lang="en">{item.caseStudy.title}</span>
          </h3>
          <p className="case-progress">{t('caseQuestionOf', { i: item.caseStudy.index, n: item.caseStudy.count })}</p>
          {foldCase ? (
            // On a phone the scenario shows in full with the case's first question, then folds.
            <details className="scenario-fold" open={item.caseStudy.index === 1} key={item.position}>
              <summary>{t('scenarioFold')}</summary>
              <Prose className="scenario" text={item.caseStudy.scenario} />
            </details>
          ) : (
            <Prose className="scenario" text={item.caseStudy.scenario} />
          )}
        </section>
      )}
      <div className="question">
        <h2 id={`q-${item.position}`} ref={heading} tabIndex={-1} className="question-heading">
          {t('questionOf', { i: number, n: total })}
        </h2>
        {note && (
          <p className="practice-note" role="note" data-testid="not-on-exam">
            {note}
          </p>
        )}
        <Prose
          id={stemId}
          className="stem"
          text={item.type === 'multiple' && !/select\s+\w+\.?\)?\s*$/i.test(item.stem) ? `${item.stem} ${t('selectN', { n: item.select ?? 2 })}` : item.stem}
        />
        {/* Keyed by question: state of one question's controls (the strike-out Tab stop, a refusal note) never carries to the next. */}
        {(item.type === 'single' || item.type === 'multiple') && <ChoiceItem key={item.position} {...controls} />}
        {item.type === 'ordering' && <OrderingItem key={item.position} {...controls} />}
        {item.type === 'matching' && <MatchingItem key={item.position} {...controls} />}
        {review && (
          <section className="feedback" aria-label={t('check')}>
            <ItemReviewView review={review} />
          </section>
        )}
      </div>
    </article>
  );
});
