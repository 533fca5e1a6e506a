import type { Problem } from '../check-bank.ts';
import type { LintQuestion } from './lint-context.ts';

const HOSTS = new Set(['docs.aws.amazon.com', 'aws.amazon.com']);
/** docs.aws.amazon.com localizes as /fr_fr/, /ja_jp/, /zh_cn/, /pt_br/ ... */
const DOCS_LOCALE = /^[a-z]{2}[_-][a-z]{2}$/i;
/**
 * aws.amazon.com localizes with a bare language or region code (/fr/, /jp/, /cn/ ...). Product paths
 * can be two letters too (/ai/), so only the codes the site uses are treated as languages.
 */
const SITE_LOCALES = new Set(['ar', 'cn', 'de', 'es', 'fr', 'he', 'id', 'it', 'ja', 'jp', 'ko', 'kr', 'pl', 'pt', 'ru', 'th', 'tr', 'tw', 'vi', 'zh']);

/** Why a reference is not a well-formed English AWS page, or null when it is. */
export function referenceProblem(url: string): { code: string; message: string } | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { code: 'reference-malformed', message: `reference "${url}" is not a valid URL` };
  }
  if (/\s/.test(url)) return { code: 'reference-malformed', message: `reference "${url}" contains white space` };
  if (parsed.protocol !== 'https:' || !HOSTS.has(parsed.hostname) || parsed.port || parsed.username) {
    return { code: 'reference-host', message: `reference "${url}" is not an https page of docs.aws.amazon.com or aws.amazon.com` };
  }
  const first = parsed.pathname.split('/')[1] ?? '';
  if (DOCS_LOCALE.test(first) || (parsed.hostname === 'aws.amazon.com' && SITE_LOCALES.has(first.toLowerCase()))) {
    return { code: 'reference-language', message: `reference "${url}" has the language segment "/${first}/"; use the English page` };
  }
  if (parsed.pathname === '/' || parsed.pathname === '') return { code: 'reference-malformed', message: `reference "${url}" is a site root, not a page` };
  return null;
}

/** References must be well-formed https URLs of English AWS documentation or product pages, each listed once. */
export function referenceRule(questions: LintQuestion[]): Problem[] {
  const problems: Problem[] = [];
  for (const lq of questions) {
    const seen = new Set<string>();
    (lq.question.references ?? []).forEach((url, i) => {
      const found = referenceProblem(url);
      if (found) problems.push(lq.problem(['references', i], 'error', found.code, found.message));
      if (seen.has(url)) problems.push(lq.problem(['references', i], 'warning', 'reference-repeated', `reference "${url}" is listed twice`));
      seen.add(url);
    });
  }
  return problems;
}
