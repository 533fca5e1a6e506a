import type { Progress } from '../../../src/core/api/contracts.ts';
import { formatDuration } from '../i18n/duration.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { ChartTable } from './chart-table.tsx';

const W = 320;
const H = 120;
const BAR_GAP = 6;
const BOTTOM = 18;

/**
 * Study time per week (time on questions, the last eight weeks) as small SVG bars with the week's
 * figure as a table beneath for screen readers and anyone who prefers numbers.
 */
export function StudyTime({ weeks }: { weeks: Progress['studyWeeks'] }) {
  const { t, locale } = useI18n();
  if (weeks.length === 0) return null;
  const dateFormat = new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
  const label = (weekStart: string) => dateFormat.format(new Date(`${weekStart}T00:00:00Z`));
  const max = Math.max(...weeks.map((w) => w.ms));
  const barW = (W - BAR_GAP * (weeks.length - 1)) / weeks.length;
  const current = weeks[weeks.length - 1]!;
  return (
    <section className="panel" aria-labelledby="study-time-title" data-testid="study-time">
      <h2 id="study-time-title">{t('studyTimeTitle')}</h2>
      {max === 0 ? (
        <p className="subtle">{t('studyTimeNone', { n: weeks.length })}</p>
      ) : (
        <>
          <figure className="chart">
            <svg viewBox={`0 0 ${W} ${H}`} width={W} height={H} role="img" aria-labelledby="study-time-caption" className="study-chart">
              <line x1={0} x2={W} y1={H - BOTTOM} y2={H - BOTTOM} className="grid" />
              {weeks.map((w, i) => {
                const h = max ? ((H - BOTTOM - 14) * w.ms) / max : 0;
                const x = i * (barW + BAR_GAP);
                return (
                  <g key={w.weekStart}>
                    <rect x={x} y={H - BOTTOM - h} width={barW} height={h} className={i === weeks.length - 1 ? 'study-bar current' : 'study-bar'} />
                    {(i === 0 || i === weeks.length - 1) && (
                      <text x={i === 0 ? x : x + barW} y={H - 4} textAnchor={i === 0 ? 'start' : 'end'} className="axis">
                        {label(w.weekStart)}
                      </text>
                    )}
                  </g>
                );
              })}
            </svg>
            <figcaption id="study-time-caption">{t('studyTimeCaption', { n: weeks.length, current: formatDuration(current.ms) })}</figcaption>
          </figure>
          <ChartTable columns={[t('trendDate'), t('colTime')]} rows={weeks.map((w) => ({ key: w.weekStart, cells: [t('weekOf', { date: label(w.weekStart) }), formatDuration(w.ms)] }))} />
        </>
      )}
    </section>
  );
}
