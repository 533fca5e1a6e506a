import type { ScoreReport } from '../../../src/core/api/contracts.ts';

/** A CSV field: quoted when it holds a comma, a quote or a line break (RFC 4180); a leading =, +, - or @ is neutralised for spreadsheets. */
function field(value: string | number | boolean | null): string {
  let s = value === null ? '' : String(value);
  if (/^[=+\-@]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One row per question of a report, in the order shown: what a candidate needs to track their results elsewhere. */
export function resultsCsv(report: ScoreReport): string {
  const header = ['number', 'question_id', 'domain', 'task', 'scored', 'answered', 'correct', 'stem'];
  const rows = report.items.map((i, n) => [n + 1, i.itemId, i.domain, i.task, i.scored, i.answered, i.correct, i.stem.replace(/\s+/g, ' ').trim()].map(field).join(','));
  return [header.join(','), ...rows].join('\r\n') + '\r\n';
}
