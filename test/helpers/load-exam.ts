import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { examSchema, type ExamDefinition } from '../../src/core/exam/exam-schema.ts';

/** Test helper (reads a file, so only tests import it): the real MLA-C01 exam definition. */
export function loadExam(): ExamDefinition {
  return examSchema.parse(parse(readFileSync(new URL('../../content/exams/mla-c01.yaml', import.meta.url), 'utf8')));
}
