import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { examSchema, indexExam, type ExamIndex } from '../core/exam/exam-schema.ts';
import { parseYaml } from '../formats/yaml/parse-yaml-entries.ts';

/** Exam definitions to check task statements and bullets against; none found means those checks are skipped. */
export async function loadExams(dir: string): Promise<ExamIndex[] | undefined> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => /\.ya?ml$/.test(n)).sort();
  } catch {
    return undefined;
  }
  const out: ExamIndex[] = [];
  for (const n of names) {
    const parsed = parseYaml(await readFile(path.join(dir, n), 'utf8'), n);
    const exam = examSchema.safeParse(parsed.value);
    if (exam.success) out.push(indexExam(exam.data));
  }
  return out.length ? out : undefined;
}
