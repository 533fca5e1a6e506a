import type { ReactNode } from 'react';

const BULLET = /^\s*[-*•]\s+/;
const NUMBERED = /^\s*\d+[.)]\s+/;

/**
 * Item text (always English, marked so that screen readers pronounce it so in the French
 * interface) as paragraphs and lists: blank lines separate blocks; lines starting with "- " or "1. "
 * are list items; other single line breaks (YAML block scalars wrap long lines) become spaces, so
 * the text reflows at any width and zoom.
 */
export function Prose({ text, className, id }: { text: string; className?: string; id?: string }) {
  const blocks = text.trim().split(/\n\s*\n/);
  return (
    <div className={className} id={id} lang="en">
      {blocks.map((block, i) => (
        <Block key={i} lines={block.split('\n')} />
      ))}
    </div>
  );
}

function Block({ lines }: { lines: string[] }) {
  const out: ReactNode[] = [];
  let para: string[] = [];
  let list: { ordered: boolean; items: string[] } | null = null;
  const flushPara = () => {
    if (para.length) out.push(<p key={out.length}>{para.join(' ')}</p>);
    para = [];
  };
  const flushList = () => {
    if (!list) return;
    const items = list.items.map((item, k) => <li key={k}>{item}</li>);
    out.push(list.ordered ? <ol key={out.length}>{items}</ol> : <ul key={out.length}>{items}</ul>);
    list = null;
  };
  for (const raw of lines) {
    const line = raw.trim();
    if (!line) continue;
    const ordered = NUMBERED.test(line);
    if (ordered || BULLET.test(line)) {
      flushPara();
      if (list && list.ordered !== ordered) flushList();
      list ??= { ordered, items: [] };
      list.items.push(line.replace(ordered ? NUMBERED : BULLET, ''));
    } else if (list) {
      // A wrapped continuation of the last list item.
      list.items[list.items.length - 1] += ` ${line}`;
    } else {
      para.push(line);
    }
  }
  flushPara();
  flushList();
  return <>{out}</>;
}
