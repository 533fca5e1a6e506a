import type { ItemReview } from '../../../src/core/api/contracts.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { ReviewActions } from './review-actions.tsx';
import { Prose } from '../prose.tsx';

const letter = (i: number) => String.fromCharCode(65 + i);

/**
 * The review of one item: correct or not, the candidate's answer beside the key, why each option
 * is right or wrong, the explanation and its references. Shown after "Check" in practice and in
 * the score report, with the way to dispute the key (given the attempt).
 */
export function ItemReviewView({ review, attemptId }: { review: ItemReview; attemptId?: string | undefined }) {
  const { t } = useI18n();
  const verdict = !review.answered ? t('notAnswered') : review.correct ? t('correct') : t('incorrect');
  return (
    <div className={`review ${review.correct ? 'is-correct' : 'is-incorrect'}`}>
      <p className="verdict">
        <span className={`badge ${review.correct ? 'ok' : 'ko'}`}>{review.correct ? '✓' : '✗'} {verdict}</span>
        {!review.scored && <span className="badge neutral">{t('unscored')}</span>}
      </p>
      {review.options && (
        <ul className="review-options">
          {review.options.map((o, i) => (
            <li key={o.id} className={`${o.correct ? 'key' : ''}${o.chosen ? ' chosen' : ''}`}>
              <p>
                <strong>{letter(i)}.</strong> <span lang="en">{o.text}</span>{' '}
                {o.correct && <span className="badge ok">{t('keyMark')}</span>}{' '}
                {o.chosen && <span className="badge neutral">{t('chosen')}</span>}
              </p>
              {o.why && (
                <p className="why">
                  <span className="why-label">
                    {t('rationale')}
                    {t('colon').trimEnd()}
                  </span> <span lang="en">{o.why}</span>
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
      {review.steps && (
        <div className="review-order">
          <div>
            <h4>{t('correctOrder')}</h4>
            <ol>
              {review.steps.map((s) => (
                <li key={s.id}>
                  <span lang="en">{s.text}</span>
                  {s.why && (
                    <p className="why" lang="en">
                      {s.why}
                    </p>
                  )}
                </li>
              ))}
            </ol>
          </div>
          <div>
            <h4>{t('yourOrder')}</h4>
            {review.chosenOrder && review.chosenOrder.length > 0 ? (
              <ol>
                {review.chosenOrder.map((id) => (
                  <li key={id} lang="en">
                    {review.steps?.find((s) => s.id === id)?.text ?? id}
                  </li>
                ))}
              </ol>
            ) : (
              <p>{t('notAnswered')}</p>
            )}
          </div>
        </div>
      )}
      {review.pairs && (
        <div className="table-scroll">
          <table className="review-pairs">
            <thead>
              <tr>
                <th scope="col">{t('prompt')}</th>
                <th scope="col">{t('rightResponse')}</th>
                <th scope="col">{t('yourResponse')}</th>
              </tr>
            </thead>
            <tbody>
              {review.pairs.map((p) => (
                <tr key={p.prompt} className={p.correct ? 'ok' : 'ko'}>
                  <th scope="row" lang="en">
                    {p.prompt}
                    {p.why && <p className="why">{p.why}</p>}
                  </th>
                  <td lang="en">{p.response}</td>
                  <td>
                    {p.correct ? '✓ ' : '✗ '}
                    {p.chosen ? <span lang="en">{p.chosen}</span> : t('notAnswered')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {review.explanation && (
        <div className="explanation">
          <h4>{t('explanation')}</h4>
          <Prose text={review.explanation} />
        </div>
      )}
      {review.references.length > 0 && (
        <div className="references">
          <h4>{t('references')}</h4>
          <ul>
            {review.references.map((r) => (
              <li key={r}>
                <a href={r} target="_blank" rel="noreferrer noopener">
                  {r}
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}
      {attemptId && <ReviewActions attemptId={attemptId} review={review} />}
    </div>
  );
}
