import { escapeRegExp } from './option-wording-rule.ts';

/**
 * Short forms that are ordinary English or ML words ("model artifact", "RAM", "connect to"): they
 * are matched only with their "Amazon"/"AWS" prefix, never on their own.
 */
const COMMON_WORDS = new Set([
  'Artifact', 'Connect', 'Shield', 'Inspector', 'Detective', 'Amplify', 'Signer', 'Chime', 'Panorama', 'Pinpoint',
  'Proton', 'RAM', 'Outposts', 'Activate', 'Core', 'Events',
]);

export interface ServiceMention {
  service: string;
  text: string;
  index: number;
}

/**
 * Finds the services of a list named in free text. Each service is matched by its full name
 * (any case, "(ACM)"-style acronyms removed) and by the short forms writers use: without the
 * "Amazon " / "AWS " / "AWS IoT " / "AWS Elemental " prefix, and its acronym. Short forms are matched
 * case-sensitively ("Route 53", "Greengrass", "ACM") so ordinary words do not match, and a short form
 * that is part of an in-scope service's name (`exclude`) is dropped.
 */
export function serviceMatcher(services: readonly string[], exclude: readonly string[] = []): (text: string) => ServiceMention[] {
  const full = new Map<string, string>();
  const short = new Map<string, string>();
  const excluded = exclude.map((s) => s.toLowerCase());
  for (const service of services) {
    const acronym = /\(([A-Za-z0-9]+)\)/.exec(service)?.[1];
    const name = service.replace(/\s*\([^)]*\)/g, '').trim();
    full.set(name.toLowerCase(), service);
    const forms = new Set<string>();
    const noVendor = name.replace(/^(Amazon|AWS)\s+/, '');
    if (noVendor !== name) forms.add(noVendor);
    const noFamily = noVendor.replace(/^(IoT|Elemental)\s+/, '');
    if (noFamily !== noVendor) forms.add(noFamily);
    if (acronym && acronym.length >= 3) forms.add(acronym);
    for (const f of forms) {
      if (COMMON_WORDS.has(f) || f.length < 3) continue;
      const lower = f.toLowerCase();
      if (excluded.some((x) => new RegExp(`(^|[^\\w-])${escapeRegExp(lower)}($|[^\\w-])`).test(x))) continue;
      if (!short.has(f)) short.set(f, service);
    }
  }
  // Longest alternatives first, so "Amazon Route 53 Application Recovery Controller" wins over "Amazon Route 53".
  const build = (names: string[], flags: string) =>
    names.length === 0 ? null : new RegExp(`(?<![\\w-])(?:${names.sort((a, b) => b.length - a.length).map(escapeRegExp).join('|')})(?![\\w-])`, flags);
  const fullRe = build([...full.keys()], 'gi');
  const shortRe = build([...short.keys()], 'g');

  return (text: string) => {
    const found: ServiceMention[] = [];
    const spans: [number, number][] = [];
    if (fullRe) {
      for (const m of text.matchAll(fullRe)) {
        found.push({ service: full.get(m[0].toLowerCase())!, text: m[0], index: m.index });
        spans.push([m.index, m.index + m[0].length]);
      }
    }
    if (shortRe) {
      for (const m of text.matchAll(shortRe)) {
        const end = m.index + m[0].length;
        if (spans.some(([s, e]) => m.index >= s && end <= e)) continue;
        found.push({ service: short.get(m[0])!, text: m[0], index: m.index });
      }
    }
    const seen = new Set<string>();
    return found.sort((a, b) => a.index - b.index).filter((f) => (seen.has(f.service) ? false : (seen.add(f.service), true)));
  };
}
