/**
 * QTI identifiers are XML NCNames: they cannot start with a digit. Our ids can, so an id that does
 * not start with a letter is written with a leading `_` (which our ids never have) and read back
 * without it. Matching prompts and responses share one interaction and so one identifier space:
 * they are written `P_<id>` and `R_<id>` (capitals never occur in our ids).
 */
export function toQtiId(id: string): string {
  return /^[A-Za-z]/.test(id) ? id : `_${id}`;
}

export function fromQtiId(identifier: string): string {
  return identifier.startsWith('_') ? identifier.slice(1) : identifier;
}

export const EXPLANATION_ID = 'EXPLANATION';
export const QTI_NS = 'http://www.imsglobal.org/xsd/imsqtiasi_v3p0';
export const QTI_XSD = 'https://purl.imsglobal.org/spec/qti/v3p0/schema/xsd/imsqti_asiv3p0p1_v1p0.xsd';
export const TOOL_NAME = 'certprep';

/**
 * Outcome declarations that carry certprep metadata: namespace-free, valid QTI, ignored by other
 * players. CERTPREP_EXAMS holds one value per exam with its tags as text (exam-tags-text.ts).
 */
export const META_OUTCOMES = {
  exams: { id: 'CERTPREP_EXAMS', cardinality: 'multiple', baseType: 'string' },
  difficulty: { id: 'CERTPREP_DIFFICULTY', cardinality: 'single', baseType: 'integer' },
  references: { id: 'CERTPREP_REFERENCES', cardinality: 'multiple', baseType: 'string' },
  tags: { id: 'CERTPREP_TAGS', cardinality: 'multiple', baseType: 'string' },
} as const;
/** Outcomes of packages written before per-exam tags: read, never written. */
export const LEGACY_META_OUTCOMES = {
  task: { id: 'CERTPREP_TASK', cardinality: 'single', baseType: 'string' },
  bullets: { id: 'CERTPREP_BULLETS', cardinality: 'multiple', baseType: 'string' },
  module: { id: 'CERTPREP_MODULE', cardinality: 'single', baseType: 'integer' },
  angoff: { id: 'CERTPREP_ANGOFF', cardinality: 'single', baseType: 'float' },
} as const;
/** Exams of the case study a question belongs to, in packages written before per-exam tags: read only. */
export const CASE_EXAMS_OUTCOME = 'CERTPREP_CASE_EXAMS';
