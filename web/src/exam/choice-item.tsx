import { useRef, useState, type KeyboardEvent } from 'react';
import type { Answer, PresentedItem } from '../../../src/core/api/contracts.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import type { ItemState } from './save-queue.ts';

const letter = (i: number) => String.fromCharCode(65 + i);

/**
 * Multiple choice (radio buttons) and multiple response (checkboxes). "Select TWO" allows fewer
 * (the item stays incomplete and the review screen says so) but not more: a further choice is
 * refused with a note saying to clear one first, and the server refuses such an answer too.
 */
export function ChoiceItem({ item, state, locked, stemId, onChange }: { item: PresentedItem; state: ItemState; locked: boolean; stemId: string; onChange: (s: ItemState) => void }) {
  const { t } = useI18n();
  const multiple = item.type === 'multiple';
  const answer = state.answer;
  const chosen: string[] = answer && 'choices' in answer ? answer.choices : answer && 'choice' in answer ? [answer.choice] : [];
  const select = item.select ?? 2;
  const name = `item-${item.position}`;
  const [refused, setRefused] = useState(false);
  // The strike-out buttons take one Tab stop between them (roving tabindex); the arrow keys move along them.
  const [strikeStop, setStrikeStop] = useState(0);
  const strikeButtons = useRef<(HTMLButtonElement | null)[]>([]);
  const onStrikeKey = (e: KeyboardEvent<HTMLButtonElement>, i: number) => {
    const n = item.options?.length ?? 0;
    const step = e.key === 'ArrowDown' || e.key === 'ArrowRight' ? 1 : e.key === 'ArrowUp' || e.key === 'ArrowLeft' ? -1 : 0;
    const to = e.key === 'Home' ? 0 : e.key === 'End' ? n - 1 : step ? (i + step + n) % n : -1;
    if (to < 0) return;
    e.preventDefault();
    setStrikeStop(to);
    strikeButtons.current[to]?.focus();
  };

  const choose = (id: string, on: boolean) => {
    let next: Answer | null;
    if (!multiple) next = { choice: id };
    else {
      if (on && !chosen.includes(id) && chosen.length >= select) {
        setRefused(true);
        return;
      }
      setRefused(false);
      const choices = on ? [...chosen.filter((c) => c !== id), id] : chosen.filter((c) => c !== id);
      // Keep the display order so the saved answer does not depend on click order.
      const order = (item.options ?? []).map((o) => o.id);
      choices.sort((a, b) => order.indexOf(a) - order.indexOf(b));
      next = choices.length ? { choices } : null;
    }
    onChange({ ...state, answer: next });
  };
  const strike = (id: string) => {
    const struck = state.struck.includes(id) ? state.struck.filter((s) => s !== id) : [...state.struck, id];
    onChange({ ...state, struck });
  };

  return (
    <div role={multiple ? 'group' : 'radiogroup'} className="choices" aria-labelledby={stemId} aria-describedby={multiple ? `${name}-count` : undefined}>
      {(item.options ?? []).map((o, i) => {
        const isStruck = state.struck.includes(o.id);
        const id = `${name}-${o.id}`;
        return (
          <div key={o.id} className={`option${isStruck ? ' struck' : ''}${chosen.includes(o.id) ? ' chosen' : ''}`}>
            <input
              id={id}
              type={multiple ? 'checkbox' : 'radio'}
              name={name}
              value={o.id}
              checked={chosen.includes(o.id)}
              disabled={locked}
              onChange={(e) => choose(o.id, e.target.checked)}
            />
            <label htmlFor={id}>
              <span className="option-letter" aria-hidden="true">{letter(i)}.</span> <span className="option-text" lang="en">{o.text}</span>
              {isStruck && <span className="visually-hidden"> {t('struckOut')}</span>}
            </label>
            <button
              ref={(el) => {
                strikeButtons.current[i] = el;
              }}
              type="button"
              className="strike"
              tabIndex={i === strikeStop ? 0 : -1}
              aria-describedby={`${name}-strike-help`}
              onKeyDown={(e) => onStrikeKey(e, i)}
              onFocus={() => setStrikeStop(i)}
              // The label says what the button will do (not a pressed state), as on the real test driver.
              aria-label={isStruck ? t('unstrikeLabel', { label: letter(i) }) : t('strikeLabel', { label: letter(i) })}
              disabled={locked}
              onClick={() => strike(o.id)}
            >
              {isStruck ? t('unstrike') : t('strike')}
            </button>
          </div>
        );
      })}
      <p id={`${name}-strike-help`} className="visually-hidden">
        {t('strikeHelp')}
      </p>
      {multiple && (
        <p id={`${name}-count`} className={`select-count${refused ? ' warn' : ''}`} aria-live="polite">
          {refused ? t('selectedTooMany', { n: select }) : t('selectedOf', { k: chosen.length, n: select })}
        </p>
      )}
    </div>
  );
}
