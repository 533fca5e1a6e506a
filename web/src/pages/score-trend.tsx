import { useEffect, useRef, useState } from 'react';
import type { AttemptSummary } from '../../../src/core/api/contracts.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { ChartTable } from './chart-table.tsx';

const H = 220;
/** The chart is drawn at its real width (text stays readable on a phone), between these bounds. */
const MIN_W = 260;
const MAX_W = 704;
const PAD = { left: 44, right: 12, top: 12, bottom: 28 };

/**
 * Mock scores and quick-check estimates over time against the passing line, in plain SVG, with the
 * same figures as a table beneath for screen readers and for anyone who prefers numbers. Points are
 * told apart by shape as well as colour (mock: filled circle; quick check: hollow diamond).
 */
export function ScoreTrend({ attempts, passMark, scale }: { attempts: AttemptSummary[]; passMark: number; scale: { min: number; max: number } }) {
  const { t, locale } = useI18n();
  const figure = useRef<HTMLElement>(null);
  const [W, setW] = useState(640);
  useEffect(() => {
    const el = figure.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => setW(Math.max(MIN_W, Math.min(MAX_W, Math.floor(entry!.contentRect.width)))));
    observer.observe(el);
    return () => observer.disconnect();
  });
  const points = attempts
    .filter((a) => a.status === 'submitted' && a.scaled !== null && a.submittedAt !== null && (a.kind === 'mock' || a.kind === 'quick'))
    .map((a) => ({ id: a.id, kind: a.kind, scaled: a.scaled as number, at: Date.parse(a.submittedAt as string) }))
    .sort((a, b) => a.at - b.at);
  if (points.length === 0) return null;
  const dateFormat = new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { day: 'numeric', month: 'short' });
  const t0 = points[0]!.at;
  const span = Math.max(1, points[points.length - 1]!.at - t0);
  const x = (at: number) => (points.length === 1 ? (PAD.left + W - PAD.right) / 2 : PAD.left + ((at - t0) / span) * (W - PAD.left - PAD.right));
  const y = (s: number) => PAD.top + (1 - (s - scale.min) / (scale.max - scale.min)) * (H - PAD.top - PAD.bottom);
  const line = (kind: string) =>
    points
      .filter((p) => p.kind === kind)
      .map((p, i) => `${i === 0 ? 'M' : 'L'}${x(p.at).toFixed(1)},${y(p.scaled).toFixed(1)}`)
      .join(' ');
  // Gridlines away from the passing line, which has its own.
  const ticks = [scale.min, 400, scale.max].filter((v) => v >= scale.min && v <= scale.max);
  return (
    <section className="panel" aria-labelledby="trend-title" data-testid="score-trend">
      <h2 id="trend-title">{t('trendTitle')}</h2>
      <figure className="chart" ref={figure}>
        <svg viewBox={`0 0 ${W} ${H}`} width={W} height={H} role="img" aria-labelledby="trend-caption" className="trend-chart">
          {ticks.map((v) => (
            <g key={v}>
              <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} className="grid" />
              <text x={PAD.left - 6} y={y(v) + 4} textAnchor="end" className="axis">
                {v}
              </text>
            </g>
          ))}
          <line x1={PAD.left} x2={W - PAD.right} y1={y(passMark)} y2={y(passMark)} className="pass-line" />
          <text x={W - PAD.right} y={y(passMark) - 5} textAnchor="end" className="axis pass-label">
            {t('trendPassLine', { pass: passMark })}
          </text>
          <path d={line('mock')} className="trend-mock" />
          <path d={line('quick')} className="trend-quick" />
          {points.map((p) =>
            p.kind === 'mock' ? (
              <circle key={p.id} cx={x(p.at)} cy={y(p.scaled)} r={5} className="point-mock" />
            ) : (
              <path key={p.id} d={`M${x(p.at)},${y(p.scaled) - 6} l6,6 l-6,6 l-6,-6 z`} className="point-quick" />
            ),
          )}
          <text x={PAD.left} y={H - 8} className="axis">
            {dateFormat.format(new Date(t0))}
          </text>
          {points.length > 1 && (
            <text x={W - PAD.right} y={H - 8} textAnchor="end" className="axis">
              {dateFormat.format(new Date(points[points.length - 1]!.at))}
            </text>
          )}
        </svg>
        <figcaption id="trend-caption">{t('trendCaption', { n: points.length, pass: passMark })}</figcaption>
      </figure>
      <p className="chart-legend" aria-hidden="true">
        <span className="legend-mock">●</span> {t('kindMock')} <span className="legend-quick">◇</span> {t('kindQuick')}
      </p>
      <ChartTable
        columns={[t('trendDate'), t('colKind'), t('colScore')]}
        rows={points.map((p) => ({ key: p.id, cells: [dateFormat.format(new Date(p.at)), p.kind === 'mock' ? t('kindMock') : t('kindQuick'), p.scaled] }))}
      />
    </section>
  );
}
