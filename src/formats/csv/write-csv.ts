import { stringify } from 'csv-stringify/sync';
import type { BankEntry, CaseStudy, Question } from '../../core/items/item-schema.ts';
import type { WriteResult } from '../common/format-problem.ts';
import { examTagsToText } from '../common/exam-tags-text.ts';
import { mapQuestions } from '../common/item-parts.ts';
import { lossReport } from '../common/lost-fields.ts';
import { CSV_COLUMNS, joinList, splitList, type CsvRow } from './csv-columns.ts';

/** What CSV keeps: everything, except that list values are split at `|` and lists are trimmed. */
export function projectCsv(entries: BankEntry[]): BankEntry[] {
  const list = <T extends string[] | undefined>(l: T): T => (l === undefined ? l : (splitList(joinList(l)) as T));
  const meta = (q: Question): Question => ({
    ...q,
    ...(q.references ? { references: list(q.references) } : {}),
    ...(q.tags ? { tags: list(q.tags) } : {}),
  });
  return entries.map((e) => mapQuestions(e, meta));
}

function row(q: Question, c?: CaseStudy): CsvRow {
  const r: CsvRow = {
    id: q.id,
    type: q.type,
    case_id: c?.id ?? '',
    case_title: c?.title ?? '',
    case_scenario: c?.scenario ?? '',
    exams: joinList(examTagsToText(q.exams)),
    difficulty: q.difficulty === undefined ? '' : String(q.difficulty),
    stem: q.stem,
    explanation: q.explanation ?? '',
    references: joinList(q.references),
    tags: joinList(q.tags),
    select: q.type === 'multiple' ? String(q.select) : '',
  };
  const choices: { id: string; text: string; why?: string | undefined }[] = q.type === 'ordering' ? q.steps : q.type === 'matching' ? q.prompts : q.options;
  r.choice_ids = joinList(choices.map((c) => c.id));
  choices.forEach((ch, i) => {
    r[`choice_${i + 1}`] = ch.text;
    r[`why_${i + 1}`] = ch.why ?? '';
  });
  if (q.type === 'single' || q.type === 'multiple') r.key = joinList(q.options.filter((o) => o.correct).map((o) => o.id));
  else if (q.type === 'matching') {
    r.key = joinList(q.prompts.map((p) => `${p.id}=${p.match}`));
    r.response_ids = joinList(q.responses.map((x) => x.id));
    q.responses.forEach((x, i) => {
      r[`response_${i + 1}`] = x.text;
      r[`response_why_${i + 1}`] = x.why ?? '';
    });
  } else r.key = ''; // ordering: the choices are written in the correct order
  return r;
}

/** A CSV file with the documented header (csv-columns.ts), one row per question. */
export function writeCsv(entries: BankEntry[]): WriteResult<string> {
  const carried = projectCsv(entries);
  const rows: CsvRow[] = [];
  for (const e of carried) {
    if (e.type === 'case') for (const q of e.questions) rows.push(row(q, e));
    else rows.push(row(e));
  }
  const output = stringify(rows, { header: true, columns: [...CSV_COLUMNS], quoted_match: /^[\s\S]*[\r\n][\s\S]*$/ });
  return { output, problems: lossReport('CSV', entries, carried) };
}
