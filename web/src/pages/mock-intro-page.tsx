import { useEffect, useRef } from 'react';
import type { ExamSummary } from '../../../src/core/api/contracts.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import type { MockIntro } from '../routing/use-hash-route.ts';
import { routeHref } from '../routing/use-hash-route.ts';
import { useDocumentTitle } from '../use-document-title.ts';
import { profileName } from './profile-name.ts';
import { useStartAttempt } from './use-start-attempt.ts';

/**
 * The instructions before a mock, as the real test driver shows them: the format, the unscored
 * questions, the timer and the tools with their keyboard shortcuts. The attempt, and its clock, is
 * created only when the candidate begins.
 */
export function MockIntroPage({ exam, intro }: { exam: ExamSummary; intro: MockIntro }) {
  const { t } = useI18n();
  const { busy, error, start } = useStartAttempt();
  const heading = useRef<HTMLHeadingElement>(null);
  useDocumentTitle(t('introTitle'));
  useEffect(() => heading.current?.focus(), []);
  const profile = exam.profiles.find((p) => p.id === intro.profile);
  if (!profile) {
    return (
      <section className="panel">
        <p role="alert">{t('introUnknownProfile')}</p>
        <a href={routeHref({ page: 'dashboard' })}>{t('backToDashboard')}</a>
      </section>
    );
  }
  const accommodation = exam.accommodations.find((a) => a.id === intro.accommodation);
  const minutes = profile.minutes + (accommodation?.extraMinutes ?? 0) + (intro.extraMinutes ?? 0);
  const onlyChoice = !exam.mockTypes.includes('ordering');
  return (
    <section className="panel mock-intro" aria-labelledby="intro-title">
      <h1 id="intro-title" ref={heading} tabIndex={-1}>
        {t('introTitle')} <span className="subtle">— {exam.code}</span>
      </h1>
      <h2>{profileName(t, profile.id, profile.label)}</h2>
      <ul className="intro-list">
        <li data-testid="intro-format">{t('introFormat', { items: profile.items, scored: profile.scored, unscored: profile.unscored })}</li>
        <li>{onlyChoice ? t('introTypesChoice') : t('introTypesAll')}</li>
        <li data-testid="intro-time">{t('introTime', { minutes })}</li>
        <li>{t('introAutosave')}</li>
        <li>{t('introTools')}</li>
      </ul>
      <h2>{t('shortcutsTitle')}</h2>
      <table className="shortcuts">
        <tbody>
          <tr><th scope="row"><kbd>Alt</kbd> + <kbd>N</kbd></th><td>{t('next')}</td></tr>
          <tr><th scope="row"><kbd>Alt</kbd> + <kbd>P</kbd></th><td>{t('previous')}</td></tr>
          <tr><th scope="row"><kbd>Alt</kbd> + <kbd>F</kbd></th><td>{t('flag')}</td></tr>
          <tr><th scope="row"><kbd>Alt</kbd> + <kbd>R</kbd></th><td>{t('reviewScreen')}</td></tr>
        </tbody>
      </table>
      {error && (
        <p className="form-error" role="alert">
          {error.message}
        </p>
      )}
      <p className="actions">
        <a href={routeHref({ page: 'dashboard' })}>{t('introCancel')}</a>
        <button
          type="button"
          className="primary"
          disabled={busy !== null}
          onClick={() => void start('mock', { kind: 'mock', exam: exam.id, profile: profile.id, ...(accommodation ? { accommodation: accommodation.id } : {}), ...(intro.extraMinutes ? { extraMinutes: intro.extraMinutes } : {}) })}
        >
          {busy ? t('starting') : t('introBegin')}
        </button>
      </p>
    </section>
  );
}
