import { useCallback, useEffect, useRef, useState } from 'react';
import type { ExamSummary, FlashCardView } from '../../../src/core/api/contracts.ts';
import { CARD_RATING_VALUES } from '../../../src/core/api/contracts.ts';
import { api, ApiRequestError } from '../api/api-client.ts';
import { ErrorPanel } from '../error-panel.tsx';
import { useI18n } from '../i18n/i18n-context.tsx';
import { routeHref } from '../routing/use-hash-route.ts';
import { useDocumentTitle } from '../use-document-title.ts';
import { untilText } from './until-text.ts';

type Rating = (typeof CARD_RATING_VALUES)[number];

/**
 * Today's flash cards, one at a time: the question, "Show the answer", then the four ratings (Again,
 * Hard, Good, Easy, each with when the card comes back; keys 1–4), as in Anki. The answer's source
 * links to the AWS page.
 */
export function CardsPage({ exam }: { exam: ExamSummary }) {
  const { t, locale } = useI18n();
  const [cards, setCards] = useState<FlashCardView[] | null>(null);
  const [index, setIndex] = useState(0);
  const [shown, setShown] = useState(false);
  const [error, setError] = useState<ApiRequestError | null>(null);
  const [saving, setSaving] = useState(false);
  const focus = useRef<HTMLElement>(null);
  useDocumentTitle(t('flashCards'));

  const load = useCallback(() => {
    setError(null);
    api.dueCards(exam.id).then(
      (c) => {
        setCards(c);
        setIndex(0);
        setShown(false);
      },
      (e: unknown) => setError(e instanceof ApiRequestError ? e : new ApiRequestError(0, 'network', String(e))),
    );
  }, [exam.id]);
  useEffect(load, [load]);
  useEffect(() => focus.current?.focus(), [index, shown, cards]);

  const card = cards?.[index];
  const rate = useCallback(
    async (rating: Rating) => {
      if (!card || saving) return;
      setSaving(true);
      try {
        await api.rateCard(card.id, exam.id, rating);
        setIndex((i) => i + 1);
        setShown(false);
      } catch (e) {
        setError(e instanceof ApiRequestError ? e : new ApiRequestError(0, 'network', String(e)));
      } finally {
        setSaving(false);
      }
    },
    [card, exam.id, saving],
  );
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey || !card) return;
      const target = e.target as HTMLElement | null;
      if (target && ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)) return;
      if (!shown && (e.key === ' ' || e.key === 'Enter') && target?.tagName !== 'BUTTON' && target?.tagName !== 'A') {
        e.preventDefault();
        setShown(true);
      } else if (shown && ['1', '2', '3', '4'].includes(e.key)) {
        e.preventDefault();
        void rate(CARD_RATING_VALUES[Number(e.key) - 1]!);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [card, shown, rate]);

  if (error) return <ErrorPanel error={error} onRetry={load} />;
  if (!cards) return <p role="status">{t('loading')}</p>;
  const now = Date.now();
  return (
    <div className="cards-page">
      <p className="breadcrumb">
        <a href={routeHref({ page: 'study' })}>{t('studyPath')}</a> › {t('flashCards')}
      </p>
      <h1>
        {t('flashCards')} <span className="subtle">— {exam.code}</span>
      </h1>
      {!card ? (
        <section className="panel" data-testid="cards-done">
          <h2 ref={focus as React.RefObject<HTMLHeadingElement>} tabIndex={-1}>
            {cards.length ? t('cardsDoneTitle') : t('cardsNoneTitle')}
          </h2>
          <p>{cards.length ? t('cardsDoneText', { n: cards.length }) : t('cardsNoneText')}</p>
          <p>
            <a href={routeHref({ page: 'study' })}>{t('backToStudyPath')}</a>
          </p>
        </section>
      ) : (
        <section className="panel flash-card" aria-labelledby="card-front" data-testid="flash-card">
          <p className="subtle small">
            {t('cardOf', { i: index + 1, n: cards.length })} · {locale === 'fr' ? card.lesson.titleFr : card.lesson.title}
            {card.isNew && <span className="badge neutral">{t('cardNew')}</span>}
          </p>
          <h2 id="card-front" className="card-front" lang="en" ref={!shown ? (focus as React.RefObject<HTMLHeadingElement>) : undefined} tabIndex={-1}>
            {card.front}
          </h2>
          {!shown ? (
            <button type="button" className="primary" onClick={() => setShown(true)}>
              {t('showAnswer')}
            </button>
          ) : (
            <>
              <div className="card-back" ref={focus as React.RefObject<HTMLDivElement>} tabIndex={-1} aria-live="polite">
                <p lang="en">{card.back}</p>
                <p className="small">
                  <a href={card.source} target="_blank" rel="noopener noreferrer">
                    {t('cardSource')}
                  </a>
                </p>
              </div>
              <div className="card-ratings" role="group" aria-label={t('howWell')}>
                {CARD_RATING_VALUES.map((r, i) => (
                  <button key={r} type="button" className={`rating rating-${r}`} disabled={saving} onClick={() => void rate(r)} aria-keyshortcuts={String(i + 1)}>
                    <span className="rating-name">{t(`rating_${r}`)}</span>
                    <span className="rating-when">{untilText(Date.parse(card.next[r]) - now, t)}</span>
                  </button>
                ))}
              </div>
              <p className="hint">{t('ratingKeys')}</p>
            </>
          )}
        </section>
      )}
    </div>
  );
}
