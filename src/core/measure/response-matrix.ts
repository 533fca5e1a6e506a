/**
 * Dichotomous responses of persons to items, stored sparsely so that "not presented" costs nothing.
 *
 * Row r answered items `items[rowStart[r] .. rowStart[r+1])` with scores in the same positions of
 * `scores` (1 right, 0 wrong); `weights[r]` counts identical persons (1 for raw data, the frequency
 * for pattern files). Any source (CSV, database, simulation) builds one of these; calibration,
 * ability estimation and item analysis take it as is.
 */
export interface ResponseMatrix {
  itemIds: readonly string[];
  rowStart: Int32Array;
  items: Int32Array;
  scores: Uint8Array;
  weights: Float64Array;
}

/** Score code in dense input for "not presented / not answered". */
export const MISSING = 255;

/** Number of rows (persons or response patterns) of a matrix. */
export function rowCount(m: ResponseMatrix): number {
  return m.rowStart.length - 1;
}

/**
 * Builds a matrix from rows of `1`, `0` or `null` (not answered), one entry per item.
 * Throws, naming the row and item, on a cell that is not 0, 1 or null, or on a bad weight.
 */
export function responseMatrix(
  itemIds: readonly string[],
  rows: ReadonlyArray<ReadonlyArray<0 | 1 | null>>,
  weights?: ArrayLike<number>,
): ResponseMatrix {
  const nItems = itemIds.length;
  const dense = new Uint8Array(rows.length * nItems);
  rows.forEach((row, r) => {
    if (row.length !== nItems) throw new Error(`row ${r + 1}: ${row.length} cells for ${nItems} items`);
    for (let j = 0; j < nItems; j++) {
      const v = row[j];
      if (v !== 0 && v !== 1 && v !== null) throw new Error(`row ${r + 1}, item ${itemIds[j]}: expected 0, 1 or null, got ${String(v)}`);
      dense[r * nItems + j] = v === null ? MISSING : v;
    }
  });
  return responseMatrixFromDense(itemIds, dense, weights);
}

/**
 * Builds a matrix from a row-major dense code array (0, 1, or {@link MISSING}), the compact form
 * used by simulations and file readers.
 */
export function responseMatrixFromDense(itemIds: readonly string[], codes: Uint8Array, weights?: ArrayLike<number>): ResponseMatrix {
  const nItems = itemIds.length;
  if (nItems === 0) return { itemIds, rowStart: new Int32Array(1), items: new Int32Array(0), scores: new Uint8Array(0), weights: new Float64Array(0) };
  if (codes.length % nItems !== 0) throw new Error(`dense responses: ${codes.length} cells is not a multiple of ${nItems} items`);
  const nRows = codes.length / nItems;
  let answered = 0;
  for (let k = 0; k < codes.length; k++) if (codes[k] !== MISSING) answered++;
  const rowStart = new Int32Array(nRows + 1);
  const items = new Int32Array(answered);
  const scores = new Uint8Array(answered);
  let at = 0;
  for (let r = 0; r < nRows; r++) {
    rowStart[r] = at;
    const base = r * nItems;
    for (let j = 0; j < nItems; j++) {
      const v = codes[base + j]!;
      if (v === MISSING) continue;
      if (v > 1) throw new Error(`row ${r + 1}, item ${itemIds[j]}: score code ${v} is not 0, 1 or missing`);
      items[at] = j;
      scores[at++] = v;
    }
  }
  rowStart[nRows] = at;
  return { itemIds, rowStart, items, scores, weights: checkedWeights(weights, nRows) };
}

function checkedWeights(weights: ArrayLike<number> | undefined, nRows: number): Float64Array {
  if (weights === undefined) return new Float64Array(nRows).fill(1);
  if (weights.length !== nRows) throw new Error(`weights: ${weights.length} values for ${nRows} rows`);
  const out = Float64Array.from(weights);
  for (let r = 0; r < nRows; r++) {
    const w = out[r]!;
    if (!Number.isFinite(w) || w < 0) throw new Error(`row ${r + 1}: weight must be a finite number >= 0, got ${w}`);
  }
  return out;
}
