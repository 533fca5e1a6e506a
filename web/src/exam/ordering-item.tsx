import { useRef, useState } from 'react';
import type { PresentedItem } from '../../../src/core/api/contracts.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { currentOrder, isAnswered, move } from './answer-state.ts';
import type { ItemState } from './save-queue.ts';

/**
 * Ordering without drag and drop: a numbered list with "Move up" / "Move down" buttons. After a
 * move, focus follows the moved step (on the same button when it still applies) and a polite live
 * region says where it went, so keyboard and screen-reader users keep their place.
 */
export function OrderingItem({ item, state, locked, stemId, onChange }: { item: PresentedItem; state: ItemState; locked: boolean; stemId: string; onChange: (s: ItemState) => void }) {
  const { t } = useI18n();
  const order = currentOrder(item, state.answer);
  const answered = isAnswered(item, state.answer);
  const text = new Map((item.steps ?? []).map((s) => [s.id, s.text]));
  const buttons = useRef(new Map<string, HTMLButtonElement | null>());
  const [announcement, setAnnouncement] = useState('');

  const shift = (index: number, delta: -1 | 1) => {
    const next = move(order, index, delta);
    const id = order[index] as string;
    const to = index + delta;
    onChange({ ...state, answer: { order: next } });
    setAnnouncement(t('movedTo', { text: text.get(id) ?? id, pos: to + 1, n: next.length }));
    const atEdge = (delta === -1 && to === 0) || (delta === 1 && to === next.length - 1);
    const target = `${id}:${atEdge ? (delta === -1 ? 'down' : 'up') : delta === -1 ? 'up' : 'down'}`;
    requestAnimationFrame(() => buttons.current.get(target)?.focus());
  };

  return (
    <div role="group" aria-labelledby={stemId} aria-describedby={`order-help-${item.position}`} className="ordering">
      <p id={`order-help-${item.position}`} className="hint">
        {t('orderHelp')}
      </p>
      <ol className="order-list">
        {order.map((id, index) => (
          <li key={id} className="order-step">
            <span className="order-pos" aria-hidden="true">{index + 1}</span>
            <span className="order-text" lang="en">{text.get(id)}</span>
            <span className="order-buttons">
              <button
                type="button"
                ref={(el) => void buttons.current.set(`${id}:up`, el)}
                disabled={locked || index === 0}
                aria-label={t('moveUpLabel', { text: text.get(id) ?? id })}
                onClick={() => shift(index, -1)}
              >
                ↑ {t('moveUp')}
              </button>
              <button
                type="button"
                ref={(el) => void buttons.current.set(`${id}:down`, el)}
                disabled={locked || index === order.length - 1}
                aria-label={t('moveDownLabel', { text: text.get(id) ?? id })}
                onClick={() => shift(index, 1)}
              >
                ↓ {t('moveDown')}
              </button>
            </span>
          </li>
        ))}
      </ol>
      {!answered && !locked && (
        <p className="hint">
          {t('orderNotSet')}{' '}
          <button type="button" onClick={() => onChange({ ...state, answer: { order } })}>
            {t('useThisOrder')}
          </button>
        </p>
      )}
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
    </div>
  );
}
