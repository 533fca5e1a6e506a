/**
 * A small non-validating XML reader for the interchange formats: elements, attributes, text,
 * CDATA, comments and processing instructions, the five predefined entities and character
 * references. DOCTYPE declarations are refused (no entity expansion, so no "billion laughs").
 * Namespace prefixes are dropped from element and attribute names (`xsi:type` stays as is
 * only for attributes, so that `xml:lang` and `xsi:*` remain distinguishable).
 * Malformed input raises an XmlError with the line and column of the fault.
 */

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  /** Offset of the `<` that opens the element, for line numbers in messages. */
  offset: number;
}
export type XmlNode = XmlElement | string;

export class XmlError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(`${message} (line ${line}, column ${column})`);
  }
}

/** 1-based line and column of `offset` in `text`. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  return lineLocator(text)(offset);
}

/**
 * A function from offset to 1-based line and column; the line starts are found once, then each
 * lookup is a binary search (checks locate every item, so a linear scan would be quadratic).
 */
export function lineLocator(text: string): (offset: number) => { line: number; column: number } {
  let starts: number[] | undefined;
  return (offset: number) => {
    if (!starts) {
      starts = [0];
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    }
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1 };
  };
}

const NAME = /[A-Za-z_:][-A-Za-z0-9_.:\u00B7-\uFFFF]*/y;
const ATTR = /\s+([A-Za-z_:][-A-Za-z0-9_.:\u00B7-\uFFFF]*)\s*=\s*(?:"([^"<]*)"|'([^'<]*)')/y;
const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z]+);|&/g;
const MAX_DEPTH = 256;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function localName(name: string): string {
  const i = name.indexOf(':');
  return i === -1 ? name : name.slice(i + 1);
}

export interface ParseXmlOptions {
  /**
   * Called with each child of the root element as soon as it is complete; that child is then not
   * kept in the tree, so a file of 10,000 questions never holds 10,000 subtrees at once.
   */
  onRootChild?: (el: XmlElement) => void;
}

/** Parses an XML document into its root element. */
export function parseXml(input: string, options: ParseXmlOptions = {}): XmlElement {
  const onRootChild = options.onRootChild;
  // XML readers turn CRLF and lone CR into LF before anything else (XML 1.0, section 2.11).
  const text = input.indexOf('\r') === -1 ? input : input.replace(/\r\n?/g, '\n');
  const fail = (message: string, offset: number): never => {
    const { line, column } = lineColumn(text, offset);
    throw new XmlError(message, line, column);
  };
  const decode = (s: string, offset: number): string => {
    if (s.indexOf('&') === -1) return s;
    return s.replace(ENTITY, (m, ent: string | undefined, at: number) => {
      if (!ent) return fail('a bare "&" must be written &amp;', offset + at);
      if (ent[0] === '#') {
        const code = ent[1] === 'x' ? parseInt(ent.slice(2), 16) : parseInt(ent.slice(1), 10);
        if (!(code > 0 && code <= 0x10ffff)) return fail(`invalid character reference ${m}`, offset + at);
        return String.fromCodePoint(code);
      }
      const named = NAMED[ent];
      if (named === undefined) return fail(`unknown entity ${m}`, offset + at);
      return named;
    });
  };

  const stack: XmlElement[] = [];
  // Raw (prefixed) names of the open elements: a closing tag is checked against its opening tag's text.
  const rawNames: string[] = [];
  let root: XmlElement | undefined;
  let i = 0;
  const n = text.length;
  if (text.charCodeAt(0) === 0xfeff) i = 1;
  const skipSpace = (j: number): number => {
    let c = text.charCodeAt(j);
    while (c === 32 || c === 10 || c === 9 || c === 13) c = text.charCodeAt(++j);
    return j;
  };
  while (i < n) {
    const lt = text.indexOf('<', i);
    const end = lt === -1 ? n : lt;
    if (end > i) {
      const raw = text.slice(i, end);
      const top = stack[stack.length - 1];
      if (top) top.children.push(decode(raw, i));
      else if (raw.trim()) fail('text outside the root element', i + raw.search(/\S/));
    }
    if (lt === -1) break;
    i = lt;
    const next = text.charCodeAt(i + 1);
    if (next === 47 /* / */) {
      const top = stack.pop();
      const rawName = rawNames.pop();
      let j: number;
      if (top && rawName !== undefined && text.startsWith(rawName, i + 2)) j = skipSpace(i + 2 + rawName.length);
      else {
        NAME.lastIndex = i + 2;
        const m = NAME.exec(text);
        if (!m) fail('malformed closing tag', i);
        if (!top) fail(`closing tag </${m![0]}> without an opening tag`, i);
        fail(`closing tag </${m![0]}> does not match <${top!.name}>`, i);
        j = i;
      }
      if (text.charCodeAt(j) !== 62 /* > */) {
        NAME.lastIndex = i + 2;
        const m = NAME.exec(text);
        if (m && m[0] !== rawName) fail(`closing tag </${m[0]}> does not match <${top!.name}>`, i);
        fail(`malformed closing tag </${rawName}`, j);
      }
      if (onRootChild && stack.length === 1) {
        stack[0]!.children.pop();
        onRootChild(top!);
      }
      i = j + 1;
    } else if (next === 33 /* ! */) {
      if (text.startsWith('<!--', i)) {
        const close = text.indexOf('-->', i + 4);
        if (close === -1) fail('unclosed comment', i);
        i = close + 3;
      } else if (text.startsWith('<![CDATA[', i)) {
        const close = text.indexOf(']]>', i + 9);
        if (close === -1) fail('unclosed CDATA section', i);
        const top = stack[stack.length - 1];
        if (!top) fail('CDATA outside the root element', i);
        top!.children.push(text.slice(i + 9, close));
        i = close + 3;
      } else fail('DOCTYPE and other declarations are not accepted', i);
    } else if (next === 63 /* ? */) {
      const close = text.indexOf('?>', i + 2);
      if (close === -1) fail('unclosed processing instruction', i);
      i = close + 2;
    } else {
      NAME.lastIndex = i + 1;
      const m = NAME.exec(text);
      if (!m) fail('"<" must start a tag (write &lt; in text)', i);
      const rawName = m![0];
      const el: XmlElement = { name: localName(rawName), attrs: {}, children: [], offset: i };
      let j = NAME.lastIndex;
      for (;;) {
        ATTR.lastIndex = j;
        const a = ATTR.exec(text);
        if (!a) break;
        const value = a[2] ?? a[3] ?? '';
        const name = a[1]!;
        const key = name.indexOf(':') === -1 || name.startsWith('xmlns') || name.startsWith('xml:') || name.startsWith('xsi:') ? name : localName(name);
        if (key in el.attrs) fail(`attribute "${name}" appears twice`, j);
        // Attribute-value normalisation: literal tab, LF and CR are spaces; character references survive.
        el.attrs[key] = decode(/[\t\n\r]/.test(value) ? value.replace(/[\t\n\r]/g, ' ') : value, j);
        j = ATTR.lastIndex;
      }
      j = skipSpace(j);
      const top = stack[stack.length - 1];
      if (!top && root) fail('a document has one root element', i);
      if (top) top.children.push(el);
      else root = el;
      // Readers of the tree recurse; a bound on depth keeps a hostile file from exhausting the stack.
      if (stack.length >= MAX_DEPTH) fail(`elements nested deeper than ${MAX_DEPTH} levels`, i);
      const c = text.charCodeAt(j);
      if (c === 47 /* / */ && text.charCodeAt(j + 1) === 62) {
        i = j + 2;
        if (onRootChild && stack.length === 1) {
          stack[0]!.children.pop();
          onRootChild(el);
        }
      } else if (c === 62 /* > */) {
        stack.push(el);
        rawNames.push(rawName);
        i = j + 1;
      } else fail(`malformed tag <${rawName}: expected an attribute, ">" or "/>"`, j);
    }
  }
  if (stack.length > 0) fail(`<${stack[stack.length - 1]!.name}> is never closed`, stack[stack.length - 1]!.offset);
  if (!root) fail('no root element', 0);
  return root!;
}

/** Child elements, optionally only those with the given (prefix-free) name. */
export function elements(el: XmlElement, name?: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (const c of el.children) if (typeof c !== 'string' && (name === undefined || c.name === name)) out.push(c);
  return out;
}

export function firstElement(el: XmlElement, name: string): XmlElement | undefined {
  for (const c of el.children) if (typeof c !== 'string' && c.name === name) return c;
  return undefined;
}

/** Text content of an element and all its descendants, concatenated. */
export function textContent(el: XmlElement): string {
  let s = '';
  for (const c of el.children) s += typeof c === 'string' ? c : textContent(c);
  return s;
}

const TEXT_SPECIAL = /[&<>\r]/;
const ATTR_SPECIAL = /[&<>"\t\n\r]/;

/** Escapes text content. `\r` becomes a character reference, since XML readers turn raw CR into LF. */
export function escapeXmlText(s: string): string {
  if (!TEXT_SPECIAL.test(s)) return s;
  return s.replace(/[&<>\r]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&#13;'));
}

/** Escapes an attribute value; tab, LF and CR become character references so normalisation keeps them. */
export function escapeXmlAttr(s: string): string {
  if (!ATTR_SPECIAL.test(s)) return s;
  return s.replace(/[&<>"\t\n\r]/g, (c) => `&#${c.charCodeAt(0)};`);
}

// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/;

/** Removes characters XML 1.0 cannot carry (C0 controls other than tab, LF, CR; lone surrogates; U+FFFE/F). */
export function xmlSafe(s: string): string {
  // eslint-disable-next-line no-control-regex
  if (!UNSAFE.test(s)) return s;
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '');
}
