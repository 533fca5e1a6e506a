import Markdown, { type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { TableScroll } from './table-scroll.tsx';

/**
 * Markdown as the content (a lesson, a project) may use it: react-markdown renders no raw HTML (it is shown as text), tables
 * scroll inside their own box on a narrow screen, and links to AWS pages open in a new tab.
 */
const components: Components = {
  table: ({ children }) => (
    <TableScroll label="Table">
      <table>{children}</table>
    </TableScroll>
  ),
  a: ({ href, children }) => (
    <a href={href} target="_blank" rel="noopener noreferrer">
      {children}
    </a>
  ),
  // The lesson's title is the page's h1: its sections start at h2.
  h1: ({ children }) => <h2>{children}</h2>,
};

/** Renders a lesson's or a project's Markdown body (raw HTML skipped). */
export function MarkdownView({ children }: { children: string }) {
  return (
    <Markdown remarkPlugins={[remarkGfm]} components={components} skipHtml>
      {children}
    </Markdown>
  );
}
