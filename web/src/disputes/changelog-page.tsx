import { api } from '../api/api-client.ts';
import { useApiLoad } from '../api/use-api-load.ts';
import { ErrorPanel } from '../error-panel.tsx';
import { formatDay } from '../exam-version/notice-text.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { TableScroll } from '../table-scroll.tsx';
import { useDocumentTitle } from '../use-document-title.ts';

/** The public changelog of an exam's corrections: readable signed out (no question text or key); the detail for those who met the question. */
export function ChangelogPage({ exam }: { exam: string }) {
  const { t, locale } = useI18n();
  useDocumentTitle(t('changelogTitle'));
  const { data, error, reload } = useApiLoad(() => api.changelog(exam), exam);
  if (error) return <ErrorPanel error={error} onRetry={reload} />;
  if (!data) return <p role="status">{t('loading')}</p>;
  return (
    <section className="panel" aria-labelledby="changelog-title">
      <h1 id="changelog-title">{t('changelogTitle')}</h1>
      <p>{t('changelogIntro', { exam: data.exam.toUpperCase() })}</p>
      {data.changes.length === 0 ? (
        <p>{t('changelogNone')}</p>
      ) : (
        <TableScroll label={t('changelogTitle')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('changelogDate')}</th>
                <th scope="col">{t('changelogItem')}</th>
                <th scope="col">{t('changelogKind')}</th>
                <th scope="col">{t('changelogDetail')}</th>
              </tr>
            </thead>
            <tbody>
              {data.changes.map((c, i) => (
                <tr key={`${c.itemId}-${i}`}>
                  <td>{formatDay(c.date, locale)}</td>
                  <th scope="row">{c.itemId}</th>
                  <td>{t(c.kind === 'key-corrected' ? 'changeKeyCorrected' : c.kind === 'rationale-fixed' ? 'changeRationaleFixed' : 'changeItemRetired')}</td>
                  <td lang={c.detail ? 'en' : undefined}>{c.detail ?? t('changelogHidden')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
