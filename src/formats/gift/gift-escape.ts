/** GIFT's special characters, escaped with a backslash in text (Moodle GIFT documentation). */
const SPECIAL = /[\\~=#{}:]/g;

/** Escapes text for GIFT: specials get a backslash, a line break becomes `\n` (a question has no blank lines). */
export function giftEscape(s: string): string {
  return s.replace(SPECIAL, (c) => `\\${c}`).replace(/\r?\n/g, '\\n');
}

/** Reverses giftEscape: `\n` is a line break, `\x` is x. */
export function giftUnescape(s: string): string {
  return s.replace(/\\(.)/gs, (_m, c: string) => (c === 'n' ? '\n' : c));
}

/** Index of the first unescaped occurrence of any of `chars` at or after `from`, or -1. */
export function findUnescaped(s: string, chars: string, from = 0): number {
  for (let i = from; i < s.length; i++) {
    const c = s[i]!;
    if (c === '\\') i++;
    else if (chars.includes(c)) return i;
  }
  return -1;
}

/** Index of the first unescaped `::` at or after `from`, or -1. */
export function findDoubleColon(s: string, from = 0): number {
  for (let i = from; i < s.length - 1; i++) {
    if (s[i] === '\\') i++;
    else if (s[i] === ':' && s[i + 1] === ':') return i;
  }
  return -1;
}
