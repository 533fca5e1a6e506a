import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { examSchema, type ExamDefinition } from '../../src/core/exam/exam-schema.ts';

/** Test helper (reads a file, so only tests import it): a real exam definition, MLA-C01 by default. */
export function loadExam(id: 'mla-c01' | 'mla-c02' = 'mla-c01'): ExamDefinition {
  return examSchema.parse(parse(readFileSync(new URL(`../../content/exams/${id}.yaml`, import.meta.url), 'utf8')));
}
