/** What the quick check's main button does on the item shown. */
export type QuickStep = 'next' | 'finish';

/**
 * The quick check asks for the next item until it has `target` of them, or until the server says
 * there is no further item (`complete`, from a 409 `quick-complete`, when the bank runs out
 * before the target); then the button submits for the result. Without a target (an older
 * attempt) the items already there are all there will be.
 */
export function quickStep(items: number, target: number | undefined, complete: boolean): QuickStep {
  if (complete || target === undefined) return 'finish';
  return items >= target ? 'finish' : 'next';
}
