import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n/i18n-context.tsx';
import { crossedThreshold, formatRemaining, remainingMs } from './countdown.ts';

/**
 * The visible countdown. The ticking text is deliberately not a live region (a screen reader would
 * read it every second); a separate polite region speaks only when a threshold (30, 10, 5, 1
 * minutes) is crossed. Calls `onExpire` once when the server's deadline is reached.
 */
export function ExamTimer({ deadline, offsetMs, onExpire }: { deadline: string; offsetMs: number; onExpire: () => void }) {
  const { t } = useI18n();
  const [left, setLeft] = useState(() => remainingMs(deadline, Date.now(), offsetMs));
  const [announcement, setAnnouncement] = useState('');
  const previous = useRef(left);
  const expired = useRef(false);
  const expire = useRef(onExpire);
  expire.current = onExpire;

  useEffect(() => {
    const tick = () => {
      const next = remainingMs(deadline, Date.now(), offsetMs);
      const crossed = crossedThreshold(previous.current, next);
      if (crossed !== null) setAnnouncement(t('timeAnnounce', { n: crossed }));
      previous.current = next;
      setLeft(next);
      if (next <= 0 && !expired.current) {
        expired.current = true;
        expire.current();
      }
    };
    tick();
    const id = window.setInterval(tick, 1000);
    return () => window.clearInterval(id);
  }, [deadline, offsetMs, t]);

  const low = left <= 5 * 60_000;
  return (
    <div className={`timer${low ? ' low' : ''}`}>
      <span className="timer-label">{t('timeLeft')}</span>{' '}
      <span className="timer-value" data-testid="time-left">
        {formatRemaining(left)}
      </span>
      <span className="visually-hidden" role="status">
        {announcement}
      </span>
    </div>
  );
}
