import { useEffect } from 'react';

/** Names the browser tab after the screen (WCAG 2.4.2), so screen-reader users know where they are. */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} — certprep`;
  }, [title]);
}
