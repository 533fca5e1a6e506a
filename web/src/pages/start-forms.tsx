import { useState, type FormEvent, type ReactNode } from 'react';
import type { AttemptSummary, ExamSummary, StartAttempt } from '../../../src/core/api/contracts.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { MockForm } from './mock-form.tsx';
import { useStartAttempt } from './use-start-attempt.ts';
import { useBlueprintNames } from '../exam-version/exams-context.tsx';

function FormError({ error, form }: { error: { form: string; message: string } | null; form: string }) {
  return error?.form === form ? (
    <p className="form-error" role="alert">
      {error.message}
    </p>
  ) : null;
}

export function StartForms({ exam, dueForReview, bookmarks, openMock }: { exam: ExamSummary; dueForReview: number; bookmarks: number; openMock: AttemptSummary | undefined }) {
  const { t } = useI18n();
  const { busy, error, start } = useStartAttempt();
  const [reviewSize, setReviewSize] = useState('20');
  const size = Math.max(1, Math.min(100, Number.parseInt(reviewSize, 10) || 20));
  return (
    <div className="start-forms">
      <section className="panel quick-card" aria-labelledby="quick-title">
        <h2 id="quick-title">{t('quickTitle')}</h2>
        <p>{t('quickIntro')}</p>
        <p>{t('quickOutcome')}</p>
        <FormError error={error} form="quick" />
        <button type="button" className="primary" disabled={busy !== null} onClick={() => start('quick', { kind: 'quick', exam: exam.id, count: 20 })}>
          {busy === 'quick' ? t('starting') : t('quickStart')}
        </button>
      </section>
      <MockForm exam={exam} busy={busy} start={start} openMock={openMock}>
        <FormError error={error} form="mock" />
      </MockForm>
      <section className="panel" aria-labelledby="review-title">
        <h2 id="review-title">{t('reviewMistakes')}</h2>
        <p>{dueForReview > 0 ? t('dueCount', { n: dueForReview }) : t('nothingDue')}</p>
        <FormError error={error} form="review" />
        {dueForReview > 0 && (
          <div className="field inline">
            <label htmlFor="review-size">{t('reviewSize')}</label>
            <input id="review-size" type="number" inputMode="numeric" min={1} max={100} step={1} value={reviewSize} onChange={(e) => setReviewSize(e.target.value)} />
          </div>
        )}
        <button
          type="button"
          disabled={dueForReview === 0 || busy !== null}
          onClick={() => start('review', { kind: 'practice', exam: exam.id, review: true, count: Math.min(dueForReview, size), feedback: 'immediate' })}
        >
          {busy === 'review' ? t('starting') : t('reviewMistakes')}
        </button>
        {bookmarks > 0 && (
          <p>
            <FormError error={error} form="bookmarks" />
            <button type="button" disabled={busy !== null} onClick={() => start('bookmarks', { kind: 'practice', exam: exam.id, bookmarked: true, count: Math.min(100, bookmarks), feedback: 'immediate' })}>
              {busy === 'bookmarks' ? t('starting') : t('practiseBookmarks', { n: bookmarks })}
            </button>
          </p>
        )}
      </section>
      <PracticeForm exam={exam} busy={busy} start={start}>
        <FormError error={error} form="practice" />
      </PracticeForm>
    </div>
  );
}

export interface FormProps {
  exam: ExamSummary;
  busy: string | null;
  start: (form: string, body: StartAttempt) => Promise<void>;
  children: ReactNode;
}

function toggle<T>(list: T[], value: T, on: boolean): T[] {
  return on ? [...list.filter((v) => v !== value), value] : list.filter((v) => v !== value);
}

function PracticeForm({ exam, busy, start, children }: FormProps) {
  const { t, locale } = useI18n();
  const names = useBlueprintNames(exam.id);
  const [domains, setDomains] = useState<string[]>([]);
  const [tasks, setTasks] = useState<string[]>([]);
  const [modules, setModules] = useState<number[]>([]);
  const [skills, setSkills] = useState<string[]>([]);
  const [count, setCount] = useState('10');
  const [feedback, setFeedback] = useState<'immediate' | 'end'>('immediate');
  const [timed, setTimed] = useState(false);
  const [minutes, setMinutes] = useState('20');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const n = Math.min(100, Math.max(1, Number.parseInt(count, 10) || 10));
    const m = Math.min(300, Math.max(1, Number.parseInt(minutes, 10) || 20));
    void start('practice', {
      kind: 'practice',
      exam: exam.id,
      count: n,
      feedback,
      ...(domains.length ? { domains } : {}),
      ...(tasks.length ? { tasks } : {}),
      ...(modules.length ? { modules } : {}),
      ...(skills.length ? { skills } : {}),
      ...(timed ? { minutes: m } : {}),
    });
  };
  return (
    <section className="panel" aria-labelledby="practice-title">
      <h2 id="practice-title">{t('practise')}</h2>
      <form onSubmit={submit}>
        <p className="hint">{t('allContent')}</p>
        <details>
          <summary>{t('byDomain')}</summary>
          <fieldset>
            <legend className="visually-hidden">{t('byDomain')}</legend>
            {exam.domains.map((d) => (
              <label key={d.id} className="choice-line">
                <input type="checkbox" checked={domains.includes(d.id)} onChange={(e) => setDomains(toggle(domains, d.id, e.target.checked))} />
                <span lang={names.domain(d.id, d.name).lang}>{t('domainLabel', { id: d.id, name: names.domain(d.id, d.name).text })}</span>
              </label>
            ))}
          </fieldset>
        </details>
        <details>
          <summary>{t('byTask')}</summary>
          <fieldset>
            <legend className="visually-hidden">{t('byTask')}</legend>
            {exam.domains.flatMap((d) => d.tasks).map((task) => (
              <label key={task.id} className="choice-line">
                <input type="checkbox" checked={tasks.includes(task.id)} onChange={(e) => setTasks(toggle(tasks, task.id, e.target.checked))} />
                {task.id} <span lang={names.task(task.id, task.title).lang}>{names.task(task.id, task.title).text}</span> <span className="subtle">({t('availableItems', { n: task.items })})</span>
              </label>
            ))}
          </fieldset>
        </details>
        <details>
          <summary>{t('bySkill')}</summary>
          {exam.domains.flatMap((d) => d.tasks).map((task) => (
            <fieldset key={task.id} className="skill-group">
              <legend>
                {t('skillsOfTask', { id: task.id })} <span lang={names.task(task.id, task.title).lang}>{names.task(task.id, task.title).text}</span>
              </legend>
              {task.bullets.map((b) => (
                <label key={b.id} className="choice-line">
                  <input type="checkbox" disabled={b.items === 0} checked={skills.includes(b.id)} onChange={(e) => setSkills(toggle(skills, b.id, e.target.checked))} />
                  <span>
                    <span className="skill-id">{b.id}</span> <span lang="en">{b.text}</span> {b.new && <span className="badge badge-new">{t('newSkill')}</span>}{' '}
                    <span className="subtle">({t('availableItems', { n: b.items })})</span>
                  </span>
                </label>
              ))}
            </fieldset>
          ))}
        </details>
        <details>
          <summary>{t('byModule')}</summary>
          <fieldset>
            <legend className="visually-hidden">{t('byModule')}</legend>
            {exam.modules.filter((m) => m.tasks.length > 0).map((m) => (
              <label key={m.id} className="choice-line">
                <input type="checkbox" checked={modules.includes(m.id)} onChange={(e) => setModules(toggle(modules, m.id, e.target.checked))} />
                {m.id}. {locale === 'fr' ? m.titleFr : m.title} <span className="subtle">({t('availableItems', { n: m.items })})</span>
              </label>
            ))}
          </fieldset>
        </details>
        <div className="field inline">
          <label htmlFor="practice-count">{t('itemCount')}</label>
          <input id="practice-count" type="number" inputMode="numeric" min={1} max={100} value={count} onChange={(e) => setCount(e.target.value)} />
        </div>
        <fieldset>
          <legend>{t('feedback')}</legend>
          <label className="choice-line">
            <input type="radio" name="feedback" checked={feedback === 'immediate'} onChange={() => setFeedback('immediate')} />
            {t('feedbackImmediate')}
          </label>
          <label className="choice-line">
            <input type="radio" name="feedback" checked={feedback === 'end'} onChange={() => setFeedback('end')} />
            {t('feedbackEnd')}
          </label>
        </fieldset>
        <label className="choice-line">
          <input type="checkbox" checked={timed} onChange={(e) => setTimed(e.target.checked)} />
          {t('timed')}
        </label>
        {timed && (
          <div className="field inline">
            <label htmlFor="practice-minutes">{t('minutes')}</label>
            <input id="practice-minutes" type="number" inputMode="numeric" min={1} max={300} value={minutes} onChange={(e) => setMinutes(e.target.value)} />
          </div>
        )}
        {children}
        <button type="submit" className="primary" disabled={busy !== null}>
          {busy === 'practice' ? t('starting') : t('practise')}
        </button>
      </form>
    </section>
  );
}
