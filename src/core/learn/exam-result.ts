import type { ExamDefinition } from '../exam/exam-schema.ts';

export type DomainClassification = 'meets' | 'needs-improvement';

export interface RealResult {
  satOn: string;
  scaled: number;
  passed: boolean;
  /** The sitting was the exam's beta (from the exam file's dates). */
  beta: boolean;
  domains: Record<string, DomainClassification>;
}

export type AfterResult =
  | {
      kind: 'retake';
      /** The earliest day to sit again. */
      earliest: string;
      /** Why that day: the wait after a failed sitting, or, after a failed beta (which can be taken once), the standard exam's general availability. */
      reason: 'wait' | 'beta-once';
      /** The domains to work on first: "Needs improvement" on the score report, in the exam's order. */
      focus: string[];
    }
  | {
      kind: 'certified';
      validUntil: string;
      /** Our suggestion: start preparing the recertification six months before it expires. */
      prepareFrom: string;
    };

const addDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const addMonths = (iso: string, months: number) => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
};

/** Certification lasts three years from the sitting; the retake policy is the exam file's (`retakeWaitDays`). */
export const VALIDITY_YEARS = 3;

/** The problem with a recorded result, or null: a score and a verdict that disagree, a domain missing or unknown. */
export function resultProblem(exam: ExamDefinition, r: Omit<RealResult, 'beta'>, today: string): string | null {
  if (r.satOn > today) return `The exam date ${r.satOn} is in the future: record a result once you have it.`;
  if (!Number.isInteger(r.scaled) || r.scaled < exam.scale.min || r.scaled > exam.scale.max) return `A scaled score is a whole number from ${exam.scale.min} to ${exam.scale.max}.`;
  if (r.passed !== r.scaled >= exam.scale.pass) {
    return r.passed ? `A scaled score of ${r.scaled} is below the passing score of ${exam.scale.pass}: check the result on your score report.` : `A scaled score of ${r.scaled} reaches the passing score of ${exam.scale.pass}: check the result on your score report.`;
  }
  const ids = exam.domains.map((d) => d.id);
  const missing = ids.filter((id) => !(id in r.domains));
  const unknown = Object.keys(r.domains).filter((id) => !ids.includes(id));
  if (missing.length || unknown.length) return `Give a classification for each of the exam's domains (${ids.join(', ')})${unknown.length ? `; ${unknown.join(', ')} is not one of them` : ''}.`;
  return null;
}

/** What follows a real result: a retake plan after a fail, the certification's validity after a pass. */
export function afterResult(exam: ExamDefinition, r: RealResult): AfterResult {
  if (r.passed) {
    const validUntil = addMonths(r.satOn, VALIDITY_YEARS * 12);
    return { kind: 'certified', validUntil, prepareFrom: addMonths(validUntil, -6) };
  }
  const wait = addDays(r.satOn, exam.retakeWaitDays);
  const ga = exam.availability.generalAvailability?.date;
  const afterBeta = r.beta && ga && ga > wait ? ga : null;
  const focus = exam.domains.map((d) => d.id).filter((id) => r.domains[id] === 'needs-improvement');
  return { kind: 'retake', earliest: afterBeta ?? wait, reason: afterBeta ? 'beta-once' : 'wait', focus };
}
