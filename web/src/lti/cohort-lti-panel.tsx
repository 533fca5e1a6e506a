import { useState } from 'react';
import { api, ApiRequestError } from '../api/api-client.ts';
import { useApiLoad } from '../api/use-api-load.ts';
import { formatMoment } from '../format-moment.ts';
import { FormMessage } from '../form-message.tsx';
import { useI18n } from '../i18n/i18n-context.tsx';
import { TableScroll } from '../table-scroll.tsx';

/** On a cohort that is a platform's course: its roster from the platform, and the grades sent to the course's gradebook with what failed. */
export function CohortLtiPanel({ id, onRoster }: { id: string; onRoster: () => void }) {
  const { t, locale } = useI18n();
  const { data, reload } = useApiLoad(() => api.cohortLti(id), id);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  if (!data?.course) return null;
  const sync = async () => {
    try {
      const r = await api.syncRoster(id);
      setMessage({ ok: true, text: t('ltiRosterSynced', { added: r.added, removed: r.removed, members: t('countLearners', { n: r.members }), tutors: t('countTutors', { n: r.tutors }) }) });
      onRoster();
      reload();
    } catch (err) {
      setMessage({ ok: false, text: err instanceof ApiRequestError ? err.message : String(err) });
    }
  };
  return (
    <section className="panel" aria-labelledby="lti-course-title" data-testid="lti-course">
      <h2 id="lti-course-title">{t('ltiCoursePanel')}</h2>
      {data.rosterService ? (
        <button type="button" onClick={() => void sync()}>
          {t('ltiRosterSync')}
        </button>
      ) : (
        <p className="subtle">{t('ltiRosterNoService')}</p>
      )}
      <FormMessage message={message} />
      <h3>{t('ltiGradesTitle')}</h3>
      {data.grades.length === 0 ? (
        <p className="subtle">{t('ltiGradesNone')}</p>
      ) : (
        <TableScroll label={t('ltiGradesTitle')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('ltiGradeMember')}</th>
                <th scope="col">{t('ltiGradeActivity')}</th>
                <th scope="col">{t('ltiGradeScore')}</th>
                <th scope="col">{t('ltiGradeStatus')}</th>
              </tr>
            </thead>
            <tbody>
              {data.grades.map((g) => (
                <tr key={`${g.member} ${g.activity}`}>
                  <td>{g.member}</td>
                  <td>{g.activity}</td>
                  <td>{g.scoreGiven === null ? t('ltiGradeAwaiting') : `${g.scoreGiven} / ${g.scoreMaximum}`}</td>
                  <td className={g.status === 'failed' ? 'form-error' : undefined}>
                    {g.status === 'sent' ? t('ltiGradeStatus_sent', { when: g.sentAt ? formatMoment(g.sentAt, locale) : '' }) : g.status === 'failed' ? t('ltiGradeStatus_failed', { n: g.tries, error: g.error ?? '' }) : t('ltiGradeStatus_pending')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
