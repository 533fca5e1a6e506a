import type { BankEntry } from '../items/item-schema.ts';
import { questionPool } from './assemble-form.ts';
import type { ExamDefinition } from './exam-schema.ts';

/**
 * An exam's reference form: the questions its mocks may hold, each with the Angoff rating given for
 * that exam. The cut ability is where this form's expected raw score meets the sum of its ratings;
 * a calibration freezes it, so the cut does not drift as the bank grows between calibrations.
 */
export function referenceForm(entries: readonly BankEntry[], exam: ExamDefinition): Map<string, number> {
  const ratings = new Map<string, number>();
  for (const p of questionPool(entries, exam, { forMock: true })) ratings.set(p.question.id, p.question.angoff!);
  return ratings;
}
