import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { CohortAssignment, CohortView, ExamSummary, ProjectSummary } from '../../../src/core/api/contracts.ts';
import type { AssignmentSpec } from '../../../src/core/cohorts/assignment-state.ts';
import { api, ApiRequestError } from '../api/api-client.ts';
import { formatDay } from '../exam-version/notice-text.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { AssignmentBadge } from './assignment-badge.tsx';

type Kind = AssignmentSpec['kind'];

/**
 * A cohort's assignments for its tutor: set a module, a practice set, a mock exam or a project with a due day, and
 * see every member's state as a table (members by assignments), with how many are done and late.
 */
export function CohortAssignments({ cohort, exam }: { cohort: CohortView; exam: ExamSummary }) {
  const { t, locale } = useI18n();
  /** A module's, a project's or an assignment's title in the interface's language. */
  const title = (x: { title: string; titleFr: string }) => (locale === 'fr' ? x.titleFr : x.title);
  const [list, setList] = useState<CohortAssignment[] | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const modules = exam.modules.filter((m) => m.tasks.length > 0);
  const [form, setForm] = useState({ kind: 'module' as Kind, module: modules[0]?.id ?? 1, domains: [] as string[], count: 20, profile: exam.profiles[0]?.id ?? 'standard', project: '', dueOn: '', title: '' });
  const [projects, setProjects] = useState<ProjectSummary[]>([]);
  useEffect(() => {
    api.projects(exam.id).then((l) => setProjects(l.projects), () => setProjects([]));
  }, [exam.id]);
  const load = useCallback(() => {
    api.cohortAssignments(cohort.id).then(setList, (e: unknown) => setMessage({ ok: false, text: e instanceof ApiRequestError ? e.message : String(e) }));
  }, [cohort.id]);
  useEffect(load, [load]);
  const fail = (err: unknown) => setMessage({ ok: false, text: err instanceof ApiRequestError ? err.message : String(err) });

  const create = async (e: FormEvent) => {
    e.preventDefault();
    const spec: AssignmentSpec =
      form.kind === 'module' ? { kind: 'module', module: form.module } : form.kind === 'mock' ? { kind: 'mock', profile: form.profile } : form.kind === 'project' ? { kind: 'project', project: form.project || (projects[0]?.id ?? '') } : { kind: 'practice', count: form.count, ...(form.domains.length ? { domains: form.domains } : {}) };
    try {
      const made = await api.createAssignment(cohort.id, { spec, dueOn: form.dueOn || null, ...(form.title.trim() ? { title: form.title.trim() } : {}) });
      setMessage({ ok: true, text: t('assignmentSet', { title: title(made) }) });
      setForm({ ...form, title: '' });
      load();
    } catch (err) {
      fail(err);
    }
  };
  const remove = async (a: CohortAssignment) => {
    if (!window.confirm(t('assignmentDeleteConfirm', { title: title(a) }))) return;
    try {
      await api.deleteAssignment(cohort.id, a.id);
      load();
    } catch (err) {
      fail(err);
    }
  };

  return (
    <section className="panel" aria-labelledby="assignments-title" data-testid="cohort-assignments">
      <h2 id="assignments-title">{t('assignmentsTitle')}</h2>
      <p role="status" className={message ? (message.ok ? 'form-ok' : 'form-error') : 'visually-hidden'}>
        {message?.text}
      </p>
      {list && list.length > 0 && (
        <div className="table-scroll">
          <table className="assignment-board" data-testid="assignment-board">
            <thead>
              <tr>
                <th scope="col">{t('adminName')}</th>
                {list.map((a) => (
                  <th scope="col" key={a.id}>
                    {title(a)}
                    <span className="subtle small block">
                      {t('assignmentCounts', { done: a.done, late: a.late, n: a.members.length })}
                      {a.dueOn ? ` · ${t('assignmentDue', { day: formatDay(a.dueOn, locale) })}` : ''}
                    </span>
                    <button type="button" className="link-button small" aria-label={t('assignmentDeleteOf', { title: title(a) })} onClick={() => void remove(a)}>
                      {t('assignmentDelete')}
                    </button>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {cohort.roster.map((m) => (
                <tr key={m.id} data-member={m.email}>
                  <th scope="row">{m.name}</th>
                  {list.map((a) => {
                    const s = a.members.find((x) => x.id === m.id);
                    return <td key={a.id}>{s ? <AssignmentBadge status={s.status} /> : null}</td>;
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {list && list.length === 0 && <p className="subtle">{t('assignmentsNone')}</p>}
      <h3>{t('assignmentNew')}</h3>
      <form className="stack-form" onSubmit={create}>
        <label htmlFor="assignment-kind">{t('assignmentKind')}</label>
        <select id="assignment-kind" value={form.kind} onChange={(e) => setForm({ ...form, kind: e.target.value as Kind })}>
          <option value="module">{t('assignmentKindModule')}</option>
          <option value="practice">{t('assignmentKindPractice')}</option>
          <option value="mock">{t('assignmentKindMock')}</option>
          {projects.length > 0 && <option value="project">{t('assignmentKindProject')}</option>}
        </select>
        {form.kind === 'project' && (
          <>
            <label htmlFor="assignment-project">{t('assignmentProject')}</label>
            <select id="assignment-project" value={form.project || projects[0]?.id} onChange={(e) => setForm({ ...form, project: e.target.value })}>
              {projects.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.order}. {title(p)}
                </option>
              ))}
            </select>
          </>
        )}
        {form.kind === 'module' && (
          <>
            <label htmlFor="assignment-module">{t('assignmentModule')}</label>
            <select id="assignment-module" value={form.module} onChange={(e) => setForm({ ...form, module: Number(e.target.value) })}>
              {modules.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.id}. {title(m)}
                </option>
              ))}
            </select>
          </>
        )}
        {form.kind === 'practice' && (
          <>
            <fieldset>
              <legend>{t('assignmentDomains')}</legend>
              {exam.domains.map((d) => (
                <label key={d.id} className="check">
                  <input type="checkbox" checked={form.domains.includes(d.id)} onChange={(e) => setForm({ ...form, domains: e.target.checked ? [...form.domains, d.id] : form.domains.filter((x) => x !== d.id) })} />{' '}
                  {t('domainLabel', { id: d.id, name: d.name })}
                </label>
              ))}
            </fieldset>
            <label htmlFor="assignment-count">{t('assignmentCount')}</label>
            <input id="assignment-count" type="number" min={1} max={100} value={form.count} onChange={(e) => setForm({ ...form, count: Number(e.target.value) })} />
          </>
        )}
        {form.kind === 'mock' && (
          <>
            <label htmlFor="assignment-profile">{t('assignmentProfile')}</label>
            <select id="assignment-profile" value={form.profile} onChange={(e) => setForm({ ...form, profile: e.target.value })}>
              {exam.profiles.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.label}
                </option>
              ))}
            </select>
          </>
        )}
        <label htmlFor="assignment-due">{t('assignmentDueLabel')}</label>
        <input id="assignment-due" type="date" value={form.dueOn} onChange={(e) => setForm({ ...form, dueOn: e.target.value })} />
        <label htmlFor="assignment-title">{t('assignmentTitleLabel')}</label>
        <input id="assignment-title" maxLength={120} value={form.title} onChange={(e) => setForm({ ...form, title: e.target.value })} />
        <button type="submit" className="primary">
          {t('assignmentSetButton')}
        </button>
      </form>
    </section>
  );
}
