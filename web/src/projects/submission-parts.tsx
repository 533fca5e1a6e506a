import type { SubmissionView } from '../../../src/core/api/contracts.ts';
import { api } from '../api/api-client.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { DownloadLink } from '../download-link.tsx';

/** The files of a submission, each a download link. */
export function SubmissionFiles({ files }: { files: SubmissionView['files'] }) {
  const { t } = useI18n();
  if (files.length === 0) return null;
  return (
    <ul className="submission-files" aria-label={t('projectFiles')}>
      {files.map((f) => (
        <li key={f.id}>
          <DownloadLink href={api.projectFileHref(f.id)} filename={f.name}>
            {f.name}
          </DownloadLink>{' '}
          <span className="hint">({Math.max(1, Math.round(f.size / 1024))} KB)</span>
        </li>
      ))}
    </ul>
  );
}

/** The links of a submission, opened in a new tab without passing this page on. */
export function SubmissionLinks({ links }: { links: string[] }) {
  if (links.length === 0) return null;
  return (
    <ul>
      {links.map((l) => (
        <li key={l}>
          <a href={l} target="_blank" rel="noopener noreferrer nofollow">
            {l}
          </a>
        </li>
      ))}
    </ul>
  );
}
