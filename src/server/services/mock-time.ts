import type { ScoreReport } from '../../core/api/contracts.ts';
import type { ExamDefinition } from '../../core/exam/exam-schema.ts';
import { badRequest } from '../errors.ts';

/**
 * A mock's time: the profile's minutes, a named accommodation's, and the minutes the candidate gave
 * themselves. Profile and accommodation ids are looked up as own keys only, so a name such as
 * `constructor` is refused rather than read from the prototype. Used when the mock starts (its
 * deadline) and when it is scored (its report says how the time was set).
 */
export function mockTime(exam: ExamDefinition, profileId: string, accommodation: string | null | undefined, extraMinutes: number | null | undefined): NonNullable<ScoreReport['timing']> {
  const profile = Object.hasOwn(exam.profiles, profileId) ? exam.profiles[profileId] : undefined;
  if (!profile) throw badRequest(`Unknown exam profile "${profileId}"; choose one of ${Object.keys(exam.profiles).join(', ')}.`);
  let minutes = profile.minutes + (extraMinutes ?? 0);
  if (accommodation !== undefined && accommodation !== null) {
    const acc = Object.hasOwn(exam.accommodations, accommodation) ? exam.accommodations[accommodation] : undefined;
    if (!acc) throw badRequest(`Unknown accommodation "${accommodation}"; choose one of ${Object.keys(exam.accommodations).join(', ')}.`);
    minutes += acc.extraMinutes;
  }
  // Every mock is timed: a deadline that is not a real time is refused, never stored as "untimed".
  if (!Number.isInteger(minutes) || minutes <= 0) throw badRequest(`The mock exam's time (${minutes} minutes) is not valid.`);
  const extra = extraMinutes ?? 0;
  return { minutes, accommodation: accommodation ?? null, extraMinutes: extra, selfGranted: extra > 0 };
}
