import { useCallback, useEffect, useRef } from 'react';
import { api } from '../api/api-client.ts';
import { QuestionClock } from './question-clock.ts';

/** How often the totals go to the server while the candidate works. */
const SEND_EVERY_MS = 15_000;
const ACTIVITY_EVENTS = ['keydown', 'pointerdown', 'wheel', 'touchstart'] as const;

/**
 * Measures how long each question of an open attempt is on screen (`QuestionClock`) and sends the
 * totals every few seconds, when the page is hidden or closed, and before submission (`flush`).
 * `show(position)` tells it which question is on screen (null: none).
 */
export function useQuestionTime(attemptId: string, initial: Record<string, number> | undefined) {
  const clock = useRef<QuestionClock | null>(null);
  const shown = useRef<number | null>(null);
  const sending = useRef<Promise<void> | null>(null);
  if (!clock.current && initial) clock.current = new QuestionClock(initial, () => performance.now());

  const send = useCallback(
    (keepalive = false): Promise<void> => {
      const c = clock.current;
      if (!c) return Promise.resolve();
      const pending = c.pending().slice(0, 200);
      if (pending.length === 0) return sending.current ?? Promise.resolve();
      const p = api.questionTime(attemptId, pending, keepalive).then(
        () => c.acknowledge(pending),
        // Not acknowledged: the same totals, grown, go with the next send. Time is never worth an error on screen.
        () => undefined,
      );
      sending.current = p;
      return p;
    },
    [attemptId],
  );

  const show = useCallback((position: number | null) => {
    shown.current = position;
    clock.current?.show(document.visibilityState === 'visible' ? position : null);
  }, []);

  useEffect(() => {
    if (!clock.current) return;
    const timer = setInterval(() => void send(), SEND_EVERY_MS);
    const onVisibility = () => {
      clock.current?.show(document.visibilityState === 'visible' ? shown.current : null);
      if (document.visibilityState === 'hidden') void send(true);
    };
    const onPageHide = () => void send(true);
    const onActivity = () => clock.current?.activity();
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('pagehide', onPageHide);
    for (const e of ACTIVITY_EVENTS) window.addEventListener(e, onActivity, { passive: true, capture: true });
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', onPageHide);
      for (const e of ACTIVITY_EVENTS) window.removeEventListener(e, onActivity, { capture: true });
      clock.current?.show(null);
      void send(true);
    };
  }, [send, initial !== undefined]);

  /** Sends what is left and waits for it (before submitting). */
  const flush = useCallback(async () => {
    clock.current?.show(null);
    await send();
    if (shown.current !== null) clock.current?.show(shown.current);
  }, [send]);

  return { show, flush };
}
