import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { examSchema, indexExam, type ExamIndex } from '../core/exam/exam-schema.ts';
import { checkBank, type Problem, type RawEntry } from '../core/items/check-bank.ts';
import type { BankEntry } from '../core/items/item-schema.ts';
import { parseContentFile, parseYaml } from '../formats/yaml/parse-yaml-entries.ts';
import type { Lesson } from '../core/lessons/lesson-schema.ts';
import { loadLessons } from './load-lessons.ts';
import type { Project } from '../core/projects/project-schema.ts';
import { loadProjects } from './load-projects.ts';

export interface LoadedContent {
  exams: ExamIndex[];
  entries: BankEntry[];
  problems: Problem[];
  /** The source file of each entry, by entry id. */
  sources: Map<string, string>;
  /** The study path's lessons (`<root>/lessons/*.md`) that passed their checks. */
  lessons: Lesson[];
  /** The practical projects (`<root>/projects/*.md`) that passed their checks. */
  projects: Project[];
}

async function listYaml(dir: string): Promise<string[]> {
  const out: string[] = [];
  let names: string[];
  try {
    names = (await readdir(dir)).sort();
  } catch {
    return out;
  }
  for (const name of names) {
    const full = path.join(dir, name);
    if ((await stat(full)).isDirectory()) out.push(...(await listYaml(full)));
    else if (/\.ya?ml$/.test(name)) out.push(full);
  }
  return out;
}

/**
 * Loads a content folder: `exams/*.yaml` (exam definitions) and every other `*.yaml` below it
 * (items). `root` may also be a single item file, checked against the exams of `examsDir`.
 */
export async function loadContent(root: string, examsDirOption?: string): Promise<LoadedContent> {
  const problems: Problem[] = [];
  const rootStat = await stat(root).catch(() => undefined);
  const ownExams = rootStat?.isDirectory() ? path.join(root, 'exams') : undefined;
  const examsDir = examsDirOption ?? (ownExams && (await stat(ownExams).catch(() => undefined)) ? ownExams : path.join('content', 'exams'));
  if (!rootStat) {
    return { exams: [], entries: [], sources: new Map(), lessons: [], projects: [], problems: [{ severity: 'error', code: 'not-found', message: 'no such file or folder', file: root, line: 1, column: 1 }] };
  }
  const itemFiles = rootStat.isDirectory() ? (await listYaml(root)).filter((f) => !f.startsWith(examsDir + path.sep)) : [root];
  const exams: ExamIndex[] = [];
  for (const file of await listYaml(examsDir)) {
    const parsed = parseYaml(await readFile(file, 'utf8'), file);
    problems.push(...parsed.problems);
    if (parsed.value === undefined) continue;
    const result = examSchema.safeParse(parsed.value);
    if (!result.success) {
      for (const issue of result.error.issues) {
        const { line, column } = parsed.locate(issue.path as (string | number)[]);
        problems.push({ severity: 'error', code: 'exam-schema', message: `${issue.path.join('.')}: ${issue.message}`, file, line, column });
      }
      continue;
    }
    exams.push(indexExam(result.data));
  }
  if (exams.length === 0) problems.push({ severity: 'error', code: 'no-exam', message: 'no valid exam definition found', file: examsDir, line: 1, column: 1 });

  const raw: RawEntry[] = [];
  for (const file of itemFiles) {
    const parsed = parseContentFile(await readFile(file, 'utf8'), path.relative(process.cwd(), file) || file);
    problems.push(...parsed.problems);
    raw.push(...parsed.entries);
  }
  const checked = checkBank(raw, exams);
  const sources = new Map<string, string>();
  for (const r of raw) {
    const id = (r.value as { id?: unknown } | null)?.id;
    if (typeof id === 'string' && !sources.has(id)) sources.set(id, r.file);
  }
  const dir = rootStat.isDirectory();
  const { lessons, problems: lessonProblems } = dir ? await loadLessons(path.join(root, 'lessons'), exams) : { lessons: [], problems: [] };
  const { projects, problems: projectProblems } = dir ? await loadProjects(path.join(root, 'projects'), exams) : { projects: [], problems: [] };
  return { exams, entries: checked.entries, problems: [...problems, ...checked.problems, ...lessonProblems, ...projectProblems], sources, lessons, projects };
}
