import { useEffect, useState } from 'react';
import type { CohortItems } from '../../../src/core/api/contracts.ts';
import { api } from '../api/api-client.ts';
import { useI18n } from '../i18n/i18n-context.tsx';

/** How many questions the panel lists: the cohort's shared mistakes and hardest questions come first. */
const SHOWN = 10;

/**
 * Item analysis for the tutor: the questions the cohort met, a wrong option many of them chose first
 * (a misconception to address in class), each with its share right, its discrimination and each
 * option's share, written out; the bars only repeat the figures.
 */
export function CohortItemsPanel({ cohortId, version }: { cohortId: string; version: number }) {
  const { t } = useI18n();
  const [data, setData] = useState<CohortItems | null>(null);
  useEffect(() => {
    api.cohortItems(cohortId).then(setData, () => setData(null));
  }, [cohortId, version]);
  if (!data || data.items.length === 0) return null;
  const pct = (x: number) => Math.round(x * 100);
  return (
    <section className="panel" aria-labelledby="items-title" data-testid="cohort-items">
      <h2 id="items-title">{t('cohortItemsTitle')}</h2>
      <p className="subtle small">{t('cohortItemsCaption')}</p>
      <ol className="cohort-items">
        {data.items.slice(0, SHOWN).map((item) => (
          <li key={item.id} data-item={item.id}>
            <p>
              <strong>{item.id}</strong> {item.stem.length > 220 ? `${item.stem.slice(0, 219)}…` : item.stem}
            </p>
            <p className="subtle small">
              {t('cohortItemStats', { pct: pct(item.p), n: item.responses, r: item.pointBiserial === null ? '–' : item.pointBiserial.toFixed(2) })}
              {item.sharedMistake && <span className="badge ko">{t('cohortSharedMistake', { option: item.sharedMistake })}</span>}
            </p>
            <ul className="bars option-rates">
              {item.options.map((o) => (
                <li key={o.id}>
                  <div className="bar-label">
                    <span>
                      {o.id}. {o.text} {o.correct && <span className="badge ok">{t('cohortKey')}</span>}
                    </span>
                    <span className="subtle">{pct(o.rate)}%</span>
                  </div>
                  <div className="bar" aria-hidden="true">
                    <div className={`bar-fill${o.correct ? '' : ' low'}`} style={{ width: `${pct(o.rate)}%` }} />
                  </div>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </section>
  );
}
