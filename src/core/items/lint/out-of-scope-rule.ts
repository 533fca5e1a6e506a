import type { PathSegment, Problem } from '../check-bank.ts';
import type { ExamIndex } from '../../exam/exam-schema.ts';
import { entryExams } from '../exam-tags.ts';
import { lintQuestions, problemAt, type LintEntry } from './lint-context.ts';
import { serviceMatcher } from './service-matcher.ts';

/**
 * Services the exam guide lists as out of scope, named in a stem, an option (or step, prompt,
 * response) or a case-study scenario: a warning, since an item may name one as a wrong choice on purpose
 * but candidates should not study them.
 */
export function outOfScopeRule(entries: LintEntry[], exams: ExamIndex[]): Problem[] {
  const problems: Problem[] = [];
  const matchers = new Map(exams.map((e) => [e.exam.id, { code: e.exam.code, find: serviceMatcher(e.exam.outOfScopeServices, e.exam.inScopeServices) }]));
  const scopeOf = (ids: string[]) => {
    const known = ids.map((id) => matchers.get(id)).filter((m) => !!m);
    return known.length ? known : [...matchers.values()];
  };

  const scan = (text: string, exams: string[], report: (message: string) => void) => {
    const hits = new Map<string, string[]>();
    for (const m of scopeOf(exams)) {
      for (const found of m.find(text)) hits.set(found.service, [...(hits.get(found.service) ?? []), m.code]);
    }
    for (const [service, codes] of hits) report(`names ${service}, which is out of scope for ${codes.join(', ')}`);
  };

  for (const e of entries) {
    if (e.entry.type === 'case') {
      scan(e.entry.scenario, entryExams(e.entry) ?? [], (message) => problems.push(problemAt(e, ['scenario'], 'warning', 'out-of-scope-service', `scenario ${message}`)));
    }
  }
  for (const lq of lintQuestions(entries)) {
    const q = lq.question;
    const fields: { path: PathSegment[]; label: string; text: string }[] = [{ path: ['stem'], label: 'stem', text: q.stem }];
    if (q.type === 'single' || q.type === 'multiple') q.options.forEach((o, i) => fields.push({ path: ['options', i], label: `option "${o.id}"`, text: o.text }));
    else if (q.type === 'ordering') q.steps.forEach((s, i) => fields.push({ path: ['steps', i], label: `step "${s.id}"`, text: s.text }));
    else {
      q.prompts.forEach((p, i) => fields.push({ path: ['prompts', i], label: `prompt "${p.id}"`, text: p.text }));
      q.responses.forEach((r, i) => fields.push({ path: ['responses', i], label: `response "${r.id}"`, text: r.text }));
    }
    // One scan of the whole question first: most questions name no out-of-scope service.
    if (!scopeOf(lq.exams).some((m) => m.find(fields.map((f) => f.text).join('\n')).length > 0)) continue;
    for (const f of fields) scan(f.text, lq.exams, (message) => problems.push(lq.problem(f.path, 'warning', 'out-of-scope-service', `${f.label} ${message}`)));
  }
  return problems;
}
