import type { AttemptScope, StartAttempt } from '../../core/api/contracts.ts';
import { assembleForm, assemblePractice, ShortfallError, type FormEntry } from '../../core/exam/assemble-form.ts';
import type { ExamDefinition } from '../../core/exam/exam-schema.ts';
import { badRequest, conflict } from '../errors.ts';
import { QUIZ_SIZE } from '../../core/lessons/study-report.ts';
import type { BankService } from './bank-service.ts';
import { mockTime } from './mock-time.ts';
import { nextQuickEntry } from './quick-check.ts';
import { countNoun } from '../../core/util/count-noun.ts';

export interface AssemblyInput {
  bank: BankService;
  exam: ExamDefinition;
  req: StartAttempt;
  seed: string;
  now: number;
  /** How often the user has been shown each item. */
  seen: ReadonlyMap<string, number>;
  /** Review practice: the user's items due for review, most overdue first (any exam). */
  due?: string[] | undefined;
  /** Practice of bookmarks: the user's bookmarked items (any exam). */
  bookmarks?: string[] | undefined;
  /** Items practice and the quick check must not serve (those of the user's open mock exams). */
  exclude?: ReadonlySet<string> | undefined;
}

/** The form of a new attempt on the bank as its exam sees it, and its absolute deadline (null when untimed). */
export function assembleAttempt(input: AssemblyInput): { entries: FormEntry[]; deadlineMs: number | null } {
  const { bank, exam, req, seed, now, seen } = input;
  try {
    if (req.kind === 'mock') {
      const { minutes } = mockTime(exam, req.profile, req.accommodation, req.extraMinutes);
      const profile = exam.profiles[req.profile]!;
      return { entries: assembleForm(bank.activeEntries(), { exam, profile, seed, seen }).entries, deadlineMs: now + minutes * 60_000 };
    }
    if (req.kind === 'practice') {
      let only: string[] | undefined;
      if (req.items) {
        const valid = bank.domainsOf(exam.id);
        only = req.items.filter((id) => valid.has(id));
        if (only.length === 0) throw conflict('no-items', `None of these questions is in the ${exam.code} bank any longer.`);
      } else if (req.bookmarked) {
        const valid = bank.domainsOf(exam.id);
        only = (input.bookmarks ?? []).filter((id) => valid.has(id));
        if (only.length === 0) throw conflict('no-bookmarks', `You have bookmarked no ${exam.code} question yet.`);
      } else if (req.review) {
        // Due items of this exam only: a mistake on a question valid for both exams is due in both.
        const valid = bank.domainsOf(exam.id);
        only = (input.due ?? []).filter((id) => valid.has(id)).slice(0, req.count);
        if (only.length === 0) throw conflict('nothing-due', `No ${exam.code} item is due for review yet.`);
      }
      if (req.quiz && req.modules?.length !== 1) throw badRequest('A module quiz names exactly one module in "modules".');
      const entries = assemblePractice(bank.activeEntries(), { exam, seed, count: req.count, domains: req.domains, tasks: req.tasks, modules: req.modules, skills: req.skills, only, seen, exclude: input.exclude, examTypesOnly: req.quiz }).entries;
      if (entries.length === 0) throw conflict('no-items', `No ${exam.code} item matches this choice of domains, task statements, skills or modules.`);
      if (req.quiz && entries.length < QUIZ_SIZE) throw conflict('quiz-too-small', `Module ${req.modules![0]} has ${countNoun(entries.length, `${exam.code} question`)}; a module quiz needs ${QUIZ_SIZE}.`);
      return { entries, deadlineMs: req.minutes ? now + req.minutes * 60_000 : null };
    }
    const first = nextQuickEntry(bank, exam, [], seed, input.exclude);
    if (!first) throw conflict('no-items', `The ${exam.code} bank has no rated item for a quick check.`);
    return { entries: [first], deadlineMs: null };
  } catch (e) {
    if (e instanceof ShortfallError) throw conflict('bank-too-small', e.message, { shortfall: e.shortfall });
    throw e;
  }
}

/** What a practice covers, as the history names it. */
export function practiceScope(req: Extract<StartAttempt, { kind: 'practice' }>, served: number): AttemptScope {
  if (req.review) return { review: true };
  if (req.quiz) return { quiz: true, modules: req.modules };
  if (req.bookmarked) return { bookmarked: true };
  if (req.items) return { items: served };
  const scope: AttemptScope = {};
  if (req.domains?.length) scope.domains = req.domains;
  if (req.tasks?.length) scope.tasks = req.tasks;
  if (req.modules?.length) scope.modules = req.modules;
  if (req.skills?.length) scope.skills = req.skills;
  return scope;
}

/** A module quiz is always 10 questions with feedback after each, whatever the request said. */
export function normalizeStart(req: StartAttempt): StartAttempt {
  return req.kind === 'practice' && req.quiz ? { ...req, count: QUIZ_SIZE, feedback: 'immediate', minutes: undefined } : req;
}
