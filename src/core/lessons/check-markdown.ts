import type { Problem } from '../items/check-bank.ts';

const AWS_LINK = /^https:\/\/(docs\.aws\.amazon\.com|aws\.amazon\.com)\/(?![a-z]{2}_[a-z]{2}\/)\S+$/;

export type Place = (message: string, code: string, bodyLine?: number) => Problem;

/**
 * The rules every Markdown body of the content (a lesson, a project) meets: no raw HTML (the web app
 * skips it), no images, headings from "##" (the title is the page heading), links to English AWS pages
 * only, and the sections it must have. `kind` names the content in messages and codes.
 */
export function markdownBodyProblems(body: string, kind: 'lesson' | 'project', requiredHeadings: readonly string[], place: Place): Problem[] {
  const problems: Problem[] = [];
  const lines = body.split('\n');
  const lineOf = (re: RegExp) => lines.findIndex((l) => re.test(l)) + 1;
  const bare = body.replace(/`[^`\n]*`/g, '');
  if (/<\s*[a-zA-Z/!]/.test(bare)) problems.push(place(`raw HTML is not allowed in a ${kind}`, `${kind}-html`, lineOf(/<\s*[a-zA-Z/!]/)));
  if (/!\[/.test(body)) problems.push(place(`images are not allowed in a ${kind}`, `${kind}-image`, lineOf(/!\[/)));
  if (/^#\s/m.test(body)) problems.push(place(`a ${kind} starts its headings at "##" (the title is the page heading)`, `${kind}-heading`, lineOf(/^#\s/)));
  const headings = lines.filter((l) => l.startsWith('## ')).map((l) => l.slice(3).trim());
  for (const h of requiredHeadings) if (!headings.includes(h)) problems.push(place(`missing the section "## ${h}"`, `${kind}-section`));
  lines.forEach((l, i) => {
    for (const m of l.matchAll(/\]\((\S+?)\)/g)) if (!AWS_LINK.test(m[1]!)) problems.push(place(`links go to English AWS pages only: ${m[1]}`, `${kind}-link`, i + 1));
  });
  return problems;
}
