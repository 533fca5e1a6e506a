import type { ScoreReport } from '../../../src/core/api/contracts.ts';
import { csvField } from '../../../src/core/util/csv-field.ts';

const field = csvField;

/** One row per question of a report, in the order shown: what a candidate needs to track their results elsewhere. */
export function resultsCsv(report: ScoreReport): string {
  const header = ['number', 'question_id', 'domain', 'task', 'scored', 'answered', 'correct', 'stem'];
  const rows = report.items.map((i, n) => [n + 1, i.itemId, i.domain, i.task, i.scored, i.answered, i.correct, i.stem.replace(/\s+/g, ' ').trim()].map(field).join(','));
  return [header.join(','), ...rows].join('\r\n') + '\r\n';
}
