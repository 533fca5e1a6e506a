import { useEffect, useState } from 'react';
import type { MyAssignment } from '../../../src/core/api/contracts.ts';
import { api } from '../api/api-client.ts';
import { formatDay } from '../exam-version/notice-text.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { useStartAttempt } from '../pages/use-start-attempt.ts';
import { routeHref } from '../routing/use-hash-route.ts';
import { AssignmentBadge } from './assignment-badge.tsx';

/** On the dashboard: what the candidate's tutors assigned for this exam, its state, and the way to do it. */
export function MyAssignments({ exam }: { exam: string }) {
  const { t, locale } = useI18n();
  const [list, setList] = useState<MyAssignment[] | null>(null);
  const { busy, error, start } = useStartAttempt();
  useEffect(() => {
    api.myAssignments(exam).then(setList, () => setList([]));
  }, [exam]);
  if (!list || list.length === 0) return null;
  const action = (a: MyAssignment) => {
    const { spec } = a;
    if (spec.kind === 'module') return <a href={routeHref({ page: 'study' })}>{t('assignmentOpenPath', { module: spec.module })}</a>;
    if (spec.kind === 'mock') return <a href={routeHref({ page: 'mock-intro', profile: spec.profile })}>{t('assignmentStartMock')}</a>;
    if (spec.kind === 'project') return <a href={routeHref({ page: 'project', id: spec.project })}>{t('assignmentOpenProject')}</a>;
    const body = { kind: 'practice' as const, exam, count: spec.count, feedback: 'immediate' as const, ...(spec.domains ? { domains: spec.domains } : {}), ...(spec.tasks ? { tasks: spec.tasks } : {}), ...(spec.skills ? { skills: spec.skills } : {}) };
    return (
      <button type="button" className="small-button" disabled={busy !== null} onClick={() => void start(`assignment-${a.id}`, body)}>
        {busy === `assignment-${a.id}` ? t('starting') : t('assignmentStartPractice')}
      </button>
    );
  };
  return (
    <section className="panel" aria-labelledby="assignments-title" data-testid="my-assignments">
      <h2 id="assignments-title">{t('assignmentsTitle')}</h2>
      {error && (
        <p className="form-error" role="alert">
          {error.message}
        </p>
      )}
      <ul className="cohort-list">
        {list.map((a) => (
          <li key={a.id} data-assignment={a.id}>
            <span>
              <strong>{locale === 'fr' ? a.titleFr : a.title}</strong> <span className="subtle small">— {a.cohort.name}{a.dueOn ? ` · ${t('assignmentDue', { day: formatDay(a.dueOn, locale) })}` : ''}</span>
            </span>
            <span className="assignment-actions">
              <AssignmentBadge status={a.status} />
              {a.status.state !== 'done' && action(a)}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
