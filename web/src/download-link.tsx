import { useState, type MouseEvent, type ReactNode } from 'react';
import { fetchFile } from './api/api-client.ts';
import { hasBearerSession } from './api/bearer-session.ts';

/**
 * A link to a file the API serves. With a cookie session it is a plain download link. Inside a course's
 * frame the session is a bearer header, which a link cannot send: the file is fetched with it and saved
 * from memory under the server's name for it (else `filename`).
 */
export function DownloadLink({ href, filename, children }: { href: string; filename?: string; children: ReactNode }) {
  const [error, setError] = useState<string | null>(null);
  const onClick = (e: MouseEvent<HTMLAnchorElement>) => {
    if (!hasBearerSession()) return;
    e.preventDefault();
    setError(null);
    fetchFile(href)
      .then(({ blob, filename: given }) => {
        const url = URL.createObjectURL(blob);
        const a = document.createElement('a');
        a.href = url;
        a.download = given ?? filename ?? '';
        document.body.append(a);
        a.click();
        a.remove();
        // The browser has started the download from the object URL by now; free it a little later.
        setTimeout(() => URL.revokeObjectURL(url), 10_000);
      })
      .catch((err: unknown) => setError(err instanceof Error ? err.message : String(err)));
  };
  return (
    <>
      <a href={href} download={filename ?? true} onClick={onClick}>
        {children}
      </a>
      {error && (
        <span role="alert" className="form-error">
          {' '}
          {error}
        </span>
      )}
    </>
  );
}
