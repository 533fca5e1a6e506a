import type { ResponseMatrix } from './response-matrix.ts';

/**
 * Builds a sparse response matrix from stored responses, one row per person (an attempt, so an
 * ability that grows between attempts is not averaged), items in first-seen order. A person who saw
 * an item twice keeps the later score.
 */
export function matrixFromResponses(responses: readonly { person: string; item: string; score: 0 | 1 }[]): ResponseMatrix {
  const itemIndex = new Map<string, number>();
  const byPerson = new Map<string, Map<number, 0 | 1>>();
  for (const r of responses) {
    let j = itemIndex.get(r.item);
    if (j === undefined) itemIndex.set(r.item, (j = itemIndex.size));
    let row = byPerson.get(r.person);
    if (!row) byPerson.set(r.person, (row = new Map()));
    row.set(j, r.score);
  }
  const rowStart = new Int32Array(byPerson.size + 1);
  const total = [...byPerson.values()].reduce((n, row) => n + row.size, 0);
  const items = new Int32Array(total);
  const scores = new Uint8Array(total);
  let k = 0;
  let r = 0;
  for (const row of byPerson.values()) {
    rowStart[r++] = k;
    for (const [j, s] of [...row].sort((a, b) => a[0] - b[0])) {
      items[k] = j;
      scores[k++] = s;
    }
  }
  rowStart[r] = k;
  return { itemIds: [...itemIndex.keys()], rowStart, items, scores, weights: new Float64Array(byPerson.size).fill(1) };
}
