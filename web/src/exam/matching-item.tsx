import type { PresentedItem } from '../../../src/core/api/contracts.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import type { ItemState } from './save-queue.ts';

/** Matching: one labelled <select> per prompt, operable by keyboard like any form field. */
export function MatchingItem({ item, state, locked, stemId, onChange }: { item: PresentedItem; state: ItemState; locked: boolean; stemId: string; onChange: (s: ItemState) => void }) {
  const { t } = useI18n();
  const pairs = state.answer && 'pairs' in state.answer ? state.answer.pairs : {};
  const set = (prompt: string, response: string) => {
    const next = { ...pairs };
    if (response) next[prompt] = response;
    else delete next[prompt];
    onChange({ ...state, answer: Object.keys(next).length ? { pairs: next } : null });
  };
  return (
    <div role="group" aria-labelledby={stemId} className="matching">
      <p className="hint">{t('matchHelp')}</p>
      {(item.prompts ?? []).map((p) => {
        const id = `match-${item.position}-${p.id}`;
        return (
          <div key={p.id} className="match-row">
            <label htmlFor={id} lang="en">
              {p.text}
            </label>
            <select id={id} value={pairs[p.id] ?? ''} disabled={locked} onChange={(e) => set(p.id, e.target.value)}>
              <option value="">{t('choose')}</option>
              {(item.responses ?? []).map((r) => (
                <option key={r.id} value={r.id} lang="en">
                  {r.text}
                </option>
              ))}
            </select>
            {/* A select cuts long responses; the whole chosen response is written out beneath it. */}
            {pairs[p.id] && (
              <p className="match-chosen" lang="en">
                {(item.responses ?? []).find((r) => r.id === pairs[p.id])?.text}
              </p>
            )}
          </div>
        );
      })}
    </div>
  );
}
