import { useState, type FormEvent } from 'react';
import type { AttemptSummary } from '../../../src/core/api/contracts.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { navigate, routeHref } from '../routing/use-hash-route.ts';
import { profileName, profileNote } from './profile-name.ts';
import type { FormProps } from './start-forms.tsx';

/**
 * Starting a mock exam: the profile, the accommodation and self-granted minutes. With a mock already
 * in progress it asks first, offering to resume that one: each mock runs its own clock.
 */
export function MockForm({ exam, busy, start, openMock, children }: FormProps & { openMock: AttemptSummary | undefined }) {
  const { t, locale } = useI18n();
  const [profile, setProfile] = useState(exam.profiles[0]?.id ?? 'standard');
  const [accommodation, setAccommodation] = useState(false);
  const [extra, setExtra] = useState('');
  const [warned, setWarned] = useState(false);
  const esl = exam.accommodations.find((a) => a.id === 'esl') ?? exam.accommodations[0];
  const dateFormat = new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (openMock && !warned) {
      setWarned(true);
      return;
    }
    const extraMinutes = Number.parseInt(extra, 10);
    // The instructions come first; the mock (and its clock) starts from there.
    navigate({ page: 'mock-intro', profile, accommodation: accommodation && esl ? esl.id : undefined, extraMinutes: extraMinutes > 0 ? extraMinutes : undefined });
  };
  return (
    <section className="panel" aria-labelledby="mock-title">
      <h2 id="mock-title">{t('startMock')}</h2>
      <form onSubmit={submit}>
        <fieldset>
          <legend>{t('profile')}</legend>
          {exam.profiles.map((p) => {
            const note = profileNote(t, exam.id, p.id, p.note);
            return (
              <label key={p.id} className="choice-line">
                <input type="radio" name="profile" value={p.id} checked={profile === p.id} onChange={() => setProfile(p.id)} />
                <span>
                  {t('profileOption', { label: profileName(t, p.id, p.label), items: p.items, minutes: p.minutes })}
                  {note && <span className="hint profile-note">{note}</span>}
                </span>
              </label>
            );
          })}
        </fieldset>
        {!exam.mockTypes.includes('ordering') && <p className="hint">{t('mockTypesNote', { code: exam.code })}</p>}
        {esl && (
          <label className="choice-line">
            <input type="checkbox" checked={accommodation} onChange={(e) => setAccommodation(e.target.checked)} />
            {t('eslAccommodation', { minutes: esl.extraMinutes })}
          </label>
        )}
        <div className="field inline">
          <label htmlFor="extra-minutes">{t('extraMinutes')}</label>
          <input id="extra-minutes" type="number" inputMode="numeric" min={0} max={60} step={1} value={extra} onChange={(e) => setExtra(e.target.value)} />
        </div>
        {children}
        {openMock && warned && (
          <div className="warn-box" role="alert" data-testid="open-mock-warning">
            <p>{t('openMockWarning', { date: dateFormat.format(new Date(openMock.startedAt)) })}</p>
            <a href={routeHref({ page: 'attempt', id: openMock.id })}>{t('resumeOpenMock')}</a>
          </div>
        )}
        <button type="submit" className="primary" disabled={busy !== null}>
          {busy === 'mock' ? t('starting') : openMock && warned ? t('startAnotherMock') : t('startMock')}
        </button>
      </form>
    </section>
  );
}
