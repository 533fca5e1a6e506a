import { useI18n } from '../i18n/i18n-context.tsx';
import { useStartAttempt } from '../pages/use-start-attempt.ts';

interface Props {
  exam: string;
  /** Domain ids that need improvement, weakest first, as the report gives them. */
  studyNext: string[];
  domains: { id: string; name: string }[];
}

/**
 * "What to study next" on every report: the domains that need improvement, weakest first, each
 * with a way straight into practice on that domain (ten items, immediate feedback).
 */
export function StudyList({ exam, studyNext, domains }: Props) {
  const { t } = useI18n();
  const practice = useStartAttempt();
  const names = new Map(domains.map((d) => [d.id, d.name]));
  return (
    <section className="panel" aria-labelledby="study-title">
      <h2 id="study-title">{t('studyNextTitle')}</h2>
      {studyNext.length === 0 ? (
        <p className="subtle">{t('studyNothing')}</p>
      ) : (
        <>
          <p className="subtle">{t('studyNextIntro')}</p>
          <ol className="study-list">
            {studyNext.map((id) => {
              const name = names.get(id) ?? id;
              return (
                <li key={id}>
                  <span className="study-domain">{t('domainLabel', { id, name })}</span>
                  <button
                    type="button"
                    className="small-button"
                    aria-label={t('practiseDomainLabel', { id, name })}
                    disabled={practice.busy !== null}
                    onClick={() => void practice.start(id, { kind: 'practice', exam, domains: [id], count: 10, feedback: 'immediate' })}
                  >
                    {practice.busy === id ? t('starting') : t('practiseDomain')}
                  </button>
                  {practice.error?.form === id && (
                    <p className="form-error" role="alert">
                      {practice.error.message}
                    </p>
                  )}
                </li>
              );
            })}
          </ol>
        </>
      )}
    </section>
  );
}
