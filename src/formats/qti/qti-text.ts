import { elements, textContent, type XmlElement, type XmlNode } from '../common/xml-tree.ts';

const BLOCK = new Set(['p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'pre', 'blockquote', 'table', 'tr', 'td', 'th', 'thead', 'tbody', 'dl', 'dt', 'dd', 'section', 'article', 'figure', 'figcaption', 'qti-prompt']);
/** Content we cannot turn into text; its presence makes an import lossy. */
const MEDIA = new Set(['img', 'math', 'object', 'video', 'audio', 'svg', 'picture', 'iframe', 'qti-printed-variable', 'include']);

/** Collapses markup whitespace: foreign XHTML is indented freely. */
function collapse(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/**
 * Plain text of XHTML flow content: blocks become paragraphs separated by a blank line, inline
 * markup is dropped, `<br>` is a line break. Elements in `skip` are left out; media elements are
 * recorded in `lost`. With `exact` (our own export), `<p>` contents are taken verbatim.
 */
export function flowText(nodes: XmlNode[], exact: boolean, lost: Set<string>, skip: (el: XmlElement) => boolean = () => false): string {
  const out: string[] = [];
  let inline = '';
  const flush = () => {
    const t = exact ? inline : collapse(inline);
    if (exact ? inline.trim() !== '' : t !== '') out.push(t);
    inline = '';
  };
  const walkInline = (n: XmlNode): void => {
    if (typeof n === 'string') inline += n;
    else if (skip(n)) return;
    else if (n.name === 'br') inline += exact ? '\n' : ' \u0000 ';
    else if (MEDIA.has(n.name)) {
      lost.add(n.name === 'img' ? 'images' : n.name === 'math' ? 'MathML' : n.name);
      if (n.name === 'img' && n.attrs.alt) inline += n.attrs.alt;
    } else if (BLOCK.has(n.name)) {
      flush();
      if (exact && n.name === 'p') out.push(textContent(n));
      else {
        n.children.forEach(walkInline);
        flush();
      }
    } else n.children.forEach(walkInline);
  };
  nodes.forEach(walkInline);
  flush();
  // A <br> in foreign markup survives whitespace collapsing as a NUL marker, then becomes a line break.
  return out.map((p) => (exact ? p : p.replace(/ ?\u0000 ?/g, '\n').trim())).join('\n\n');
}

/** Our own exports keep paragraphs as `<p>` children of a marked `<div>`: read them back exactly. */
export function ownParagraphs(div: XmlElement): string {
  return elements(div, 'p').map(textContent).join('\n\n');
}
