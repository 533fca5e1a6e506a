/**
 * The CSV layout (documented in docs/INTERCHANGE.md): one row per question; a case study's
 * questions one row each, sharing `case_id` (the case's title and scenario are read from its first
 * row). List cells are separated by `|`. `exams` holds one value per exam with its tags as text
 * (`mla-c02 task=1.2 bullets=1.2.s5,1.2.s7 module=28 angoff=0.6`, exam-tags-text.ts).
 */
export const MAX_CHOICES = 10;
export const MAX_RESPONSES = 9;
export const LIST_SEP = '|';

export const CSV_COLUMNS = [
  'id',
  'type',
  'case_id',
  'case_title',
  'case_scenario',
  'exams',
  'difficulty',
  'stem',
  'explanation',
  'references',
  'tags',
  'select',
  'key',
  'choice_ids',
  ...Array.from({ length: MAX_CHOICES }, (_, i) => `choice_${i + 1}`),
  ...Array.from({ length: MAX_CHOICES }, (_, i) => `why_${i + 1}`),
  'response_ids',
  ...Array.from({ length: MAX_RESPONSES }, (_, i) => `response_${i + 1}`),
  ...Array.from({ length: MAX_RESPONSES }, (_, i) => `response_why_${i + 1}`),
] as const;

/** Columns of files written before per-exam tags, still read. */
export const LEGACY_CSV_COLUMNS = ['case_exams', 'task', 'bullets', 'module', 'angoff'] as const;

export type CsvRow = Record<string, string>;

export const splitList = (cell: string | undefined): string[] => (cell ? cell.split(LIST_SEP).map((s) => s.trim()).filter(Boolean) : []);
export const joinList = (list: readonly (string | number)[] | undefined): string => (list ?? []).join(LIST_SEP);
