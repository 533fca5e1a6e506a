/**
 * Plain text of the HTML that LMS exports put in question text (Moodle's `format="html"`): tags
 * dropped, paragraphs and line breaks kept, common entities decoded, whitespace collapsed. Images
 * and other media cannot become text: their names go to `lost` so the import reports them.
 */
const ENTITIES: Record<string, string> = { nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", ndash: '\u2013', mdash: '\u2014', hellip: '\u2026', rsquo: '\u2019', lsquo: '\u2018', rdquo: '\u201D', ldquo: '\u201C' };

export function htmlToText(html: string, lost: Set<string>): string {
  // Entities are decoded first, so "&lt;img onerror=...&gt;" is a tag and is dropped like any
  // other, never left as live markup text. A tag starts with a letter ("a < b" stays text).
  const decoded = html.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
  if (/<img\b/i.test(decoded) || decoded.includes('@@PLUGINFILE@@')) lost.add('images');
  if (/<(video|audio|iframe|object)\b/i.test(decoded)) lost.add('media');
  if (/<a\s[^>]*href/i.test(decoded)) lost.add('links');
  if (/<table\b/i.test(decoded)) lost.add('table layout');
  if (/<(script|style)\b/i.test(decoded)) lost.add('scripts and styles');
  const text = decoded
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, '')
    // A formula becomes its alt text, or a visible placeholder (its MathML text alone would mislead: x² read as "x2").
    .replace(/<math\b([^>]*)>[\s\S]*?<\/math\s*>/gi, (_m, attrs: string) => {
      const alt = /\balttext\s*=\s*"([^"]*)"/i.exec(attrs)?.[1];
      if (!alt) lost.add('formulas (MathML without alttext)');
      return alt ?? '[formula]';
    })
    .replace(/<br\s*\/?>/gi, '\u0001')
    .replace(/<\/(p|div|h[1-6]|li|tr|pre|blockquote)>|<(p|div|h[1-6]|li|tr|pre|blockquote|ul|ol)\b[^>]*>/gi, '\u0002')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<\/?[a-zA-Z][^<>]*>/g, '');
  return text
    .split('\u0002')
    .map((p) => p.split('\u0001').map((l) => l.replace(/\s+/g, ' ').trim()).join('\n').trim())
    .filter(Boolean)
    .join('\n\n');
}
