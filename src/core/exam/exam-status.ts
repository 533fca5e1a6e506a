import type { ExamDefinition } from './exam-schema.ts';

/** A date AWS has announced; `confirmed: false` when it is only reported (the screens say so). */
export interface AnnouncedDate {
  date: string;
  confirmed: boolean;
}

/**
 * Where an exam version stands on a given day, as data: the screens turn it into a sentence in the
 * user's language. Computed from the exam files' dates and the server's clock, never hard-coded.
 * - `beta`: sat in beta (since `since`, in `languages`) until its general availability;
 * - `available`: generally available (`since` is the announced date, maybe only reported);
 * - `retiring`: no longer offered in some languages, still in others until a date or the successor's
 *   general availability;
 * - `retired`: no longer offered at all;
 * - `current`: nothing to say.
 */
export type ExamStatus =
  | { phase: 'beta'; since: string | null; languages: string[]; generalAvailability: AnnouncedDate | null }
  | { phase: 'available'; since: AnnouncedDate }
  | { phase: 'retiring'; successor: string | null; ended: { languages: string[]; date: string }[]; continuing: { languages: string[]; until: AnnouncedDate | null; untilSuccessorGeneralAvailability: boolean }[] }
  | { phase: 'retired'; successor: string | null; lastSitting: AnnouncedDate | null }
  | { phase: 'current' };

/** `today` is an ISO date (YYYY-MM-DD) on the server's clock; ISO dates compare as strings. */
export function examStatus(exam: ExamDefinition, exams: ReadonlyMap<string, ExamDefinition>, today: string): ExamStatus {
  const a = exam.availability;
  const successor = a.successor ? exams.get(a.successor) : undefined;
  const successorCode = successor?.code ?? a.successor ?? null;
  if (a.lastSittings?.length) {
    const successorGa = successor?.availability.generalAvailability ?? null;
    const sittings = a.lastSittings.map((s) => {
      const until = s.date ? { date: s.date, confirmed: true } : s.untilSuccessorGeneralAvailability ? successorGa : null;
      // A dated last sitting is still offered that day; one kept "until the successor's general
      // availability" ends on that date (its last sitting is the day before).
      const over = until !== null && (s.date ? until.date < today : until.date <= today);
      return { languages: s.languages, until, over, untilSuccessorGeneralAvailability: !s.date && !!s.untilSuccessorGeneralAvailability };
    });
    const ended = sittings.filter((s) => s.over);
    if (ended.length === 0) return { phase: 'current' };
    const continuing = sittings.filter((s) => !s.over).map(({ languages, until, untilSuccessorGeneralAvailability }) => ({ languages, until, untilSuccessorGeneralAvailability }));
    if (continuing.length > 0) {
      return { phase: 'retiring', successor: successorCode, ended: ended.map((s) => ({ languages: s.languages, date: s.until!.date })), continuing };
    }
    const last = ended.map((s) => s.until!).sort((x, y) => y.date.localeCompare(x.date))[0]!;
    return { phase: 'retired', successor: successorCode, lastSitting: last };
  }
  const ga = a.generalAvailability ?? null;
  if (ga && ga.date <= today) return { phase: 'available', since: ga };
  if (a.betaFrom && a.betaFrom <= today) return { phase: 'beta', since: a.betaFrom, languages: a.betaLanguages ?? [], generalAvailability: ga };
  return { phase: 'current' };
}

/** The exam a new user prepares for by default: the first version that nothing has replaced (no successor). */
export function defaultExamId(exams: readonly ExamDefinition[]): string | undefined {
  return (exams.find((e) => !e.availability.successor) ?? exams[0])?.id;
}
