import type { BankEntry, CaseStudy, ExamTag, Question } from './item-schema.ts';

/**
 * An item as one exam version sees it: the stored item plus that exam's tags (task statement,
 * bullets or skills, module, Angoff rating) at the top level. Untagged items (imported, not yet
 * tagged by an author) have no tags and serve practice on any exam.
 */
export type TaggedQuestion = Question & ExamTag;
export type TaggedCaseStudy = Omit<CaseStudy, 'questions'> & { questions: TaggedQuestion[] };
export type TaggedEntry = TaggedQuestion | TaggedCaseStudy;

/**
 * The exam ids an entry is tagged for; undefined when it is untagged (valid for any exam, practice
 * only). A case study is valid for every exam one of its questions is tagged for: a question whose
 * content an exam version dropped stays out of that exam's view of the case.
 */
export function entryExams(entry: BankEntry): string[] | undefined {
  if (entry.type !== 'case') return entry.exams ? Object.keys(entry.exams) : undefined;
  const tagged = entry.questions.filter((q) => q.exams);
  return tagged.length ? [...new Set(tagged.flatMap((q) => Object.keys(q.exams!)))] : undefined;
}

/** Whether the entry may be used for the exam: tagged for it, or untagged. */
export function isForExam(entry: BankEntry, examId: string): boolean {
  const exams = entryExams(entry);
  return exams === undefined || exams.includes(examId);
}

/** The question with the exam's tags at the top level (none when it is not tagged for the exam). */
export function tagQuestion(q: Question, examId: string): TaggedQuestion {
  const tag = q.exams?.[examId];
  return tag ? { ...q, ...tag } : { ...q };
}

/** The entry as the exam sees it, or undefined when it is tagged for other exams only. */
export function forExam(entry: BankEntry, examId: string): TaggedEntry | undefined {
  if (!isForExam(entry, examId)) return undefined;
  if (entry.type === 'case') {
    const untagged = entryExams(entry) === undefined;
    const questions = entry.questions.filter((q) => untagged || q.exams?.[examId]).map((q) => tagQuestion(q, examId));
    return { ...entry, questions };
  }
  return tagQuestion(entry, examId);
}

/** The bank as one exam sees it: entries valid for the exam, tagged for it. */
export function bankForExam(entries: readonly BankEntry[], examId: string): TaggedEntry[] {
  const out: TaggedEntry[] = [];
  for (const e of entries) {
    const t = forExam(e, examId);
    if (t) out.push(t);
  }
  return out;
}

/** The scorable questions of a tagged entry. */
export function taggedQuestions(entry: TaggedEntry): TaggedQuestion[] {
  return entry.type === 'case' ? entry.questions : [entry];
}
