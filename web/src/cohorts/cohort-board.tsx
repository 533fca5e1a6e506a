import { useEffect, useState } from 'react';
import type { CohortBoard, ExamSummary } from '../../../src/core/api/contracts.ts';
import { api } from '../api/api-client.ts';
import { formatDuration } from '../i18n/duration.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { HeatCell } from '../pages/mastery-heatmap.tsx';
import { TableScroll } from '../table-scroll.tsx';
import { DownloadLink } from '../download-link.tsx';

/**
 * The tutor's board: who is at risk and why, then every member's mastery per domain or per task statement
 * (a heatmap that is a table), readiness, activity and assignments; the whole as CSV.
 */
export function CohortBoardPanel({ cohortId, exam, version }: { cohortId: string; exam: ExamSummary; version: number }) {
  const { t, locale } = useI18n();
  const [board, setBoard] = useState<CohortBoard | null>(null);
  const [byTask, setByTask] = useState(false);
  const tasks = exam.domains.flatMap((d) => d.tasks.map((x) => ({ id: x.id, title: locale === 'fr' && x.titleFr ? x.titleFr : x.title })));
  useEffect(() => {
    api.cohortBoard(cohortId).then(setBoard, () => setBoard(null));
  }, [cohortId, version]);
  if (!board || board.members.length === 0) return null;
  const atRisk = board.members.filter((m) => m.atRisk.length > 0);
  const day = (iso: string | null) => (iso ? new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(iso)) : t('boardNever'));
  return (
    <section className="panel" aria-labelledby="board-title" data-testid="cohort-board">
      <h2 id="board-title">{t('boardTitle')}</h2>
      <p>
        <DownloadLink href={`/api/cohorts/${encodeURIComponent(cohortId)}/board.csv`}>{t('boardCsv')}</DownloadLink>
      </p>
      <h3>{t('boardAtRisk', { n: atRisk.length })}</h3>
      {atRisk.length === 0 ? (
        <p className="subtle">{t('boardNoneAtRisk')}</p>
      ) : (
        <ul className="at-risk" data-testid="at-risk">
          {atRisk.map((m) => (
            <li key={m.id}>
              <strong>{m.name}</strong>: {m.atRisk.map((r) => t(`risk_${r === 'low-readiness' ? 'low_readiness' : r}`)).join('; ')}
            </li>
          ))}
        </ul>
      )}
      <fieldset className="filter">
        <legend>{t('boardHeatBy')}</legend>
        <label className="choice-inline">
          <input type="radio" name="board-heat" checked={!byTask} onChange={() => setByTask(false)} /> {t('boardHeatDomains')}
        </label>
        <label className="choice-inline">
          <input type="radio" name="board-heat" checked={byTask} onChange={() => setByTask(true)} /> {t('boardHeatTasks')}
        </label>
      </fieldset>
      <TableScroll label={t('boardTitle')}>
        <table className="heatmap cohort-board">
          <thead>
            <tr>
              <th scope="col">{t('adminName')}</th>
              <th scope="col">{t('boardLastActive')}</th>
              <th scope="col">{t('boardThisWeek')}</th>
              <th scope="col">{t('boardReadiness')}</th>
              {byTask
                ? tasks.map((x) => (
                    <th scope="col" key={x.id} title={x.title}>
                      {x.id}
                    </th>
                  ))
                : exam.domains.map((d) => (
                    <th scope="col" key={d.id}>
                      {t('domainShort', { id: d.id })}
                    </th>
                  ))}
              <th scope="col">{t('assignmentsTitle')}</th>
            </tr>
          </thead>
          <tbody>
            {board.members.map((m) => (
              <tr key={m.id} data-member={m.email}>
                <th scope="row">{m.name}</th>
                <td>{day(m.lastActive)}</td>
                <td>{formatDuration(m.weekMs)}</td>
                <td>{m.readiness ? t('boardReadinessValue', { scaled: Math.round(m.readiness.scaled), pct: Math.round(m.readiness.passProbability * 100) }) : t('boardNotYet', { n: m.answered })}</td>
                {byTask
                  ? tasks.map((x) => {
                      const c = m.tasks.find((y) => y.id === x.id);
                      return <HeatCell key={x.id} label={x.id} title={x.title} mastery={c?.mastery ?? 0} answered={c?.answered ?? 0} />;
                    })
                  : exam.domains.map((d) => {
                      const c = m.domains.find((x) => x.id === d.id);
                      return <HeatCell key={d.id} label={d.id} title={d.name} mastery={c?.mastery ?? 0} answered={c?.answered ?? 0} />;
                    })}
                <td>{t('boardAssignments', { done: m.assignments.done, total: m.assignments.total, late: m.assignments.late })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}
