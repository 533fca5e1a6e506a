import type { Problem } from '../check-bank.ts';
import type { ExamIndex, ServiceLifecycle } from '../../exam/exam-schema.ts';
import { escapeRegExp } from './option-wording-rule.ts';
import type { LintQuestion } from './lint-context.ts';

/** A stem that sets the scene in a company that already runs the service (its adoption is not new). */
const EXISTING_USE = /\b(already|existing|currently (?:uses?|runs?)|has (?:used|been using|run)|have (?:used|been using)|in production|in place|since 20\d\d)\b/i;
/** An explanation that says what changed for the service. */
const CHANGE_NOTE = /\b(new customers|closed|shut(?: |-)?down|maintenance|no longer|end of support|retired|successor)\b/i;

interface Matcher {
  lifecycle: ServiceLifecycle;
  test: (text: string) => boolean;
}

function matchers(exam: ExamIndex): Matcher[] {
  return exam.exam.serviceLifecycle
    .filter((l) => l.status !== 'open')
    .map((lifecycle) => {
      // Case-sensitive: the names are written as AWS writes them, so "ground truth labels" is not Ground Truth.
      const re = new RegExp(`(?<![\\w-])(${lifecycle.match.map(escapeRegExp).join('|')})(?![\\w-])`);
      return { lifecycle, test: (text: string) => re.test(text) };
    });
}

/**
 * Services whose availability changed (the exam file's `serviceLifecycle`), for every exam a question
 * is tagged for:
 * - `lifecycle-shut-down` (error): the stem or a key names a service that has shut down;
 * - `lifecycle-new-customer` (warning): a key has the company adopt a service closed to new customers
 *   (closed, in maintenance or at end of support) while the stem neither names it nor says the company
 *   already runs it;
 * - `lifecycle-note` (warning): a key names such a service and the explanation does not say what changed.
 */
export function lifecycleRule(questions: LintQuestion[], exams: ExamIndex[]): Problem[] {
  const byExam = new Map(exams.map((e) => [e.exam.id, { code: e.exam.code, matchers: matchers(e) }]));
  const problems: Problem[] = [];
  for (const lq of questions) {
    const q = lq.question;
    if (q.type !== 'single' && q.type !== 'multiple') continue;
    const keys = q.options.map((o, i) => ({ o, i })).filter(({ o }) => o.correct);
    const reported = new Set<string>();
    for (const examId of lq.exams) {
      const exam = byExam.get(examId);
      if (!exam) continue;
      for (const m of exam.matchers) {
        const { service, status, date } = m.lifecycle;
        const when = date ? ` on ${date}` : '';
        const inStem = m.test(q.stem);
        const keyHits = keys.filter(({ o }) => m.test(o.text));
        if (status === 'shut-down') {
          if (inStem) problems.push(lq.problem(['stem'], 'error', 'lifecycle-shut-down', `the stem relies on ${service}, which shut down${when}: a question valid for ${exam.code} must not`));
          for (const { o, i } of keyHits) problems.push(lq.problem(['options', i], 'error', 'lifecycle-shut-down', `key "${o.id}" relies on ${service}, which shut down${when}: a question valid for ${exam.code} must not`));
          continue;
        }
        if (keyHits.length === 0 || reported.has(service)) continue;
        reported.add(service);
        const first = keyHits[0]!;
        if (!inStem && !EXISTING_USE.test(q.stem)) {
          problems.push(lq.problem(['options', first.i], 'warning', 'lifecycle-new-customer', `key "${first.o.id}" has a new customer adopt ${service}, ${status === 'closed' ? 'closed to new customers' : `in ${status}`}${when} (${exam.code}): set the scene in a company that already uses it, or change the key`));
        }
        if (!CHANGE_NOTE.test(q.explanation ?? '')) {
          problems.push(lq.problem(['explanation'], 'warning', 'lifecycle-note', `the key names ${service} (${status}${when}): the explanation should say what changed`));
        }
      }
    }
  }
  return problems;
}
