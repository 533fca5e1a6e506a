import { parseArgs } from 'node:util';
import { itemAnalysis, type ItemStatistics } from '../../core/measure/item-analysis.ts';
import type { BankAnswer } from '../../core/scoring/score-question.ts';
import { responses } from '../../db/repositories/responses.ts';
import type { Command } from '../main.ts';
import { openStore } from '../open-store.ts';

const USAGE = 'usage: certprep items stats [--database URL] [--json] [--limit N]';

/** `certprep items <subcommand>`. */
export const items: Command = async (argv) => {
  if (argv[0] !== 'stats') {
    console.error(`certprep items: ${argv[0] ? `unknown subcommand "${argv[0]}"` : 'a subcommand is needed'}\n${USAGE}`);
    return 2;
  }
  return stats(argv.slice(1));
};

/** Worst first: flagged items, then the lowest discrimination. */
function badness(s: ItemStatistics): number {
  return (s.flags.length > 0 ? -10 : 0) + (s.pointBiserial ?? 0);
}

async function stats(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ args: argv, options: { database: { type: 'string' }, json: { type: 'boolean' }, limit: { type: 'string' } } }));
  } catch (e) {
    console.error(`certprep items stats: ${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  const handle = await openStore(values.database);
  try {
    const rows = await responses.forMeasurement(handle.db);
    if (rows.length === 0) {
      console.error('certprep items stats: no responses are stored yet');
      return 1;
    }
    const chosen = (answer: string | null): string[] | undefined => {
      if (!answer) return undefined;
      const a = JSON.parse(answer) as BankAnswer;
      return 'choice' in a ? [a.choice] : 'choices' in a ? a.choices : undefined;
    };
    const analysis = itemAnalysis(rows.map((r) => ({ person: r.attemptId, item: r.itemId, score: r.correct ? 1 : 0, chosen: chosen(r.answer) })));
    const sorted = analysis.items.slice().sort((a, b) => badness(a) - badness(b));
    const limit = values.limit ? Number(values.limit) : sorted.length;
    if (values.json) {
      console.log(JSON.stringify({ persons: analysis.persons, kr20: analysis.kr20, items: sorted.slice(0, limit) }, null, 2));
      return 0;
    }
    console.log(`${'item'.padEnd(24)} ${'n'.padStart(6)} ${'p'.padStart(6)} ${'r_pb'.padStart(6)}  choice rates / flags`);
    for (const s of sorted.slice(0, limit)) {
      const rates = Object.entries(s.choiceRates).map(([o, r]) => `${o}:${r.toFixed(2)}`).join(' ');
      console.log(`${s.item.padEnd(24)} ${String(s.responses).padStart(6)} ${s.p.toFixed(2).padStart(6)} ${(s.pointBiserial === null ? '-' : s.pointBiserial.toFixed(2)).padStart(6)}  ${rates}${s.flags.length ? `  [${s.flags.join(', ')}]` : ''}`);
    }
    console.log(`\n${analysis.items.length} items, ${analysis.persons} attempts; KR-20 ${analysis.kr20 === null ? 'n/a (no attempt answered every item)' : analysis.kr20.toFixed(3)}`);
    return 0;
  } finally {
    await handle.close();
  }
};
